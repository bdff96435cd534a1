package org.clearance.screening;

import org.clearance.security.Roles;
import io.quarkus.test.security.TestSecurity;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The HTTP API on the real server, rule pack and database. */
@QuarkusTest
@TestSecurity(user = "screener.sam", roles = {Roles.SCREENER})
@Tag("database")
class ScreeningResourceTest {

    static final String TURKISH_STORY = read("examples/orders/01-turkish-distributor-chips-to-russia.json");
    static final String CLEAR_ORDER = read("examples/orders/03-italian-furniture-to-kazakhstan-clear.json");

    @Test
    void shouldScreenStoreAndReturnABlockedOrderWithCitations() {
        String location = given().contentType(ContentType.JSON).body(TURKISH_STORY)
                .when().post("/api/v1/screenings")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/screenings/"))
                .body("order_id", equalTo("RHV-SO-2025-01187"))
                .body("decision", equalTo("BLOCK"))
                .body("verdicts.US", equalTo("BLOCK"))
                .body("verdicts.JP", equalTo("NOT_APPLICABLE")) // a German export: Japan's FEFTA does not reach it
                .body("applicability.JP.applies", equalTo(false))
                .body("findings.find { it.rule_id == 'JP-CHP-01' }.severity", equalTo("INFO"))
                .body("as_of", equalTo("2025-03-14"))
                .body("rule_pack", matchesPattern("[0-9a-f]{64}"))
                .body("findings.rule_id", hasItems("US-CHP-01", "EU-CHP-RU-01", "UK-CHP-RU-01", "JP-CHP-01", "EU-12G-01"))
                .body("findings.citation", everyItem(notNullValue()))
                .body("findings.subject.pointer", hasItem("/lines/0"))
                .extract().header("Location");

        given().when().get(location)
                .then().statusCode(200)
                .body("order_id", equalTo("RHV-SO-2025-01187"))
                .body("decision", equalTo("BLOCK"))
                .body("verdicts.EU", equalTo("BLOCK"))
                .body("verdicts.UK", equalTo("NOT_APPLICABLE"))
                .body("applicability.EU.rules", hasItems("EU-NEXUS-01", "EU-NEXUS-02"))
                .body("applicability.UK.reasons[0]", containsString("no UK nexus: shipped from DE"))
                .body("applicability.US.known", equalTo(false))
                .body("applicability.US.settled_by", hasItem("/lines/0/us_content_percent"))
                .body("findings.rule_id", hasItem("EU-CHP-RU-01"));
    }

    @Test
    void shouldListAllProblemsOfAnInvalidOrderAsProblemDetails() {
        String order = """
                {"id": "BAD-1", "seller": {"name": "S", "country": "DE",
                                           "owners": [{"name": "Rhein Holding AG", "country": "EU", "share_percent": 101}]},
                 "buyer": {"name": "B", "country": "UK", "type": "reseller"},
                 "lines": [{"hs_code": "85.42", "quantity": -1}]}
                """;
        given().contentType(ContentType.JSON).body(order)
                .when().post("/api/v1/screenings")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("title", equalTo("Invalid order"))
                .body("instance", equalTo("/api/v1/screenings"))
                .body("errors", hasSize(6))
                .body("errors.pointer", hasItems("/buyer/country", "/buyer/type", "/lines/0/hs_code", "/lines/0/quantity",
                        "/seller/owners/0/country", "/seller/owners/0/share_percent"))
                .body("errors.find { it.pointer == '/seller/owners/0/share_percent' }.message", equalTo("share 101 % is above 100 %"))
                .body("errors.find { it.pointer == '/buyer/country' }.message", startsWith("unknown country code 'UK'"));
    }

    @Test
    void shouldNameLineAndColumnOfMalformedJson() {
        given().contentType(ContentType.JSON).body("{\"id\": \"X\",\n \"seller\": }")
                .when().post("/api/v1/screenings")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].message", startsWith("malformed JSON at line 2, column"))
                .body(not(containsString("Exception")));
    }

    @Test
    void shouldRefuseSeveralOrdersOnTheSingleEndpoint() {
        given().contentType(ContentType.JSON).body("[" + CLEAR_ORDER + "," + CLEAR_ORDER + "]")
                .when().post("/api/v1/screenings")
                .then().statusCode(400)
                .body("detail", containsString("/api/v1/screenings/batch"));
    }

    @Test
    void shouldScreenANdjsonBatchInInputOrderReportingBadItemsApart() {
        String ndjson = oneLine(CLEAR_ORDER) + "\n{\"id\": broken\n" + oneLine(TURKISH_STORY).replace("\"KR\"", "\"XX\"") + "\n"
                + oneLine(TURKISH_STORY) + "\n";
        given().contentType("application/x-ndjson").body(ndjson.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .when().post("/api/v1/screenings/batch")
                .then().statusCode(200)
                .body("rule_pack", matchesPattern("[0-9a-f]{64}"))
                .body("results", hasSize(4))
                .body("results[0].screening.decision", equalTo("CLEAR"))
                .body("results[0].errors", nullValue())
                .body("results[1].screening", nullValue())
                .body("results[1].errors[0].message", startsWith("malformed JSON at line 2"))
                .body("results[1].order_id", nullValue())
                .body("results[2].screening", nullValue())
                .body("results[2].order_id", equalTo("RHV-SO-2025-01187")) // invalid, but its id was given
                .body("results[2].errors[0].pointer", equalTo("/lines/1/origin_country"))
                .body("results[3].screening.decision", equalTo("BLOCK"))
                .body("results[3].screening.id", notNullValue());
    }

    @Test
    void shouldScreenAJsonArrayBatch() {
        given().contentType(ContentType.JSON).body("[" + CLEAR_ORDER + "," + TURKISH_STORY + "]")
                .when().post("/api/v1/screenings/batch")
                .then().statusCode(200)
                .body("results.screening.decision", equalTo(java.util.List.of("CLEAR", "BLOCK")))
                .body("results.index", equalTo(java.util.List.of(0, 1)));
    }

    @Test
    void shouldRefuseABatchAboveTheConfiguredMaximum() {
        String many = "[" + String.join(",", java.util.Collections.nCopies(10_001, CLEAR_ORDER)) + "]";
        given().contentType(ContentType.JSON).body(many)
                .when().post("/api/v1/screenings/batch")
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("detail", containsString("holds 10001 orders; the limit is 10000"));
    }

    @Test
    void shouldTakeABatchBodyLargerThanASingleOrderMayBeAndRefuseOneAboveTheBatchLimit() {
        String nineMiB = "x".repeat(9 * 1024 * 1024);
        given().contentType(ContentType.JSON).body("[" + CLEAR_ORDER + ", {\"id\": \"" + nineMiB + "\"}]")
                .when().post("/api/v1/screenings/batch")
                .then().statusCode(200)
                .body("results[0].screening.decision", equalTo("CLEAR"))
                .body("results[1].errors", org.hamcrest.Matchers.not(org.hamcrest.Matchers.empty()));

        String seventeenMiB = "x".repeat(17 * 1024 * 1024);
        given().contentType(ContentType.JSON).body("[{\"id\": \"" + seventeenMiB + "\"}]")
                .when().post("/api/v1/screenings/batch")
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("detail", containsString("the limit is 16777216 (clearance.api.batch-max-body-bytes)"));
    }

    @Test
    void shouldRefuseAHugePayloadWithAProblem() {
        String huge = "{\"id\": \"" + "x".repeat(9 * 1024 * 1024) + "\"}";
        given().contentType(ContentType.JSON).body(huge)
                .when().post("/api/v1/screenings")
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("detail", containsString("clearance.api.max-body-bytes"));
    }

    @Test
    void shouldFilterStoredScreeningsByDecisionAndDate() {
        given().contentType(ContentType.JSON).body(CLEAR_ORDER).post("/api/v1/screenings").then().statusCode(201);

        given().queryParam("decision", "clear").queryParam("since", "2020-01-01")
                .when().get("/api/v1/screenings")
                .then().statusCode(200)
                .body("page", equalTo(0))
                .body("items.decision", everyItem(equalTo("CLEAR")))
                .body("items.order_id", hasItem("MVS-25-0932"));
        given().queryParam("decision", "maybe")
                .when().get("/api/v1/screenings")
                .then().statusCode(400)
                .body("errors[0].pointer", equalTo("decision"));
    }

    @Test
    void shouldAnswerNotFoundAsAProblem() {
        given().when().get("/api/v1/screenings/00000000-0000-0000-0000-000000000000")
                .then().statusCode(404).contentType("application/problem+json");
        given().when().get("/api/v1/screenings/not-a-uuid")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void shouldRefuseOtherMediaTypesAsAProblem() {
        given().contentType(ContentType.XML).body("<order/>")
                .when().post("/api/v1/screenings")
                .then().statusCode(415).contentType("application/problem+json");
    }

    static String oneLine(String json) {
        return json.replace("\n", " ");
    }

    private static org.hamcrest.Matcher<String> not(org.hamcrest.Matcher<String> matcher) {
        return org.hamcrest.Matchers.not(matcher);
    }

    static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
