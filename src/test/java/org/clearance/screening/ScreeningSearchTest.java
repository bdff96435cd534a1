package org.clearance.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.clearance.security.Roles;
import org.clearance.security.TestKeys;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Finding stored screenings by order id, party name, country and time, and reading the order as received, through the
 * real server, authentication and database. Each test screens orders of its own, with ids and names no other test
 * uses, and narrows every search to them.
 */
@QuarkusTest
@Tag("database")
class ScreeningSearchTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldFindAScreeningByOrderIdPartNameOfAnyPartyAndCountryOfAnyPartyOrRouteStop() throws Exception {
        String screener = TestKeys.create(Roles.SCREENER);
        String token = token();
        String id = screen(screener, order("SEARCH-" + token, "Dala " + token + " Interior LLP"));

        assertFound(screener, "order_id", "SEARCH-" + token, id);
        // Part of the buyer's name, in another case: the search folds case (and NFKC) as the stored names are.
        assertFound(screener, "party", token.toUpperCase() + " interior", id);
        // The end user's name, with the order id to narrow the search to this test's order.
        assertFound(TestKeys.with(screener).queryParam("order_id", "SEARCH-" + token), "party", "tengri boutique", id);
        // GE is only a transit stop of the route; KZ the buyer's country.
        assertFound(TestKeys.with(screener).queryParam("party", token), "country", "GE", id);
        assertFound(TestKeys.with(screener).queryParam("party", token), "country", "KZ", id);
        assertNotFound(TestKeys.with(screener).queryParam("party", token), "country", "JP");
        assertNotFound(TestKeys.with(screener), "party", token + " Hotel");
        // LIKE wildcards in the parameter are plain characters.
        assertNotFound(TestKeys.with(screener).queryParam("order_id", "SEARCH-" + token), "party", "%");
        assertNotFound(TestKeys.with(screener).queryParam("order_id", "SEARCH-" + token), "party", "Dala_");
        assertNotFound(TestKeys.with(screener), "order_id", "search-" + token); // the order id is exact
    }

    @Test
    void shouldCombineFiltersWithDecisionAndTakeUntilAsTheEndOfItsDay() throws Exception {
        String screener = TestKeys.create(Roles.SCREENER);
        String token = token();
        String id = screen(screener, order("WINDOW-" + token, "Window " + token + " LLP"));
        String decision = TestKeys.with(screener).get("/api/v1/screenings/" + id).then().extract().path("decision");
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();

        RequestSpecification mine = TestKeys.with(screener).queryParam("party", token);
        assertFound(mine.queryParam("since", today).queryParam("decision", decision), "until", today, id);
        assertNotFound(TestKeys.with(screener).queryParam("party", token), "until", yesterday);
        assertNotFound(TestKeys.with(screener).queryParam("party", token).queryParam("decision",
                decision.equals("BLOCK") ? "CLEAR" : "BLOCK"), "since", yesterday);
        assertNotFound(TestKeys.with(screener).queryParam("party", token), "until", "2020-01-01T00:00:00Z");
    }

    @Test
    void shouldShowAScreenerOnlyItsOwnScreeningsInASearch() throws Exception {
        String mine = TestKeys.create(Roles.SCREENER);
        String token = token();
        String id = screen(mine, order("OWN-" + token, "Own " + token + " LLP"));

        assertNotFound(TestKeys.with(TestKeys.create(Roles.SCREENER)), "party", token);
        assertFound(TestKeys.as(Roles.OFFICER), "party", token, id);
        assertFound(TestKeys.as(Roles.AUDITOR), "party", token, id);
    }

    @Test
    void shouldAnswerTheOrderAsReceivedOnlyToThoseWhoMayReadTheScreening() throws Exception {
        String mine = TestKeys.create(Roles.SCREENER);
        String token = token();
        // Pretty-printed, with an amount whose trailing zero must survive.
        String sent = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(order("AS-SENT-" + token, "Sent " + token))
                .replace("25200", "25200.50");
        String id = screen(mine, sent);

        String answered = TestKeys.with(mine).get("/api/v1/screenings/" + id + "/order")
                .then().statusCode(200).contentType("application/json").extract().asString();

        assertThat(answered).contains("\"value\":25200.50").startsWith("{\"id\":\"AS-SENT-" + token + "\",\"date\"");
        assertThat(JSON.readTree(answered)).isEqualTo(JSON.readTree(sent));
        TestKeys.as(Roles.OFFICER).get("/api/v1/screenings/" + id + "/order").then().statusCode(200);
        TestKeys.as(Roles.AUDITOR).get("/api/v1/screenings/" + id + "/order").then().statusCode(200);
        // Another screener learns nothing, not even that the screening exists.
        TestKeys.as(Roles.SCREENER).get("/api/v1/screenings/" + id + "/order")
                .then().statusCode(404).contentType("application/problem+json").body("title", equalTo("Not found"));
        TestKeys.with(mine).get("/api/v1/screenings/" + UUID.randomUUID() + "/order").then().statusCode(404);
        TestKeys.with(mine).get("/api/v1/screenings/not-an-id/order").then().statusCode(404);
        TestKeys.as(Roles.RULE_AUTHOR).get("/api/v1/screenings/" + id + "/order").then().statusCode(403);
    }

    @Test
    void shouldNameTheOrderIdOfAnInvalidBatchItem() throws Exception {
        String token = token();
        ObjectNode invalid = order("BAD-" + token, "Bad " + token);
        ((ObjectNode) invalid.get("buyer")).put("country", "UK");
        String body = "[" + order("GOOD-" + token, "Good " + token) + "," + invalid + ",{\"id\": 42}]";

        TestKeys.as(Roles.SCREENER).contentType("application/json").body(body).post("/api/v1/screenings/batch")
                .then().statusCode(200)
                .body("results.order_id", contains("GOOD-" + token, "BAD-" + token, null))
                .body("results[1].screening", nullValue())
                .body("results[1].errors[0].pointer", equalTo("/1/buyer/country"))
                .body("results[1].errors[0].message", startsWith("unknown country code 'UK'"));
    }

    private static void assertFound(String key, String name, String value, String id) {
        assertFound(TestKeys.with(key), name, value, id);
    }

    private static void assertFound(RequestSpecification request, String name, String value, String id) {
        request.queryParam(name, value).get("/api/v1/screenings")
                .then().statusCode(200).body("total", equalTo(1)).body("items.id", contains(id));
    }

    private static void assertNotFound(RequestSpecification request, String name, String value) {
        request.queryParam(name, value).get("/api/v1/screenings")
                .then().statusCode(200).body("total", equalTo(0));
    }

    private static String screen(String key, Object order) {
        return TestKeys.with(key).contentType("application/json").body(order.toString())
                .post("/api/v1/screenings").then().statusCode(201).extract().path("id");
    }

    /** The clear Italian furniture order under a new id, with the buyer's name changed and a transit stop in Georgia. */
    private static ObjectNode order(String id, String buyerName) throws Exception {
        ObjectNode order = (ObjectNode) JSON.readTree(ScreeningResourceTest.CLEAR_ORDER);
        order.put("id", id);
        ((ObjectNode) order.get("buyer")).put("name", buyerName);
        order.putArray("route").add("IT").add("GE").add("KZ");
        return order;
    }

    private static String token() {
        return "Q" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }
}
