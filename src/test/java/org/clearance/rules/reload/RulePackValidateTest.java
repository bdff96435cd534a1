package org.clearance.rules.reload;

import org.clearance.security.Roles;
import io.quarkus.test.security.TestSecurity;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.util.Map;
import org.clearance.rules.RulePackRegistry;
import org.junit.jupiter.api.Test;

/** POST /api/v1/rules/validate checks a candidate pack and never touches the live one. */
@QuarkusTest
@TestSecurity(user = "author.rui", roles = {Roles.RULE_AUTHOR})
@TestProfile(TempRules.Profile.class)
class RulePackValidateTest {

    @Inject
    RulePackRegistry registry;

    @Test
    void shouldPassAZipOfAGoodRulesFolder() throws Exception {
        given().contentType("application/zip").body(TempRules.zip(TempRules.ORIGINAL, "rules/"))
                .post("/api/v1/rules/validate").then().statusCode(200)
                .body("valid", equalTo(true))
                .body("rule_pack", equalTo(registry.current().hash()))
                .body("problems", hasSize(0))
                .body("tests.failed", equalTo(0))
                .body("tests.passed", equalTo(8));
    }

    @Test
    void shouldReportCompileErrorsByFileAndLineWithoutTouchingTheLivePack() throws Exception {
        String live = registry.current().hash();
        byte[] broken = (Files.readString(TempRules.ORIGINAL.resolve("eu/dual-use.drl")) + "\nrule \"X\"\nwhen\n  Order(\nthen\nend\n").getBytes();

        given().contentType("application/octet-stream").queryParam("path", "eu/dual-use.drl").body(broken)
                .post("/api/v1/rules/validate").then().statusCode(200)
                .body("valid", equalTo(false))
                .body("rule_pack", nullValue())
                .body("problems.file", hasItem("eu/dual-use.drl"))
                .body("problems[0].line", greaterThan(0))
                .body("tests", nullValue());

        assertThat(registry.current().hash()).isEqualTo(live);
        assertThat(registry.rejection()).isEmpty();
        assertThat(Files.readString(TempRules.dir().resolve("eu/dual-use.drl"))).doesNotContain("rule \"X\"");
    }

    @Test
    void shouldReportFailedRuleTestsOfAnOverlaidTestFile() throws Exception {
        String tests = Files.readString(TempRules.ORIGINAL.resolve("eu/no-russia-clause.tests.yaml"))
                .replaceFirst("decision: REVIEW", "decision: CLEAR");

        given().contentType("application/yaml").queryParam("path", "eu/no-russia-clause.tests.yaml").body(tests.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/rules/validate").then().statusCode(200)
                .body("valid", equalTo(false))
                .body("problems", hasSize(0))
                .body("tests.failed", equalTo(1))
                .body("tests.failures[0].differences[0]", equalTo("decision: expected CLEAR, got REVIEW"));
    }

    @Test
    void shouldReportMetadataLintErrorsOfAZippedPack() throws Exception {
        byte[] zip = TempRules.zipOf(Map.of("eu/only.drl", """
                package eu;
                import org.clearance.facts.Order;

                rule "EU-ONLY-01 no citation"
                    @id("EU-ONLY-01") @jurisdiction("EU") @severity("REVIEW") @effective("2024-01-01")
                when
                    Order( id == "x" )
                then
                end
                """, "eu/orphan.tests.yaml", "cases: []\n"));

        given().contentType("application/zip").body(zip)
                .post("/api/v1/rules/validate").then().statusCode(200)
                .body("valid", equalTo(false))
                .body("problems.find { it.file == 'eu/only.drl' }.line", equalTo(4))
                .body("problems.find { it.file == 'eu/only.drl' }.message", containsString("lacks @citation"))
                .body("problems.find { it.file == 'eu/orphan.tests.yaml' }.message", containsString("no rule file beside it"));
    }

    @Test
    void shouldRefuseAZipEntryThatEscapesTheFolder() throws Exception {
        given().contentType("application/zip").body(TempRules.zipOf(Map.of("../../evil.drl", "package x;")))
                .post("/api/v1/rules/validate").then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("\"../../evil.drl\" points outside the rules folder"))
                .body("errors[0].source", equalTo("../../evil.drl"));
    }

    @Test
    void shouldRefuseAnUploadedOverlayWhoseBasesWouldBeFoldersOfTheServer() throws Exception {
        given().contentType("application/zip").body(TempRules.zipOf(Map.of("stack.yaml", "bases: [\"/\"]\n",
                        "eu/x.drl", "package eu;")))
                .post("/api/v1/rules/validate").then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("an uploaded pack cannot hold stack.yaml"))
                .body("errors[0].source", equalTo("stack.yaml"));
        given().contentType("application/yaml").queryParam("path", "./eu/../stack.yaml").body("bases: [\"/\"]\n".getBytes())
                .post("/api/v1/rules/validate").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].pointer", equalTo("path"))
                .body("errors[0].message", containsString("an uploaded pack cannot hold stack.yaml"));
    }

    @Test
    void shouldRefuseASingleFilePathThatEscapesTheFolder() {
        given().contentType("application/octet-stream").queryParam("path", "/etc/passwd").body("x".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/rules/validate").then().statusCode(400)
                .contentType("application/problem+json")
                .body("title", equalTo("Invalid query parameter"))
                .body("errors[0].pointer", equalTo("path"));
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "us                            | is a folder of the pack",
        "eu/                           | is a folder of the pack",
        "eu/../../outside.drl          | points outside the rules folder",
        "/tmp/x.drl                    | points outside the rules folder",
        "eu/dual-use.drl/inner.drl     | goes through a file of the pack"})
    void shouldRefuseAPathThatNamesNoFileInsideThePackWithA400(String path, String problem) {
        given().contentType("application/octet-stream").queryParam("path", path).body("x".getBytes())
                .post("/api/v1/rules/validate").then().statusCode(400)
                .contentType("application/problem+json")
                .body("title", equalTo("Invalid query parameter"))
                .body("errors[0].pointer", equalTo("path"))
                .body("errors[0].message", containsString(problem));
    }

    @Test
    void shouldRefuseAPathTooLongForAFileSystem() {
        given().contentType("application/octet-stream").queryParam("path", "eu/" + "x".repeat(300) + ".drl").body("x".getBytes())
                .post("/api/v1/rules/validate").then().statusCode(400)
                .body("errors[0].pointer", equalTo("path"))
                .body("errors[0].message", containsString("at most 255"));
    }

    @Test
    void shouldRefuseRandomBytesAfterAZipHeaderWithA400() {
        java.util.Random random = new java.util.Random(42);
        for (int i = 0; i < 40; i++) {
            byte[] body = new byte[4 + random.nextInt(i < 20 ? 64 : 4000)];
            random.nextBytes(body);
            body[0] = 'P';
            body[1] = 'K';
            body[2] = 3;
            body[3] = 4;
            given().contentType("application/zip").body(body)
                    .post("/api/v1/rules/validate").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("detail", containsString("zip archive"));
        }
    }

    @Test
    void shouldRefuseABodyThatIsNotAZip() {
        given().contentType("application/zip").body("{\"not\": \"a zip\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/rules/validate").then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("not a zip archive"));
    }

    @Test
    void shouldRefuseAnUploadAboveTheLimit() {
        byte[] huge = new byte[2_000_001];
        huge[0] = 'P';
        huge[1] = 'K';
        given().contentType("application/zip").body(huge)
                .post("/api/v1/rules/validate").then().statusCode(413)
                .contentType("application/problem+json")
                .body("detail", containsString("clearance.reload.max-upload-bytes"));
    }

    @Test
    void shouldRefuseAZipThatUnpacksBeyondTheLimit() throws Exception {
        // 80 MB of zeros compress to ~80 KB: a zip bomb in miniature.
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (var zip = new java.util.zip.ZipOutputStream(bytes)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("data/big.csv"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 80; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        given().contentType("application/zip").body(bytes.toByteArray())
                .post("/api/v1/rules/validate").then().statusCode(413)
                .body("detail", containsString("clearance.reload.max-unpacked-bytes"));
    }
}
