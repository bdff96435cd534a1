package org.clearance.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearance.cli.CiReportsCliTest.elements;
import static org.clearance.cli.CiReportsCliTest.json;
import static org.clearance.cli.CiReportsCliTest.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;
import org.clearance.rules.FileTrees;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A CI step publishes its report even when it failed, so the CI formats must say why a run stopped: a rule pack that
 * does not load (exit 3), an unusable option or unreadable input (exit 2). Through the real CLI, on a temp copy of
 * rules/ with one broken file; the SARIF is read with Jackson and checked against the schema, the JUnit XML with a
 * real parser and the XSD.
 */
@QuarkusTest
@Tag("cli")
class StoppedRunReportsCliTest {

    @Inject
    Cli cli;

    private static final String ORDER = "examples/orders/03-italian-furniture-to-kazakhstan-clear.json";
    /** A condition on a field that Line does not have: Drools refuses it at line 7. */
    private static final String DOES_NOT_COMPILE = """
            package eu;
            import org.clearance.facts.Finding;
            import org.clearance.facts.Line;

            rule "BROKEN-01 a rule that does not compile"
                @id("BROKEN-01") @jurisdiction("EU") @severity("REVIEW") @citation("test") @effective("2024-01-01")
            when $l : Line( noSuchField == 1 )
            then insert(Finding.of(drools.getRule(), $l, "x"));
            end
            """;
    /** A consequence that calls System.exit, which the allow-list refuses at line 7. */
    private static final String REFUSED = """
            package eu;
            import org.clearance.facts.Line;

            rule "BROKEN-02 a rule that exits"
                @id("BROKEN-02") @jurisdiction("EU") @severity("REVIEW") @citation("test") @effective("2024-01-01")
            when $l : Line()
            then System.exit(0);
            end
            """;

    @Test
    void shouldWriteSarifWithTheCompileErrorsAsResultsWhenThePackDoesNotLoad() throws Exception {
        Path rules = rulesWith("eu/broken.drl", DOES_NOT_COMPILE);

        CliRun result = cli.launch("screen", "--format", "sarif", "--rules", rules.toString(), ORDER);

        assertThat(result.exitCode()).isEqualTo(ExitCodes.RULE_PACK);
        String sarif = json(result.output());
        assertThat(schemaErrors(sarif)).isEmpty();
        JsonNode run = new ObjectMapper().readTree(sarif).get("runs").get(0);
        assertThat(run.get("invocations").get(0).get("executionSuccessful").asBoolean()).isFalse();
        JsonNode results = run.get("results");
        assertThat(results).isNotEmpty().allSatisfy(r -> {
            assertThat(r.get("ruleId").asText()).isEqualTo("rule-pack");
            assertThat(r.get("level").asText()).isEqualTo("error");
        });
        JsonNode broken = StreamSupport.stream(results.spliterator(), false)
                .filter(r -> r.get("message").get("text").asText().contains("noSuchField")).findFirst().orElseThrow();
        JsonNode location = broken.get("locations").get(0).get("physicalLocation");
        assertThat(location.get("artifactLocation").get("uri").asText()).endsWith("/eu/broken.drl");
        assertThat(location.get("region").get("startLine").asInt()).isEqualTo(7);
        JsonNode rule = run.get("tool").get("driver").get("rules").get(broken.get("ruleIndex").asInt());
        assertThat(rule.get("id").asText()).isEqualTo("rule-pack");
    }

    @Test
    void shouldWriteJunitWithAFailedCasePerRefusalWhenThePackDoesNotLoad() throws Exception {
        Path rules = rulesWith("eu/exits.drl", REFUSED);

        CliRun result = cli.launch("screen", "--format", "junit", "--rules", rules.toString(), ORDER);

        assertThat(result.exitCode()).isEqualTo(ExitCodes.RULE_PACK);
        Document xml = parse(result.output());
        List<Element> failures = elements(xml.getElementsByTagName("failure"));
        assertThat(failures).hasSize(1);
        assertThat(xml.getDocumentElement().getAttribute("failures")).isEqualTo("1");
        Element failure = failures.get(0);
        assertThat(failure.getAttribute("type")).isEqualTo("rule-pack");
        assertThat(failure.getAttribute("message")).contains("java.lang.System.exit, which rules may not call");
        assertThat(failure.getTextContent()).startsWith(rules.resolve("eu/exits.drl") + ":7: ");
        assertThat(((Element) failure.getParentNode()).getAttribute("classname")).isEqualTo(rules.resolve("eu/exits.drl").toString());
    }

    @Test
    void shouldWriteTheRuleTestJunitReportWhenThePackDoesNotLoad() throws Exception {
        Path rules = rulesWith("eu/broken.drl", DOES_NOT_COMPILE);

        CliRun result = cli.launch("rules", "test", "--format", "junit", rules.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.RULE_PACK);
        Document xml = parse(result.output());
        assertThat(xml.getDocumentElement().getAttribute("name")).isEqualTo("clearance rules test");
        assertThat(elements(xml.getElementsByTagName("testsuite"))).extracting(s -> s.getAttribute("name"))
                .containsExactly("rule pack");
        assertThat(elements(xml.getElementsByTagName("failure")))
                .anySatisfy(f -> assertThat(f.getAttribute("message")).contains("noSuchField"))
                .allSatisfy(f -> assertThat(f.getAttribute("type")).isEqualTo("rule-pack"));
    }

    @Test
    void shouldWriteSarifNamingAnOptionThatCannotBeUsed() throws Exception {
        CliRun result = cli.launch("screen", "--format", "sarif", "--fail-on", "high", ORDER);

        assertThat(result.exitCode()).isEqualTo(ExitCodes.INPUT);
        String sarif = json(result.output());
        assertThat(schemaErrors(sarif)).isEmpty();
        JsonNode results = new ObjectMapper().readTree(sarif).get("runs").get(0).get("results");
        assertThat(results).hasSize(1);
        assertThat(results.get(0).get("ruleId").asText()).isEqualTo("input");
        assertThat(results.get(0).get("level").asText()).isEqualTo("error");
        assertThat(results.get(0).get("message").get("text").asText()).contains("--fail-on").contains("high");
    }

    @Test
    void shouldWriteRuleTestJunitNamingAnOptionOutOfRange() throws Exception {
        CliRun result = cli.launch("rules", "test", "--format", "junit", "--fail-under", "200");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.INPUT);
        Element failure = (Element) parse(result.output()).getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("type")).isEqualTo("input");
        assertThat(failure.getAttribute("message")).contains("--fail-under must be a percentage from 0 to 100");
    }

    @Test
    void shouldWriteSarifWithInputErrorsAsResultsAtTheirFileAndLine() throws Exception {
        Path bad = Files.createTempFile("bad", ".json");
        Files.writeString(bad, """
                {"id": "BAD-1", "seller": {"name": "S", "country": "DE"},
                 "buyer": {"name": "B", "country": "UK"},
                 "lines": [{"hs_code": "85423190", "quantity": 5}]}
                """);

        CliRun result = cli.launch("screen", "--format", "sarif", bad.toString(), "no-such-folder");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.INPUT);
        String sarif = json(result.output());
        assertThat(schemaErrors(sarif)).isEmpty();
        JsonNode run = new ObjectMapper().readTree(sarif).get("runs").get(0);
        JsonNode results = run.get("results");
        assertThat(results).hasSize(2).allSatisfy(r -> {
            assertThat(r.get("ruleId").asText()).isEqualTo("input");
            assertThat(r.get("level").asText()).isEqualTo("error");
        });
        // Problems of reading come first, then those of the orders read.
        assertThat(results.get(0).get("message").get("text").asText()).isEqualTo("/: no such file or folder");
        assertThat(results.get(1).get("message").get("text").asText()).startsWith("/buyer/country: unknown country code 'UK'");
        JsonNode country = results.get(1).get("locations").get(0).get("physicalLocation");
        assertThat(country.get("artifactLocation").get("uri").asText()).isEqualTo(bad.toUri().toString());
        assertThat(country.get("region").get("startLine").asInt()).isEqualTo(2);
        assertThat(country.get("region").get("startColumn").asInt()).isGreaterThan(1);
        assertThat(run.get("invocations").get(0).get("toolExecutionNotifications")).hasSize(2);
    }

    /** A temp copy of the shipped rules/ with {@code file} added. */
    private static Path rulesWith(String file, String text) throws IOException {
        Path rules = Files.createTempDirectory("broken-pack-").resolve("rules");
        FileTrees.copy(Path.of("rules"), rules);
        Files.writeString(rules.resolve(file), text);
        return rules;
    }

    private static List<com.networknt.schema.Error> schemaErrors(String sarif) throws IOException {
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
                .getSchema(Files.readString(Path.of("src/test/resources/sarif/sarif-schema-2.1.0-rtm.5.json")), InputFormat.JSON)
                .validate(sarif, InputFormat.JSON);
    }
}
