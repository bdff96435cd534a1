package org.clearance.trade;

import org.clearance.security.Roles;
import io.quarkus.test.security.TestSecurity;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** GET /api/v1/trade/country-risk over the real HTTP server, and screening with the computed country risks. */
@QuarkusTest
@TestSecurity(user = "officer.ann", roles = {Roles.OFFICER, Roles.SCREENER})
@Tag("database")
class TradeResourceTest {

    @Inject
    TradeImportService imports;

    @Inject
    CountryRisks countryRisks;

    @BeforeEach
    void importSyntheticStatistics() throws IOException {
        imports.importFile(TradeAnalyzerTest.SYNTHETIC); // idempotent: a second import changes nothing
    }

    /** Other tests screen orders through Turkey or Kazakhstan and expect no computed country risk. */
    @AfterEach
    void forgetTheStatistics() {
        QuarkusTransaction.requiringNew().run(() -> TradeStatistic.deleteAll());
        countryRisks.refresh();
    }

    @Test
    void shouldRankCountriesWithTheirFiguresAndEvidence() {
        given().queryParam("baseline", "2015-2021").queryParam("period", "2023-01..2023-09")
                .queryParam("neighbours", "AZ,GE,KZ,KG,UZ")
                .when().get("/api/v1/trade/country-risk")
                .then().statusCode(200).contentType("application/json")
                .body("baseline", equalTo("2015-2021"))
                .body("period", equalTo("2023-01..2023-09"))
                .body("neighbours", hasItems("AZ", "GE", "KZ", "KG", "UZ"))
                .body("countries[0].country", equalTo("TR"))
                .body("countries[0].rank", equalTo(1))
                .body("countries[0].score", equalTo(100))
                .body("countries[0].exports_usd", equalTo(158000000.00f))
                .body("countries[0].baseline_exports_usd", equalTo(28000000.00f))
                .body("countries[0].mirror_gap", equalTo(0.8f))
                .body("countries[0].score_parts.surge", equalTo(60))
                .body("countries[0].evidence", containsString("$158.0m"))
                .body("countries.country", hasItem("CH"));
    }

    @Test
    void shouldAnswerABadPeriodWithAProblemNamingTheParameter() {
        given().queryParam("period", "2023-13..2023-02")
                .when().get("/api/v1/trade/country-risk")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", startsWith("https://"))
                .body("title", equalTo("Invalid request"))
                .body("status", equalTo(400))
                .body("errors[0].source", equalTo("query"))
                .body("errors[0].pointer", equalTo("period"))
                .body("errors[0].message", containsString("'2023-13' is not a month"));
        given().queryParam("baseline", "2015-2023")
                .when().get("/api/v1/trade/country-risk")
                .then().statusCode(400).body("errors[0].pointer", equalTo("baseline"));
    }

    @Test
    void shouldServeTheChartAsSvg() {
        given().when().get("/api/v1/trade/country-risk/chart.svg")
                .then().statusCode(200).contentType("image/svg+xml")
                .body(startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""))
                .body(containsString("TR (1)"));
    }

    @Test
    void shouldFlagAChpOrderRoutedThroughASurgingCountry() throws IOException {
        String order = Files.readString(Path.of("rules/bases/eu-chips-to-switzerland.json"))
                .replace("\"route\": [ \"DE\", \"CH\" ]", "\"route\": [\"DE\", \"TR\", \"CH\"]");
        given().contentType("application/json").body(order)
                .when().post("/api/v1/screenings")
                .then().statusCode(201)
                .body("decision", equalTo("REVIEW"))
                .body("findings.rule_id", hasItems("ALL-TRD-01", "ALL-DIV-01"))
                .body("findings.find { it.rule_id == 'ALL-TRD-01' }.message", containsString("country risk 100/100"));
    }
}
