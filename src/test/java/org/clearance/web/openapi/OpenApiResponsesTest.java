package org.clearance.web.openapi;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.clearance.security.Roles;
import org.clearance.security.TestKeys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Real answers of the running server validate against the OpenAPI document it serves: what a generated client
 * would read is what it gets, for successes and problems alike.
 */
@QuarkusTest
class OpenApiResponsesTest {

    private static final String ORDER_FILE = "examples/orders/03-italian-furniture-to-kazakhstan-clear.json";

    private static OpenApiContract contract;
    private static String screener;
    private static String officer;

    /** Once, in the first test: RestAssured knows the test server's port only once a test runs. */
    @BeforeEach
    void setUp() {
        if (contract == null) {
            contract = OpenApiContract.served();
            screener = TestKeys.create(Roles.SCREENER);
            officer = TestKeys.create(Roles.OFFICER);
        }
    }

    @Test
    void shouldAnswerScreeningsAsDocumented() throws Exception {
        Response created = TestKeys.with(screener).contentType("application/json").body(Files.readString(Path.of(ORDER_FILE)))
                .post("/api/v1/screenings");
        assertThat(created.statusCode()).isEqualTo(201);
        assertMatches("POST", "/api/v1/screenings", created);

        Response read = TestKeys.with(screener).get(created.header("Location"));
        assertThat(read.statusCode()).isEqualTo(200);
        assertMatches("GET", "/api/v1/screenings/{id}", read);

        Response order = TestKeys.with(screener).get(created.header("Location") + "/order");
        assertThat(order.statusCode()).isEqualTo(200);
        assertMatches("GET", "/api/v1/screenings/{id}/order", order);

        Response page = TestKeys.with(officer).get("/api/v1/screenings");
        assertThat(page.statusCode()).isEqualTo(200);
        assertMatches("GET", "/api/v1/screenings", page);
    }

    @Test
    void shouldAnswerProblemsAsDocumented() {
        Response malformed = TestKeys.with(screener).contentType("application/json").body("{\"id\": ").post("/api/v1/screenings");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertMatches("POST", "/api/v1/screenings", malformed);

        Response anonymous = given().get("/api/v1/screenings");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        assertThat(anonymous.header("WWW-Authenticate")).isEqualTo("Bearer");
        assertMatches("GET", "/api/v1/screenings", anonymous);

        Response unknownKey = TestKeys.with("clr_0123456789ab_" + "x".repeat(43)).get("/api/v1/screenings");
        assertThat(unknownKey.statusCode()).isEqualTo(401);
        assertMatches("GET", "/api/v1/screenings", unknownKey);

        Response forbidden = TestKeys.with(screener).get("/api/v1/rules");
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertMatches("GET", "/api/v1/rules", forbidden);

        Response unknown = TestKeys.with(screener).get("/api/v1/screenings/" + UUID.randomUUID());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertMatches("GET", "/api/v1/screenings/{id}", unknown);

        Response plainText = TestKeys.with(screener).contentType("text/plain").body("{}").post("/api/v1/screenings");
        assertThat(plainText.statusCode()).isEqualTo(415);
        assertMatches("POST", "/api/v1/screenings", plainText);
    }

    @Test
    void shouldAnswerRulesAndListsAsDocumented() {
        Response rules = TestKeys.with(officer).get("/api/v1/rules");
        assertThat(rules.statusCode()).isEqualTo(200);
        assertMatches("GET", "/api/v1/rules", rules);

        Response lists = TestKeys.with(officer).get("/api/v1/lists");
        assertThat(lists.statusCode()).isEqualTo(200);
        assertMatches("GET", "/api/v1/lists", lists);
    }

    @Test
    void shouldAnswerBatchesKeysAndRegistersAsDocumented() throws Exception {
        // A blocked order with findings, a clear one and an invalid item: the batch answer's every kind of item.
        String batch = "[" + Files.readString(Path.of("examples/orders/01-turkish-distributor-chips-to-russia.json")) + ","
                + Files.readString(Path.of(ORDER_FILE)) + ", {\"id\": \"incomplete\"}]";
        Response screened = TestKeys.with(screener).contentType("application/json").body(batch).post("/api/v1/screenings/batch");
        assertThat(screened.statusCode()).isEqualTo(200);
        assertMatches("POST", "/api/v1/screenings/batch", screened);

        Response key = TestKeys.as(Roles.ADMIN).contentType("application/json")
                .body("{\"name\": \"openapi-" + UUID.randomUUID().toString().substring(0, 8) + "\", \"roles\": [\"auditor\"]}")
                .post("/api/v1/keys");
        assertThat(key.statusCode()).isEqualTo(201);
        assertMatches("POST", "/api/v1/keys", key);

        String licence = """
                {"jurisdiction": "US", "reference": "OA-%s", "holder": {"name": "Cascade Storage Inc.", "country": "US"},
                 "items": ["eccn:5A992"], "destinations": ["RU"], "quantity": 10, "quantity_unit": "pcs",
                 "valid_from": "2024-01-01", "valid_until": "2099-12-31"}""".formatted(UUID.randomUUID().toString().substring(0, 8));
        Response registered = TestKeys.as(Roles.LIST_MANAGER).contentType("application/json").body(licence).post("/api/v1/licences");
        assertThat(registered.statusCode()).as(registered.asString()).isEqualTo(201);
        assertMatches("POST", "/api/v1/licences", registered);

        for (String path : List.of("/api/v1/rules/versions", "/api/v1/licences", "/api/v1/parties/dismissals")) {
            Response response = TestKeys.with(officer).get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertMatches("GET", path, response);
        }
    }

    @Test
    void shouldFindBodiesThatDifferFromTheDocument() {
        String problem = "{\"type\": \"https://clearance.dev/problems/not-found\", \"title\": \"Not found\", \"status\": 404}";
        assertThat(contract.bodyMismatches("GET", "/api/v1/screenings/{id}", 404, "application/problem+json", problem)).isEmpty();
        assertThat(contract.bodyMismatches("GET", "/api/v1/screenings/{id}", 404, "application/problem+json",
                problem.replace("404}", "\"404\"}"))).as("a status as text").isNotEmpty();
        assertThat(contract.bodyMismatches("GET", "/api/v1/screenings/{id}", 404, "application/problem+json",
                problem.replace("}", ", \"errorCount\": 0}"))).as("a property the document does not name").isNotEmpty();
        assertThat(contract.bodyMismatches("GET", "/api/v1/screenings/{id}", 404, "application/json", problem))
                .as("a media type the document does not name").isNotEmpty();
    }

    private static void assertMatches(String method, String path, Response response) {
        assertThat(contract.mismatches(method, path, response)).as(response.asString()).isEmpty();
    }
}
