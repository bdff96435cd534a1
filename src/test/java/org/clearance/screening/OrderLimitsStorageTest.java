package org.clearance.screening;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import org.clearance.order.OrderLimits;
import org.clearance.security.Roles;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The database holds whatever validation allows: every text at its limit in 4-byte characters (the worst case for
 * PostgreSQL's index entries and for H2, which counts UTF-16 units), the largest quantity, and the widened columns
 * keep NOT NULL. Runs on H2 and, in the PostgreSQL run, on PostgreSQL.
 */
@QuarkusTest
@Tag("database")
@TestSecurity(user = "limits", roles = {Roles.SCREENER})
class OrderLimitsStorageTest {

    private static final String EMOJI = "\uD83D\uDE00";

    @Inject
    AgroalDataSource dataSource;

    @org.junit.jupiter.api.BeforeEach
    void loadRulePack() {
        org.clearance.fuzz.ServerWarmup.loadRulePack();
    }

    @Test
    void shouldStoreAndReturnAnOrderWithEveryTextAtItsLimitInFourByteCharacters() throws Exception {
        ObjectNode order = (ObjectNode) new ObjectMapper().readTree(
                Files.readString(Path.of("examples/orders/04-chp-to-kazakhstan-with-no-russia-clause.json")));
        String prefix = "L" + System.nanoTime();
        String id = prefix + EMOJI.repeat(OrderLimits.text("id") - prefix.length());
        order.put("id", id);
        ObjectNode buyer = (ObjectNode) order.get("buyer");
        buyer.put("name", EMOJI.repeat(OrderLimits.text("name")));
        buyer.put("address", EMOJI.repeat(OrderLimits.text("address")));
        buyer.put("region", EMOJI.repeat(OrderLimits.text("region")));
        ObjectNode line = (ObjectNode) order.get("lines").get(0);
        line.put("description", EMOJI.repeat(OrderLimits.text("description")));
        line.put("quantity", new BigDecimal("999999999999999.999999"));
        ((ObjectNode) order.get("end_use")).put("statement", EMOJI.repeat(OrderLimits.text("statement")));

        String location = given().contentType("application/json").body(order.toString())
                .when().post("/api/v1/screenings")
                .then().statusCode(201).body("order_id", equalTo(id)).extract().header("Location");

        given().when().get(location).then().statusCode(200).body("order_id", equalTo(id));
        // Screened again (the buyer-history path), the first order's CHP volume is read back from the widened column.
        order.put("id", prefix + "-2");
        given().contentType("application/json").body(order.toString())
                .when().post("/api/v1/screenings").then().statusCode(201);
    }

    @Test
    void shouldKeepNotNullOnTheWidenedColumns() throws SQLException {
        Map<String, Integer> minimumLengths = Map.of("SCREENING.ORDER_ID", 256, "SCREENING.SOURCE", 4096,
                "SCREENING_FINDING.MESSAGE", 10_000, "SCREENING_FINDING.SUBJECT_LABEL", 10_000,
                "BUYER_ORDER.ORDER_ID", 256);
        try (Connection connection = dataSource.getConnection();
             ResultSet columns = connection.createStatement().executeQuery("""
                     SELECT table_name, column_name, is_nullable, character_maximum_length, numeric_precision, numeric_scale
                     FROM information_schema.columns
                     WHERE UPPER(table_name) IN ('SCREENING', 'SCREENING_FINDING', 'BUYER_ORDER', 'SCREENING_RISK_FACTOR')""")) {
            int checked = 0;
            while (columns.next()) {
                String name = columns.getString(1).toUpperCase() + "." + columns.getString(2).toUpperCase();
                if (minimumLengths.containsKey(name)) {
                    assertThat(columns.getInt(4)).as(name).isGreaterThanOrEqualTo(minimumLengths.get(name));
                    checked++;
                }
                if (name.equals("SCREENING.ORDER_ID") || name.equals("SCREENING_FINDING.MESSAGE")
                        || name.equals("BUYER_ORDER.CHP_QUANTITY") || name.equals("SCREENING_RISK_FACTOR.EXPLANATION")) {
                    assertThat(columns.getString(3)).as(name + " nullable").isEqualTo("NO");
                    checked++;
                }
                if (name.equals("BUYER_ORDER.CHP_QUANTITY")) {
                    assertThat(columns.getInt(5)).as("precision").isGreaterThanOrEqualTo(25);
                    assertThat(columns.getInt(6)).as("scale").isEqualTo(OrderLimits.DECIMAL_PLACES);
                }
            }
            assertThat(checked).isEqualTo(minimumLengths.size() + 4);
        }
    }
}
