package org.clearance.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** HTTP hardening as a caller sees it: headers, URLs, content types, CORS, and what error bodies never say. */
@QuarkusTest
class SecurityHardeningTest {

    private static final String ORDER_FILE = "examples/orders/03-italian-furniture-to-kazakhstan-clear.json";
    /** What no response may contain: Java type names, stack frames, library hints, server paths. */
    private static final List<String> LEAKS = List.of("java.", "com.fasterxml", "org.clearance", "io.quarkus", "Exception",
            "JsonNode", "StreamReadConstraints", "\tat ", "/tmp/", "clearance-candidate", "/work/", "/home/", "/root/");

    @Test
    void shouldSendSecurityHeadersAndNoStoreOnApiResponses() throws Exception {
        TestKeys.as(Roles.SCREENER).contentType("application/json").body(Files.readString(Path.of(ORDER_FILE)))
                .post("/api/v1/screenings")
                .then().statusCode(201)
                .header("X-Content-Type-Options", "nosniff").header("Referrer-Policy", "no-referrer")
                .header("Cache-Control", "no-store").header("Content-Security-Policy", startsWith("default-src 'none'"));
        given().get("/api/v1/screenings").then().statusCode(401)
                .header("Cache-Control", "no-store").header("X-Content-Type-Options", "nosniff");
        TestKeys.as(Roles.OFFICER).get("/api/v1/trade/country-risk/chart.svg")
                .then().header("Content-Security-Policy", startsWith("default-src 'none'"));
    }

    @Test
    void shouldBuildLocationWithoutTheHostHeader() throws Exception {
        String location = TestKeys.as(Roles.SCREENER).header("Host", "evil.example:666").header("X-Forwarded-Host", "evil.example")
                .contentType("application/json").body(Files.readString(Path.of(ORDER_FILE)))
                .post("/api/v1/screenings").then().statusCode(201).extract().header("Location");
        assertThat(location).startsWith("/api/v1/screenings/").doesNotContain("evil");
    }

    @Test
    void shouldRefusePlainTextOnJsonEndpointsAndSendNoCorsHeaders() throws Exception {
        String screener = TestKeys.create(Roles.SCREENER);
        TestKeys.with(screener).contentType("text/plain").header("Origin", "https://attacker.example")
                .body(Files.readString(Path.of(ORDER_FILE))).post("/api/v1/screenings")
                .then().statusCode(415).contentType("application/problem+json").header("Access-Control-Allow-Origin", nullValue());
        TestKeys.as(Roles.RULE_AUTHOR).contentType("text/plain").queryParam("path", "eu/x.drl").body("package eu;")
                .post("/api/v1/rules/validate").then().statusCode(415);
        given().header("Origin", "https://attacker.example").header("Access-Control-Request-Method", "POST")
                .options("/api/v1/screenings").then().header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void shouldKeepHealthPublicAndFreeOfPaths() {
        for (String path : List.of("/q/health/live", "/q/health/ready")) {
            String body = given().get(path).then().statusCode(200).body("status", equalTo("UP")).extract().asString();
            assertThat(body).doesNotContain("/rules").doesNotContain(".drl").doesNotContain(System.getProperty("user.dir"));
        }
    }

    @Test
    void shouldNameNoLibraryClassStackFrameOrServerPathInErrors() {
        String screener = TestKeys.create(Roles.SCREENER);
        String officer = TestKeys.create(Roles.OFFICER);
        String author = TestKeys.create(Roles.RULE_AUTHOR);
        List<Response> responses = new ArrayList<>();
        responses.add(TestKeys.with(screener).contentType("application/json").body("[".repeat(2000) + "]".repeat(2000))
                .post("/api/v1/screenings"));
        responses.add(TestKeys.with(screener).contentType("application/json").body("{\"id\": \"X\", \"seller\": }")
                .post("/api/v1/screenings"));
        responses.add(TestKeys.with(officer).contentType("application/json").body("{\"party_name\": {\"a\": 1}, \"list\": [1]}")
                .post("/api/v1/parties/dismissals"));
        responses.add(TestKeys.with(officer).contentType("application/json").body("{\"party_name\": \"X\", \"expires_on\": \"soon\"}")
                .post("/api/v1/parties/dismissals"));
        responses.add(TestKeys.with(officer).contentType("application/json").body("[\"not an object\"]")
                .post("/api/v1/parties/dismissals"));
        responses.add(TestKeys.with(author).contentType("application/zip").body(new byte[] {'P', 'K', 3, 4, 1, 2})
                .post("/api/v1/rules/validate"));
        responses.add(TestKeys.with(author).contentType("application/octet-stream").queryParam("path", "eu/broken.drl")
                .body("package eu;\nrule \"X\" when then end\n".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/rules/validate"));
        responses.add(TestKeys.with(officer).get("/api/v1/parties/dismissals/not-a-uuid"));
        responses.add(TestKeys.with(screener).get("/api/v1/screenings?since=yesterday"));
        responses.add(given().header("Authorization", "Bearer clr_broken").get("/api/v1/screenings"));
        responses.add(given().header("Authorization", "Bearer eyJhbGciOiJIUzI1NiJ9.e30.x").get("/api/v1/screenings"));
        for (Response response : responses) {
            String body = response.asString();
            assertThat(response.statusCode()).as(body).isLessThan(500);
            for (String leak : LEAKS) {
                assertThat(body).as("status %d body", response.statusCode()).doesNotContain(leak);
            }
        }
    }
}
