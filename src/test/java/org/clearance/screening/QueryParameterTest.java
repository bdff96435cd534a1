package org.clearance.screening;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.clearance.security.Roles;
import org.junit.jupiter.api.Tag;
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
        "decision | MAYBE                 | unknown decision 'MAYBE'"})
    void shouldRefuseAnInvalidScreeningListParameter(String name, String value, String message) {
        given().queryParam(name, value).when().get("/api/v1/screenings")
                .then().statusCode(400).contentType("application/problem+json")
                .body("title", equalTo("Invalid query parameter"))
                .body("errors[0].source", equalTo("query"))
                .body("errors[0].pointer", equalTo(name))
                .body("errors[0].message", containsString(message));
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
