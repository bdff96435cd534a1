package org.clearance.history;

import org.clearance.security.Roles;
import io.quarkus.test.security.TestSecurity;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItems;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.clearance.order.OrderInput;
import org.clearance.screening.FindingView;
import org.clearance.screening.ScreeningService;
import org.clearance.screening.ScreeningView;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Customer history through the real database: screenings stored by {@link ScreeningService} become the history of
 * the buyer's next orders. Each test uses its own buyer name, so tests do not see each other's orders.
 */
@QuarkusTest
@TestSecurity(user = "screener.sam", roles = {Roles.SCREENER})
@Tag("database")
class BuyerHistoryTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    ScreeningService service;

    @Test
    void shouldFlagANewBuyerOrderingChpGoodsInQuantity() {
        String buyer = uniqueBuyer();

        assertThat(ruleIds(screen(order("NEW-1", buyer, "2025-05-20", 5000)))).contains("ALL-HIST-NEW-01");
    }

    @Test
    void shouldNotFlagANewBuyerOrderingFewChpUnits() {
        assertThat(ruleIds(screen(order("NEW-2", uniqueBuyer(), "2025-05-20", 500)))).doesNotContain("ALL-HIST-NEW-01");
    }

    @Test
    void shouldNotCountARescreenedOrderAsItsOwnHistory() {
        String buyer = uniqueBuyer();
        screen(order("SAME-1", buyer, "2025-05-20", 5000));

        assertThat(ruleIds(screen(order("SAME-1", buyer, "2025-05-20", 5000)))).contains("ALL-HIST-NEW-01");
    }

    @Test
    void shouldKeepOneHistoryRowAndOneCaseForAnOrderScreenedTwiceInOneBatch() {
        String buyer = uniqueBuyer();
        String orderId = "TWICE-" + java.util.UUID.randomUUID();
        ObjectNode twice = toRussia(order(orderId, buyer, "2025-05-20", 5000)); // held: the order gets a case
        String batch = "[" + twice + "," + twice + "]";

        List<ScreeningService.Outcome> outcomes = service.screenAndStore(OrderInput.split("test", batch).documents(), null,
                org.clearance.security.Actor.cliOperator());

        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome.view()).isNotNull());
        String key = org.clearance.parties.PartyKey.of(buyer, twice.get("buyer").get("country").asText());
        assertThat(BuyerOrder.count("buyerKey = ?1 and orderId = ?2", key, orderId))
                .as("the second screening replaces the first's row, though neither was in the database before").isEqualTo(1);
        assertThat(ruleIds(screen(toRussia(order(orderId + "-NEXT", buyer, "2025-05-21", 5000))))).as("the buyer has an earlier order")
                .doesNotContain("ALL-HIST-NEW-01");
        assertThat(outcomes.get(0).view().decision()).isNotEqualTo(org.clearance.screening.Decision.CLEAR);
        List<?> linked = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                BuyerOrder.getEntityManager().createNativeQuery("SELECT cs.screening_id FROM case_screening cs "
                        + "JOIN compliance_case c ON c.id = cs.case_id WHERE c.order_id = ?1").setParameter(1, orderId)
                        .getResultList());
        assertThat(linked).as("both screenings attached to the one case of the order").hasSize(2);
    }

    @Test
    void shouldFlagAChpVolumeJumpAgainstTheBuyersOwnEarlierOrders() {
        String buyer = uniqueBuyer();
        screen(order("JUMP-1", buyer, "2025-01-10", 500));
        screen(order("JUMP-2", buyer, "2025-02-10", 500));
        ScreeningView third = screen(order("JUMP-3", buyer, "2025-03-10", 1000));
        ScreeningView jump = screen(order("JUMP-4", buyer, "2025-04-10", 5000));

        assertThat(ruleIds(third)).as("1000 against an average of 500: under three times")
                .doesNotContain("ALL-HIST-JUMP-01", "ALL-HIST-NEW-01");
        assertThat(ruleIds(jump)).contains("ALL-HIST-JUMP-01").doesNotContain("ALL-HIST-NEW-01");
        assertThat(message(jump, "ALL-HIST-JUMP-01")).contains("5000 CHP units", "average of 666.67 over 3 earlier");
    }

    @Test
    void shouldCountAnEarlierOrderOnceWhenConcurrentRequestsReScreenedIt() throws Exception {
        String buyer = uniqueBuyer();
        screen(order("TWICE-1", buyer, "2025-01-10", 500));
        screen(order("TWICE-2", buyer, "2025-02-10", 500));

        screenConcurrently(order("TWICE-1", buyer, "2025-01-10", 500).toString(), 16);
        ScreeningView jump = screen(order("TWICE-3", buyer, "2025-03-10", 5000));

        assertThat(message(jump, "ALL-HIST-JUMP-01")).contains("average of 500 over 2 earlier");
        String key = org.clearance.parties.PartyKey.of(buyer, "CH");
        assertThat(BuyerOrder.count("buyerKey = ?1 and orderId = ?2", key, "TWICE-1")).as("one row per order").isEqualTo(1);
        assertThat(daySum(key)).as("the days count each stored row once").isEqualTo(BuyerOrder.count("buyerKey", key));
    }

    @Test
    void shouldScreenTheSameOrderFromConcurrentRequestsWithoutFailing() throws Exception {
        String buyer = uniqueBuyer();

        screenConcurrently(order("PARALLEL-1", buyer, "2025-05-20", 500).toString(), 24);

        String key = org.clearance.parties.PartyKey.of(buyer, "CH");
        assertThat(BuyerOrder.count("buyerKey", key)).as("the requests took turns: one row").isEqualTo(1);
        assertThat(daySum(key)).isEqualTo(1);
    }

    @Test
    void shouldSeeTheOrdersBeforeItInTheSameBatch() {
        String buyer = uniqueBuyer();
        String batch = "[" + order("BATCH-1", buyer, "2025-01-10", 500) + "," + order("BATCH-2", buyer, "2025-02-10", 500)
                + "," + order("BATCH-3", buyer, "2025-03-10", 5000) + "]";

        List<ScreeningService.Outcome> outcomes = service.screenAndStore(OrderInput.split("test", batch).documents(), null,
                org.clearance.security.Actor.cliOperator());

        assertThat(ruleIds(outcomes.get(2).view())).as("not a new buyer: two orders came before it")
                .doesNotContain("ALL-HIST-NEW-01");
        assertThat(message(outcomes.get(2).view(), "ALL-HIST-JUMP-01")).contains("average of 500 over 2 earlier");
        assertThat(daySum(org.clearance.parties.PartyKey.of(buyer, "CH"))).isEqualTo(3);
    }

    private static void screenConcurrently(String order, int requests) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                statuses.add(clients.submit(() -> given().contentType(ContentType.JSON).body(order)
                        .when().post("/api/v1/screenings").then().extract().statusCode()));
            }
            for (Future<Integer> status : statuses) {
                assertThat(status.get(60, TimeUnit.SECONDS)).isEqualTo(201);
            }
        } finally {
            clients.shutdownNow();
        }
    }

    /** The orders the buyer's days count. */
    private static long daySum(String key) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) BuyerOrder.getEntityManager()
                .createNativeQuery("SELECT COALESCE(SUM(orders), 0) FROM buyer_day WHERE buyer_key = ?1")
                .setParameter(1, key).getSingleResult()).longValue());
    }

    @Test
    void shouldIgnoreLaterOrdersWhenReplayingAnEarlierOne() {
        String buyer = uniqueBuyer();
        screen(order("LATER-1", buyer, "2025-06-01", 500));

        assertThat(ruleIds(screen(order("EARLIER-1", buyer, "2025-01-15", 5000)))).contains("ALL-HIST-NEW-01");
    }

    @Test
    void shouldReturnAndStoreTheExplainedRiskScoreOverHttp() throws IOException {
        String order = java.nio.file.Files.readString(Path.of("examples/orders/26-turkish-buyer-diversion-pattern.json"));

        String location = given().contentType(ContentType.JSON).body(order)
                .when().post("/api/v1/screenings")
                .then().statusCode(201)
                .body("decision", equalTo("REVIEW"))
                .body("risk.score", greaterThanOrEqualTo(12))
                .body("risk.review_score", equalTo(12))
                .body("risk.contributions.factor", hasItems("country-source", "chp-tier-1", "US-RF-PAYER-01", "US-RF-FWD-01"))
                .extract().header("Location");
        int score = given().when().get(location).then().statusCode(200)
                .body("risk.contributions.factor", hasItems("country-source", "chp-tier-1"))
                .extract().path("risk.score");

        assertThat(score).isGreaterThanOrEqualTo(12);
    }

    private ScreeningView screen(ObjectNode order) {
        List<ScreeningService.Outcome> outcomes = service.screenAndStore(
                OrderInput.split("test", order.toString()).documents(), null, org.clearance.security.Actor.cliOperator());
        assertThat(outcomes.get(0).view()).as("screened").isNotNull();
        return outcomes.get(0).view();
    }

    private static List<String> ruleIds(ScreeningView view) {
        return view.findings().stream().map(FindingView::ruleId).toList();
    }

    private static String message(ScreeningView view, String ruleId) {
        return view.findings().stream().filter(f -> f.ruleId().equals(ruleId)).map(FindingView::message).findFirst()
                .orElseThrow();
    }

    private static String uniqueBuyer() {
        return "Testkunde " + UUID.randomUUID().toString().substring(0, 8) + " AG";
    }

    /** The Swiss base order of the rule tests, with another id, buyer, date and CHP quantity. */
    private static ObjectNode toRussia(ObjectNode order) {
        ((ObjectNode) order.get("buyer")).put("country", "RU");
        return order;
    }

    private static ObjectNode order(String id, String buyer, String date, int chpQuantity) {
        try {
            ObjectNode order = (ObjectNode) JSON.readTree(Path.of("rules/bases/eu-chips-to-switzerland.json").toFile());
            order.put("id", id);
            order.put("date", date);
            ((ObjectNode) order.get("buyer")).put("name", buyer);
            ((ObjectNode) ((ArrayNode) order.get("lines")).get(0)).put("quantity", chpQuantity);
            return order;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
