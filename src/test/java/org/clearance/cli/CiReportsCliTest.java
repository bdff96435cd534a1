package org.clearance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The CI contract of the real CLI: screen --format junit|sarif|github and rules test --format junit. */
@QuarkusTest
@Tag("cli")
class CiReportsCliTest {

    @Inject
    Cli cli;

    private static final String TURKISH_STORY = "examples/orders/01-turkish-distributor-chips-to-russia.json";
    private static final String CLEAR_ORDER = "examples/orders/03-italian-furniture-to-kazakhstan-clear.json";
    /** Two REVIEW findings (ALL-DIV-01 on lines 0 and 1) and two INFO findings (EU-12GB-01). */
    private static final String REVIEW_ORDER = "examples/orders/04-chp-to-kazakhstan-with-no-russia-clause.json";

    @Test
    void shouldWriteATestCasePerOrderAndFindingWithFailuresAtFailOn() throws Exception {
        CliRun result = cli.launch("screen", "--format", "junit", "--fail-on", "review", REVIEW_ORDER, CLEAR_ORDER);
        assertThat(result.exitCode()).as("%s", result).isEqualTo(ExitCodes.FINDINGS);
        Document xml = parse(result.output());
        Element suites = xml.getDocumentElement();
        List<Element> cases = elements(xml.getElementsByTagName("testcase"));

        assertThat(suites.getTagName()).isEqualTo("testsuites");
        assertThat(cases).hasSize(5);
        assertThat(suites.getAttribute("tests")).isEqualTo("5");
        assertThat(suites.getAttribute("failures")).isEqualTo("2");
        assertThat(elements(xml.getElementsByTagName("testsuite"))).extracting(e -> e.getAttribute("file"))
                .containsExactly(REVIEW_ORDER, CLEAR_ORDER);
        assertThat(cases).extracting(e -> e.getAttribute("classname") + " | " + e.getAttribute("name")).containsExactly(
                "DTM-2025-0610 | ALL-DIV-01 /lines/0", "DTM-2025-0610 | ALL-DIV-01 /lines/1",
                "DTM-2025-0610 | EU-12GB-01 /lines/0", "DTM-2025-0610 | EU-12GB-01 /lines/1",
                "MVS-25-0932 | no findings");
        Element failure = (Element) cases.get(0).getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("type")).isEqualTo("REVIEW");
        assertThat(failure.getAttribute("message")).startsWith("REVIEW ALL-DIV-01: CHP item");
        assertThat(failure.getTextContent()).contains(REVIEW_ORDER + ":40:5").contains("FinCEN & BIS");
        // INFO findings are below --fail-on: they pass, with their details kept.
        assertThat(cases.get(2).getElementsByTagName("failure").getLength()).isZero();
        assertThat(cases.get(2).getElementsByTagName("system-out").item(0).getTextContent()).contains("Art. 12gb");
    }

    @Test
    void shouldPassEveryFindingBelowTheDefaultFailOnBlock() throws Exception {
        CliRun result = cli.launch("screen", "--format", "junit", REVIEW_ORDER);
        assertThat(result.exitCode()).as("%s", result).isEqualTo(ExitCodes.OK);
        Document xml = parse(result.output());

        assertThat(xml.getDocumentElement().getAttribute("tests")).isEqualTo("4");
        assertThat(xml.getDocumentElement().getAttribute("failures")).isEqualTo("0");
    }

    @Test
    void shouldReportInputErrorsAsJunitErrors() throws Exception {
        Path dir = Files.createTempDirectory("orders");
        Files.copy(Path.of(CLEAR_ORDER), dir.resolve("a-good.json"));
        Files.writeString(dir.resolve("b-bad.json"), """
                {"id": "BAD-1", "seller": {"name": "S", "country": "DE"},
                 "buyer": {"name": "B", "country": "UK"},
                 "lines": [{"hs_code": "85423190", "quantity": 5}]}
                """);

        CliRun result = cli.launch("screen", "--format", "junit", dir.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.INPUT);
        Document xml = parse(result.output());
        assertThat(xml.getDocumentElement().getAttribute("errors")).isEqualTo("1");
        Element error = (Element) xml.getElementsByTagName("error").item(0);
        assertThat(error.getAttribute("message")).contains("unknown country code 'UK'");
        assertThat(error.getTextContent()).contains(dir.resolve("b-bad.json") + ":2:");
        Element errorCase = (Element) error.getParentNode();
        assertThat(errorCase.getAttribute("name")).isEqualTo("input /buyer/country");
    }

    @Test
    void shouldWriteSarifThatTheSchemaAcceptsWithRulesAndLocatedResults() throws Exception {
        CliRun result = cli.launch("screen", "--format", "sarif", TURKISH_STORY, CLEAR_ORDER);
        assertThat(result.exitCode()).as("%s", result).isEqualTo(ExitCodes.FINDINGS);
        assertThat(sarifSchemaErrors(json(result.output()))).isEmpty();
        JsonNode run = new ObjectMapper().readTree(json(result.output())).get("runs").get(0);

        JsonNode rules = run.get("tool").get("driver").get("rules");
        JsonNode chp = StreamSupport.stream(rules.spliterator(), false)
                .filter(r -> r.get("id").asText().equals("EU-CHP-RU-01")).findFirst().orElseThrow();
        assertThat(chp.get("properties").get("jurisdiction").asText()).isEqualTo("EU");
        assertThat(chp.get("properties").get("severity").asText()).isEqualTo("BLOCK");
        assertThat(chp.get("properties").get("citation").asText()).startsWith("Council Regulation (EU) No 833/2014");
        assertThat(chp.get("properties").get("confidence").asText()).isEqualTo("verify");
        assertThat(chp.get("defaultConfiguration").get("level").asText()).isEqualTo("error");

        JsonNode finding = StreamSupport.stream(run.get("results").spliterator(), false)
                .filter(r -> r.get("ruleId").asText().equals("EU-CHP-RU-01")).findFirst().orElseThrow();
        assertThat(rules.get(finding.get("ruleIndex").asInt()).get("id").asText()).isEqualTo("EU-CHP-RU-01");
        assertThat(finding.get("level").asText()).isEqualTo("error");
        JsonNode location = finding.get("locations").get(0).get("physicalLocation");
        assertThat(location.get("artifactLocation").get("uri").asText()).isEqualTo(TURKISH_STORY);
        // Line 57 of the file is where /lines/0 starts.
        int line = location.get("region").get("startLine").asInt();
        assertThat(Files.readAllLines(Path.of(TURKISH_STORY)).get(line - 2)).contains("\"lines\": [");
        assertThat(run.get("invocations").get(0).get("executionSuccessful").asBoolean()).isTrue();
    }

    @Test
    void shouldPutInputErrorsInSarifAsNotificationsOfAFailedInvocation() throws Exception {
        Path bad = Files.createTempFile("bad", ".json");
        Files.writeString(bad, "{\"id\": \"X\",\n  \"seller\": }");

        CliRun result = cli.launch("screen", "--format", "sarif", bad.toString(), CLEAR_ORDER);

        assertThat(result.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(sarifSchemaErrors(json(result.output()))).isEmpty();
        JsonNode invocation = new ObjectMapper().readTree(json(result.output())).get("runs").get(0).get("invocations").get(0);
        assertThat(invocation.get("executionSuccessful").asBoolean()).isFalse();
        assertThat(invocation.get("toolExecutionNotifications").get(0).get("message").get("text").asText())
                .contains("malformed JSON at line 2");
    }

    @Test
    void shouldWriteWorkflowAnnotationsAtTheOffendingLine() {
        CliRun result = cli.launch("screen", "--format", "github", REVIEW_ORDER);
        assertThat(result.exitCode()).as("%s", result).isEqualTo(ExitCodes.OK);
        assertThat(result.output().lines().toList())
                .contains("clearance: 1 order(s) screened, 0 at or above BLOCK, 0 input error(s)")
                .anyMatch(l -> l.startsWith("::warning file=" + REVIEW_ORDER + ",line=40,col=5,title=ALL-DIV-01 ALL REVIEW (order DTM-2025-0610)::line 1: "))
                .anyMatch(l -> l.startsWith("::notice file=" + REVIEW_ORDER + ",line=50,col=5,title=EU-12GB-01 EU INFO"))
                .noneMatch(l -> l.startsWith("::error"));
    }

    @Test
    void shouldMakeFindingsAtFailOnErrorAnnotations() {
        CliRun result = cli.launch("screen", "--format", "github", "--fail-on", "review", REVIEW_ORDER);
        assertThat(result.exitCode()).as("%s", result).isEqualTo(ExitCodes.FINDINGS);
        assertThat(result.output().lines().filter(l -> l.startsWith("::error file=")).count()).isEqualTo(2);
        assertThat(result.output().lines().filter(l -> l.startsWith("::notice file=")).count()).isEqualTo(2);
    }

    @Test
    // A small pack that passes: ClearanceCliTest runs the shipped pack's hundreds of cases through the same command.
    void shouldWritePassingRuleTestsAsJunit() throws Exception {
        CliRun result = cli.launch("rules", "test", "src/test/resources/reload-pack", "--format", "junit");
        assertThat(result.exitCode()).as("%s", result).isEqualTo(ExitCodes.OK);
        Document xml = parse(result.output());
        List<Element> suites = elements(xml.getElementsByTagName("testsuite"));

        assertThat(xml.getDocumentElement().getAttribute("failures")).isEqualTo("0");
        assertThat(suites).extracting(s -> s.getAttribute("name"))
                .contains("eu/no-russia-clause.tests.yaml", "us/crimea.tests.yaml", "rule coverage");
        assertThat(elements(xml.getElementsByTagName("testcase")))
                .filteredOn(c -> !c.getAttribute("classname").equals("rule coverage")).hasSize(8);
        Set<String> names = new HashSet<>();
        for (Element testCase : elements(xml.getElementsByTagName("testcase"))) {
            assertThat(names.add(testCase.getAttribute("classname") + "/" + testCase.getAttribute("name"))).isTrue();
        }
    }

    @Test
    void shouldWriteFailingRuleTestsAndUncoveredRulesAsJunitFailures() throws Exception {
        Path pack = Files.createTempDirectory("pack");
        Files.createDirectories(pack.resolve("data/common"));
        Files.copy(Path.of("rules/data/common/chpl.csv"), pack.resolve("data/common/chpl.csv"));
        Files.copy(Path.of("rules/common/chp-items.drl"), pack.resolve("chp-items.drl"));
        Files.writeString(pack.resolve("chips.drl"), """
                package chips;
                import org.clearance.facts.ChpLine;
                import org.clearance.facts.Finding;
                rule "T-1 CHP items need review"
                    @id("T-1") @jurisdiction("EU") @severity("REVIEW") @citation("test") @effective("2024-01-01")
                when $c : ChpLine() then insert(Finding.of(drools.getRule(), $c.line(), "chp"));
                end
                """);
        String order = Files.readString(Path.of(REVIEW_ORDER)).replace("\n", " ");
        Files.writeString(pack.resolve("chips.tests.yaml"), """
                cases:
                  - name: chips need review
                    order: %s
                    expect: { decision: BLOCK, rules: [T-1] }
                """.formatted(order));

        CliRun result = cli.launch("rules", "test", "--format", "junit", pack.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        Document xml = parse(result.output());
        List<Element> failures = elements(xml.getElementsByTagName("failure"));
        assertThat(failures).extracting(f -> ((Element) f.getParentNode()).getAttribute("name"))
                .containsExactly("#1 chips need review", "T-1");
        assertThat(failures.get(0).getTextContent()).contains("decision: expected BLOCK, got REVIEW");
        assertThat(failures.get(1).getAttribute("message")).contains("has no near miss");
    }

    private static List<Error> sarifSchemaErrors(String sarif) throws IOException {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);
        Schema schema = registry.getSchema(
                Files.readString(Path.of("src/test/resources/sarif/sarif-schema-2.1.0-rtm.5.json")), InputFormat.JSON);
        return schema.validate(sarif, InputFormat.JSON);
    }

    /**
     * The JUnit report in the output, checked against the JUnit XSD of the Jenkins xUnit plugin
     * (src/test/resources/junit/), from its XML declaration on.
     */
    static Document parse(String output) throws Exception {
        String xml = output.substring(Math.max(0, output.indexOf("<?xml")));
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(new StreamSource(Path.of("src/test/resources/junit/junit-10.xsd").toFile()))
                .newValidator().validate(new StreamSource(new StringReader(xml)));
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    /** The JSON document in the output (it starts with the first line that is "{"). */
    static String json(String output) {
        return output.substring(Math.max(0, output.indexOf("\n{") + 1));
    }

    static List<Element> elements(NodeList nodes) {
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }
}
