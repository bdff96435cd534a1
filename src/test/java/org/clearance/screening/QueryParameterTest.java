package org.clearance.screening;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.clearance.security.Roles;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Query parameters out of range or of the wrong kind are a 400 naming the parameter, never a 404 or a 500. */
@QuarkusTest
@Tag("database")
@TestSecurity(user = "query", roles = {Roles.SCREENER, Roles.OFFICER, Roles.AUDITOR})
class QueryParameterTest {

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "page  | 2147483647               | must be a whole number from 0 to",
        "page  | 99999999999999999999     | must be a whole number from 0 to",
        "page  | -1                       | must be a whole number from 0 to",
        "page  | abc                      | (got 'abc')",
        "since | +999999999-12-31         | must be a date between 0001-01-01 and 9999-12-31",
        "since | -5000-01-01T00:00:00Z     | must be a date between 0001-01-01 and 9999-12-31",
        "since | yesterday                | is not an ISO date",
        "since | bad                      | is not an ISO date (2025-03-01) or instant (2025-03-01T12:00:00Z)",
        "until | 2025-02-30               | is not an ISO date",
        "until | +10000-01-01             | must be a date between 0001-01-01 and 9999-12-31",
        "country | UK                     | unknown country code 'UK'; expected ISO 3166-1 alpha-2 (the ISO code of the United Kingdom is GB)",
        "country | ru                     | (codes are upper case: RU)",
        "country | RUS                    | unknown country code 'RUS'",
        "party | x                        | is longer than any party name (at most 300 characters)",
        "contry | RU                      | unknown query parameter; expected order_id, party, country, decision, since, until or page",
        "size  | 10                       | unknown query parameter",
        "decision | MAYBE                 | unknown decision 'MAYBE'"})
    void shouldRefuseAnInvalidScreeningListParameter(String name, String value, String message) {
        String sent = name.equals("party") ? value.repeat(301) : value;
        given().queryParam(name, sent).when().get("/api/v1/screenings")
                .then().statusCode(400).contentType("application/problem+json")
                .body("title", equalTo("Invalid query parameter"))
                .body("errors[0].source", equalTo("query"))
                .body("errors[0].pointer", equalTo(name))
                .body("errors[0].message", containsString(message));
    }

    @Test
    void shouldNameEveryBadParameterAtOnce() {
        given().queryParam("since", "2025-03-02").queryParam("until", "2025-03-01").queryParam("decision", "BLOCK", "CLEAR")
                .queryParam("Country", "DE").when().get("/api/v1/screenings")
                .then().statusCode(400).contentType("application/problem+json")
                .body("title", equalTo("Invalid query parameter"))
                .body("errors.pointer", containsInAnyOrder("Country", "decision", "until"))
                .body("errors.find { it.pointer == 'decision' }.message", equalTo("is given 2 times; give it once"))
                .body("errors.find { it.pointer == 'until' }.message", startsWith("is before since"));
    }

    @Test
    void shouldNotEchoAnUnreadableParameterNameAsAPointer() {
        given().queryParam("x".repeat(500), "1").when().get("/api/v1/screenings")
                .then().statusCode(400)
                .body("errors[0].pointer", equalTo(""))
                .body("errors[0].message", containsString("unknown query parameter 'xxxx"));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "until    | 2025-01-01",
        "until    | 2025-01-01T00:00:00Z",
        "country  | RU",
        "party    | 100% Ltd_",
        "order_id | X-1",
        "decision | ''"})
    void shouldAcceptEveryDocumentedFilter(String name, String value) {
        given().queryParam(name, value).when().get("/api/v1/screenings").then().statusCode(200);
    }

    @ParameterizedTest(name = "page={0}")
    @CsvSource({"0", "42949670"})
    void shouldAnswerAnyPageInRangeEvenWhenEmpty(String page) {
        given().queryParam("page", page).queryParam("since", "2025-01-01").when().get("/api/v1/screenings")
                .then().statusCode(200).body("page", equalTo(Integer.parseInt(page)));
    }

    @ParameterizedTest(name = "limit={0}")
    @CsvSource({"abc", "0", "99999999999", "-3"})
    void shouldRefuseAnInvalidSearchLimit(String limit) {
        given().queryParam("name", "Technoprom").queryParam("limit", limit).when().get("/api/v1/parties/search")
                .then().statusCode(400).contentType("application/problem+json")
                .body("title", equalTo("Invalid query parameter"))
                .body("errors[0].pointer", equalTo("limit"));
    }
}
