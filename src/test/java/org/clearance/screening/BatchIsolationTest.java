package org.clearance.screening;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.clearance.security.Roles;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A batch stores every valid order whatever the others hold: an invalid one is reported in its place, and one the
 * database refuses (a constraint added for the test, on H2 and PostgreSQL alike) does not take the others with it.
 */
@QuarkusTest
@Tag("database")
@TestSecurity(user = "batch", roles = {Roles.SCREENER})
class BatchIsolationTest {

    @Inject
    AgroalDataSource dataSource;

    @org.junit.jupiter.api.BeforeEach
    void loadRulePack() {
        org.clearance.fuzz.ServerWarmup.loadRulePack();
    }

    private static String order(String id) throws Exception {
        String clear = Files.readString(Path.of("examples/orders/03-italian-furniture-to-kazakhstan-clear.json"));
        return clear.replace("\"MVS-25-0932\"", "\"" + id + "\"");
    }

    @Test
    void shouldStoreTheThreeGoodOrdersOfABatchWhoseFourthHasA300CharacterId() throws Exception {
        String prefix = "ISO-" + UUID.randomUUID();
        String body = "[" + order(prefix + "-0") + "," + order(prefix + "-1") + "," + order(prefix + "-2") + ","
                + order("X".repeat(300)) + "]";

        JsonPath answer = given().contentType("application/json").body(body)
                .when().post("/api/v1/screenings/batch").then().statusCode(200).extract().jsonPath();

        assertThat(answer.getList("results")).hasSize(4);
        assertThat(answer.getList("results.screening.decision")).containsExactly("CLEAR", "CLEAR", "CLEAR");
        assertThat(answer.getString("results[3].screening")).isNull();
        assertThat(answer.getList("results[3].errors.pointer")).containsExactly("/3/id");
        assertThat(answer.getString("results[3].errors[0].message")).isEqualTo("is too long: 300 characters; at most 128 are allowed");
        assertThat(stored(prefix)).isEqualTo(3);
    }

    @Test
    void shouldStoreEveryOtherOrderWhenTheDatabaseRefusesOneEvenAcrossChunks() throws Exception {
        String prefix = "ISO-" + UUID.randomUUID();
        String refused = "REFUSED-" + UUID.randomUUID();
        int size = ScreeningService.STORE_CHUNK + 5; // two chunks: the refused orders are in both
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            orders.add(order(i == 1 || i == size - 2 ? refused : prefix + "-" + i));
        }
        execute("ALTER TABLE screening ADD CONSTRAINT test_refuse_order CHECK (order_id <> '" + refused + "')");
        JsonPath answer;
        try {
            answer = given().contentType("application/x-ndjson").body(String.join("\n", orders.stream()
                            .map(o -> o.replaceAll("\\s*\\n\\s*", " ")).toList()).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .when().post("/api/v1/screenings/batch").then().statusCode(200).extract().jsonPath();
        } finally {
            execute("ALTER TABLE screening DROP CONSTRAINT test_refuse_order");
        }

        assertThat(answer.getList("results")).hasSize(size);
        for (int i : new int[] {1, size - 2}) {
            assertThat(answer.getString("results[" + i + "].screening")).isNull();
            assertThat(answer.getString("results[" + i + "].errors[0].message")).startsWith("screened, but the screening could not be stored");
        }
        assertThat(answer.getList("results.screening.decision")).hasSize(size - 2).containsOnly("CLEAR");
        assertThat(stored(prefix)).isEqualTo(size - 2);
        assertThat(stored(refused)).isZero();
    }

    @Test
    void shouldAnswer503WhenTheDatabaseRefusesASingleOrder() throws Exception {
        String refused = "ISO-" + UUID.randomUUID() + "-REFUSED";
        execute("ALTER TABLE screening ADD CONSTRAINT test_refuse_single CHECK (order_id <> '" + refused + "')");
        try {
            given().contentType("application/json").body(order(refused))
                    .when().post("/api/v1/screenings")
                    .then().statusCode(503).contentType("application/problem+json")
                    .body("title", org.hamcrest.Matchers.equalTo("Screening not stored"));
        } finally {
            execute("ALTER TABLE screening DROP CONSTRAINT test_refuse_single");
        }
    }

    private long stored(String orderIdPrefix) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM screening WHERE order_id LIKE ?")) {
            count.setString(1, orderIdPrefix + "%");
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
