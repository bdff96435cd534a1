package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clearance.lists.EntryCodec;
import org.clearance.lists.MatchableIdentifier;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Creates list_record_identifier: the identifiers of each stored list entry that Clearance matches exactly (IMO, LEI,
 * SWIFT/BIC, INN, OGRN, VAT, tax and registration numbers), normalised, indexed by match_key for exact look-up, and
 * fills it for every entry stored before it existed from entry_json, with the code that fills it at import. Java,
 * because the rows come from parsing that JSON. Portable SQL: H2 (default) and PostgreSQL.
 */
public class V18__List_record_identifiers extends BaseJavaMigration {

    private static final int PAGE = 500;

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE list_record_identifier ("
                    + "record_id UUID NOT NULL REFERENCES list_record (id) ON DELETE CASCADE, "
                    + "position INTEGER NOT NULL, "
                    + "id_type VARCHAR(32) NOT NULL, "
                    + "id_value VARCHAR(100) NOT NULL, "
                    + "country VARCHAR(2), "
                    + "match_key VARCHAR(140) NOT NULL, "
                    + "PRIMARY KEY (record_id, position))");
            statement.execute("CREATE INDEX list_record_identifier_key ON list_record_identifier (match_key)");
        }
        UUID after = null;
        while (true) {
            Map<UUID, String> page = page(connection, after);
            if (page.isEmpty()) {
                return;
            }
            insert(connection, page);
            after = page.keySet().stream().reduce((first, second) -> second).orElseThrow();
        }
    }

    /** The next entries by id (keyset paging: memory stays flat however many are stored). */
    private static Map<UUID, String> page(Connection connection, UUID after) throws SQLException {
        Map<UUID, String> entries = new LinkedHashMap<>();
        String sql = "SELECT id, entry_json FROM list_record" + (after == null ? "" : " WHERE id > ?") + " ORDER BY id LIMIT " + PAGE;
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            if (after != null) {
                select.setObject(1, after);
            }
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    entries.put(row.getObject(1, UUID.class), row.getString(2));
                }
            }
        }
        return entries;
    }

    private static void insert(Connection connection, Map<UUID, String> entries) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO list_record_identifier "
                + "(record_id, position, id_type, id_value, country, match_key) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (Map.Entry<UUID, String> entry : entries.entrySet()) {
                List<MatchableIdentifier> identifiers = MatchableIdentifier.of(EntryCodec.fromJson(entry.getValue()));
                for (int position = 0; position < identifiers.size(); position++) {
                    MatchableIdentifier identifier = identifiers.get(position);
                    insert.setObject(1, entry.getKey());
                    insert.setInt(2, position);
                    insert.setString(3, identifier.type().name());
                    insert.setString(4, identifier.value());
                    insert.setString(5, identifier.country());
                    insert.setString(6, identifier.matchKey());
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
    }
}
