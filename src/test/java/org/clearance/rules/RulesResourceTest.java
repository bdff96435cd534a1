package org.clearance.rules;

import org.clearance.security.Roles;
import io.quarkus.test.security.TestSecurity;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The rule pack, health, metrics and OpenAPI endpoints of the running server. */
@QuarkusTest
@TestSecurity(user = "author.rui", roles = {Roles.RULE_AUTHOR, Roles.SCREENER})
class RulesResourceTest {

    @Test
    void shouldListEveryRuleWithItsMetadata() {
        given().when().get("/api/v1/rules")
                .then().statusCode(200)
                .body("rule_pack", matchesPattern("[0-9a-f]{64}"))
                .body("loaded_at", notNullValue())
                .body("rules.find { it.id == 'EU-12G-01' }.citation", equalTo("Council Regulation (EU) No 833/2014, Art. 12g"))
                .body("rules.find { it.id == 'EU-12G-01' }.effective", equalTo("2024-03-20"))
                .body("rules.find { it.id == 'US-CHP-01' }.confidence", equalTo("verify"))
                .body("rules.find { it.id == 'US-CHP-01' }.coverage", org.hamcrest.Matchers.nullValue())
                .body("rules.find { it.id == 'US-LUX-01' }.coverage",
                        startsWith("cannot fire on real orders: us/supp5-luxury-hts6 is empty"))
                .body("data.name", hasItem("common/chpl"))
                // From rules/mutation-scores.json, the last rules test --mutate of the shipped pack.
                .body("rules.find { it.id == 'EU-NEXUS-01' }.mutation.score", equalTo(100.0f))
                .body("rules.find { it.id == 'EU-NEXUS-01' }.mutation.survived", equalTo(0))
                .body("rules.find { it.id == 'EU-NEXUS-01' }.mutation.current", equalTo(true))
                .body("rules.find { it.id == 'EU-NEXUS-01' }.mutation.ran", matchesPattern("\\d{4}-\\d{2}-\\d{2}"));
    }

    @Test
    void shouldReportTheRulePackInReadiness() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'rule-pack' }.data.hash", matchesPattern("[0-9a-f]{64}"))
                .body("checks.find { it.name == 'rule-pack' }.data.rules_that_cannot_fire", containsString("US-LUX-01"))
                .body("checks.find { it.name == 'rule-pack' }.data.rules_that_cannot_fire", not(containsString("US-HTS-01")));
    }

    @Test
    void shouldExposeScreeningMetricsAfterAScreening() throws java.io.IOException {
        given().contentType("application/json")
                .body(java.nio.file.Files.readString(java.nio.file.Path.of("examples/orders/03-italian-furniture-to-kazakhstan-clear.json")))
                .post("/api/v1/screenings").then().statusCode(201);

        given().when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("clearance_screenings_total{decision=\"CLEAR\"}"))
                .body(containsString("clearance_screening_duration_seconds_count"));
    }

    @Test
    void shouldPublishTheOpenApiDocument() {
        given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/screenings/batch"));
    }
}
