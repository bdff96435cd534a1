package db.migration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clearance.screening.OrderSearchTerms;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Creates the table that GET /api/v1/screenings searches by party name and country (screening_search_term) and fills
 * it for every screening stored before it existed, from the stored order JSON with the code that fills it for new
 * screenings. Java, because the rows come from parsing that JSON. Portable SQL: H2 (default) and PostgreSQL.
 * The rows are derived from order_json, which the audit chain covers, so they are not themselves part of the chain.
 */
public class V13__Screening_search_terms extends BaseJavaMigration {

    private static final int PAGE = 500;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE screening_search_term ("
                    + "screening_id UUID NOT NULL REFERENCES screening (id) ON DELETE CASCADE, "
                    + "position INTEGER NOT NULL, "
                    + "kind VARCHAR(32) NOT NULL, "
                    + "name_key VARCHAR(2000), "
                    + "country VARCHAR(2), "
                    + "PRIMARY KEY (screening_id, position))");
            statement.execute("CREATE INDEX screening_search_term_country ON screening_search_term (country)");
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

    /** The next screenings by id (keyset paging: memory stays flat however many are stored). */
    private static Map<UUID, String> page(Connection connection, UUID after) throws SQLException {
        Map<UUID, String> orders = new LinkedHashMap<>();
        String sql = "SELECT id, order_json FROM screening" + (after == null ? "" : " WHERE id > ?") + " ORDER BY id LIMIT " + PAGE;
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            if (after != null) {
                select.setObject(1, after);
            }
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    orders.put(row.getObject(1, UUID.class), row.getString(2));
                }
            }
        }
        return orders;
    }

    private static void insert(Connection connection, Map<UUID, String> orders) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO screening_search_term "
                + "(screening_id, position, kind, name_key, country) VALUES (?, ?, ?, ?, ?)")) {
            for (Map.Entry<UUID, String> order : orders.entrySet()) {
                List<OrderSearchTerms.Term> terms = OrderSearchTerms.of(parse(order.getValue()));
                for (int position = 0; position < terms.size(); position++) {
                    OrderSearchTerms.Term term = terms.get(position);
                    insert.setObject(1, order.getKey());
                    insert.setInt(2, position);
                    insert.setString(3, term.kind());
                    insert.setString(4, term.nameKey());
                    insert.setString(5, term.country());
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
    }

    /** The stored order, or null when it is not JSON (it always is; such a screening is then not searchable by party). */
    private static JsonNode parse(String orderJson) {
        try {
            return JSON.readTree(orderJson);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
