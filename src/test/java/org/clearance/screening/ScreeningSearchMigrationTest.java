package org.clearance.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * Migration V13 indexes the screenings stored before it with the same rows as storing them now would give, so that
 * searching by party and country finds old screenings too.
 */
class ScreeningSearchMigrationTest {

    @Test
    void shouldIndexScreeningsStoredBeforeTheSearchTable() throws Exception {
        String url = "jdbc:h2:mem:v13-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").target("11").load().migrate();
        UUID id = UUID.randomUUID();
        String order = """
                {"id":"OLD-1","seller":{"name":"Old Seller AG","country":"CH"},"buyer":{"name":"Old Buyer","country":"AM"},\
                "route":["CH","GE","AM"],"lines":[]}""";
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            connection.createStatement().execute("INSERT INTO rule_pack_version (hash, activated_at, activated_by) "
                    + "VALUES ('h', CURRENT_TIMESTAMP, 'test')");
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO screening (id, order_id, decision, "
                    + "verdict_us, verdict_eu, verdict_uk, verdict_jp, rule_pack, as_of, screened_at, order_json, "
                    + "rule_pack_version_id) VALUES (?, 'OLD-1', 'CLEAR', 'CLEAR', 'CLEAR', 'CLEAR', 'CLEAR', 'h', "
                    + "CURRENT_DATE, CURRENT_TIMESTAMP, ?, (SELECT MIN(id) FROM rule_pack_version))")) {
                insert.setObject(1, id);
                insert.setString(2, order);
                insert.execute();
            }
        }

        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").target("13").load().migrate();

        List<String> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             PreparedStatement select = connection.prepareStatement("SELECT position, kind, name_key, country "
                     + "FROM screening_search_term WHERE screening_id = ? ORDER BY position")) {
            select.setObject(1, id);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    rows.add(row.getInt(1) + " " + row.getString(2) + " " + row.getString(3) + " " + row.getString(4));
                }
            }
        }
        assertThat(rows).containsExactly("0 SELLER old seller ag CH", "1 BUYER old buyer AM", "2 ROUTE null CH",
                "3 ROUTE null GE", "4 ROUTE null AM");
    }
}
