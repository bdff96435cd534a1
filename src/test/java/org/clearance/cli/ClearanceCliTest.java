package org.clearance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The CLI's commands: every documented exit code and both report formats. */
@QuarkusTest
@Tag("cli")
class ClearanceCliTest {

    @Inject
    Cli cli;

    private static final String TURKISH_STORY = "examples/orders/01-turkish-distributor-chips-to-russia.json";
    private static final String CLEAR_ORDER = "examples/orders/03-italian-furniture-to-kazakhstan-clear.json";
    private static final String REVIEW_ORDER = "examples/orders/04-chp-to-kazakhstan-with-no-russia-clause.json";

    @Test
    void shouldExitOneWhenAnExampleIsBlocked() {
        CliRun result = cli.launch("screen", "examples/orders");
        assertThat(result.exitCode()).as("%s", result).isEqualTo(ExitCodes.FINDINGS);
        assertThat(result.output()).contains("Order RHV-SO-2025-01187: BLOCK")
                .contains("US BLOCK  |  EU BLOCK  |  UK NOT_APPLICABLE  |  JP NOT_APPLICABLE")
                .contains("UK   n/a  UK-NEXUS-00: no UK nexus: shipped from DE")
                .contains("EU-CHP-RU-01", "Council Regulation (EU) No 833/2014")
                .contains("34 order(s) screened");
    }

    @Test
    void shouldExitZeroForAClearOrder() {
        CliRun result = cli.launch("screen", CLEAR_ORDER);
        assertThat(result.exitCode()).as("%s", result).isEqualTo(ExitCodes.OK);
        assertThat(result.output()).contains("Order MVS-25-0932: CLEAR").contains("no findings");
    }

    @Test
    void shouldNotFailOnReviewByDefault() {
        CliRun result = cli.launch("screen", REVIEW_ORDER);
        assertThat(result.exitCode()).as("%s", result).isEqualTo(ExitCodes.OK);
        assertThat(result.output()).contains(": REVIEW");
    }

    @Test
    void shouldFailOnReviewWhenAsked() {
        CliRun result = cli.launch("screen", "--fail-on", "review", REVIEW_ORDER);
        assertThat(result.exitCode()).as("%s", result).isEqualTo(ExitCodes.FINDINGS);
        assertThat(result.output()).contains("ALL-DIV-01");
    }

    @Test
    void shouldWriteTheDocumentedJsonReport() throws IOException {
        CliRun result = cli.launch("screen", "--format", "json", TURKISH_STORY, CLEAR_ORDER);
        assertThat(result.exitCode()).as("%s", result).isEqualTo(ExitCodes.FINDINGS);
        JsonNode report = new ObjectMapper().readTree(result.output());

        assertThat(report.get("rule_pack").asText()).hasSize(64);
        assertThat(report.get("errors")).isEmpty();
        JsonNode blocked = report.get("results").get(0);
        assertThat(blocked.get("order_id").asText()).isEqualTo("RHV-SO-2025-01187");
        assertThat(blocked.get("source").asText()).isEqualTo(TURKISH_STORY);
        assertThat(blocked.get("decision").asText()).isEqualTo("BLOCK");
        assertThat(blocked.get("verdicts").get("EU").asText()).isEqualTo("BLOCK");
        JsonNode finding = blocked.get("findings").get(0);
        assertThat(finding.fieldNames()).toIterable()
                .contains("rule_id", "jurisdiction", "severity", "citation", "message", "subject");
        assertThat(finding.get("subject").get("pointer").asText()).startsWith("/lines/");
        assertThat(report.get("results").get(1).get("decision").asText()).isEqualTo("CLEAR");
    }

    @Test
    void shouldEvaluateAsOfAnEarlierDateWhenAsked() {
        CliRun result = cli.launch("screen", "--as-of", "2023-01-01", TURKISH_STORY);
        assertThat(result.exitCode()).as("%s", result).isEqualTo(ExitCodes.FINDINGS);
        // Before every CHP rule's effective date, the CHP lines are not caught as CHP items; only the
        // EU research-map rule for Annex XXIII (restricted from 2022-02-25) catches the chips then.
        assertThat(result.output()).contains("as of 2023-01-01").doesNotContain("US-CHP-01")
                .doesNotContain("EU-CHP-RU-01").contains("EU-3K-RU-01");
    }

    @Test
    void shouldReportInputErrorsAsFilePointerMessageAndStillScreenTheRest() throws IOException {
        Path dir = Files.createTempDirectory("orders");
        Files.copy(Path.of(CLEAR_ORDER), dir.resolve("a-good.json"));
        Files.writeString(dir.resolve("b-bad.json"), """
                {"id": "BAD-1", "seller": {"name": "S", "country": "DE"},
                 "buyer": {"name": "B", "country": "UK"},
                 "lines": [{"hs_code": "8542", "quantity": -5}]}
                """);
        Files.writeString(dir.resolve("c-broken.json"), "{\"id\": \"X\",\n  \"seller\": }");

        CliRun result = cli.launch("screen", dir.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(result.output()).contains("Order MVS-25-0932: CLEAR");
        assertThat(result.errors())
                .contains(dir.resolve("b-bad.json") + ":/buyer/country: unknown country code 'UK'")
                .contains(dir.resolve("b-bad.json") + ":/lines/0/hs_code: HS code '8542' must have 6 to 10 digits")
                .contains(dir.resolve("b-bad.json") + ":/lines/0/quantity: must not be negative")
                .contains(dir.resolve("c-broken.json") + ":/seller: malformed JSON at line 2, column")
                .doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void shouldExitTwoForAMissingFile() {
        CliRun result = cli.launch("screen", "no/such/file.json");
        assertThat(result.exitCode()).as("%s", result).isEqualTo(ExitCodes.INPUT);
        assertThat(result.errors()).contains("no/such/file.json:/: no such file or folder");
    }

    @Test
    void shouldExitThreeAndNameFileAndLineForABrokenRulePack() throws IOException {
        Path pack = Files.createTempDirectory("pack");
        Files.writeString(pack.resolve("broken.drl"), """
                package broken;
                import org.clearance.facts.Line;
                rule "B-1 broken"
                    @id("B-1") @jurisdiction("US") @severity("BLOCK") @citation("c") @effective("2024-01-01")
                when
                    $l : Line( noSuchField == 1 )
                then
                end
                """);

        CliRun result = cli.launch("screen", "--rules", pack.toString(), CLEAR_ORDER);

        assertThat(result.exitCode()).isEqualTo(ExitCodes.RULE_PACK);
        assertThat(result.errors()).contains("the rule pack does not load").contains("broken.drl:")
                .contains("noSuchField").doesNotContain("\tat ");
        assertThat(result.output()).doesNotContain("Order ");
    }

    @Test
    void shouldListRulesWithConfidence() {
        CliRun result = cli.launch("rules", "list");
        assertThat(result.exitCode()).as("%s", result).isEqualTo(ExitCodes.OK);
        assertThat(result.output()).containsPattern("EU-12G-01\\s+EU\\s+REVIEW\\s+2024-03-20\\s+-\\s+Council Regulation")
                .containsPattern("US-CHP-01\\s+US\\s+BLOCK\\s+2024-02-23\\s+verify")
                .containsPattern("US-LUX-01 .*\\n\\s+! cannot fire on real orders: us/supp5-luxury-hts6 is empty")
                .containsPattern("\\d+ rule\\(s\\) cannot fire on real orders \\(a data file they read is empty\\), \\d+ read partial data");
    }

    @Test
    void shouldPassTheShippedRuleTests() {
        CliRun result = cli.launch("rules", "test");
        assertThat(result.exitCode()).as("%s", result).isEqualTo(ExitCodes.OK);
        assertThat(result.output()).containsPattern("(?m)^\\d+ passed, 0 failed$")
                // Full coverage, whatever the number of rules the pack has grown to.
                .containsPattern("rule coverage: (\\d+) of \\1 rules");
    }

    @Test
    void shouldFailRuleTestsWithTheDifferenceAndNameUncoveredRules() throws IOException {
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
                rule "T-2 never tested"
                    @id("T-2") @jurisdiction("EU") @severity("INFO") @citation("test") @effective("2024-01-01")
                when $c : ChpLine( tier == "9" ) then insert(Finding.of(drools.getRule(), $c.line(), "x"));
                end
                """);
        String order = Files.readString(Path.of(REVIEW_ORDER));
        Files.writeString(pack.resolve("chips.tests.yaml"), """
                cases:
                  - name: chips need review
                    order: %s
                    expect: { decision: BLOCK, rules: [T-1] }
                """.formatted(order.replace("\n", " ")));

        CliRun result = cli.launch("rules", "test", pack.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(result.output())
                .contains("FAIL chips.tests.yaml #1 \"chips need review\"")
                .contains("decision: expected BLOCK, got REVIEW")
                .contains("UNCOVERED T-1 (chips.drl): has no near miss")
                .contains("UNCOVERED T-2 (chips.drl): fires in no test case")
                .contains("0 passed, 1 failed");
    }
}
