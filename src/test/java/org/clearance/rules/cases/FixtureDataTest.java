package org.clearance.rules.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.clearance.facts.Order;
import org.clearance.order.OrderDocument;
import org.clearance.order.OrderParser;
import org.clearance.rules.RulePack;
import org.clearance.rules.RulePackLoader;
import org.clearance.screening.Screener;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fixture rows (bases/data/) let a rule whose official list is not shipped yet fire in its tests, and never
 * reach a real screening.
 */
class FixtureDataTest {

    @TempDir
    Path pack;

    @BeforeEach
    void writeARuleOverAnEmptyList() throws IOException {
        Files.createDirectories(pack.resolve("data"));
        Files.writeString(pack.resolve("data/listed-codes.csv"), """
                # source: an official list not shipped yet
                # version: INCOMPLETE - no rows
                # completeness: empty - not shipped yet
                hs6,note
                """);
        Files.writeString(pack.resolve("listed.drl"), """
                package listed;
                import org.clearance.facts.DataRow;
                import org.clearance.facts.Finding;
                import org.clearance.facts.Line;
                rule "LIST-1 A listed code is flagged"
                    @id("LIST-1") @jurisdiction("EU") @severity("BLOCK") @citation("test") @effective("2025-01-10")
                when
                    $l : Line( hs6 != null )
                    DataRow( dataset == "listed-codes", key == $l.hs6 )
                then
                    insert(Finding.of(drools.getRule(), $l, "listed"));
                end
                """);
        Files.writeString(pack.resolve("listed.tests.yaml"), """
                cases:
                  - name: Fixture code
                    order: %s
                    expect: { decision: BLOCK, rules: [LIST-1] }
                  - name: Other code
                    order: %s
                    expect: { decision: CLEAR, rules: [] }
                  - name: Fixture code the day before
                    order: %s
                    expect: { decision: CLEAR, rules: [] }
                """.formatted(order("999901"), order("940360"), order("999901").replace("2025-01-10", "2025-01-09")));
    }

    @Test
    void shouldFireOnFixtureRowsInRuleTests() throws IOException {
        writeFixture("hs6,note\n999901,fictional\n");

        RuleTestReport report = new RuleCaseRunner(RulePackLoader.load(pack)).run(pack);

        assertThat(report.fileErrors()).isEmpty();
        assertThat(report.failures()).isEmpty();
        assertThat(report.uncovered()).isEmpty();
        assertThat(report.passed()).isEqualTo(3);
    }

    @Test
    void shouldNotLetFixtureRowsReachARealScreening() throws IOException {
        writeFixture("hs6,note\n999901,fictional\n");
        RulePack loaded = RulePackLoader.load(pack);
        Order order = OrderParser.parse(new OrderDocument("test", "", new ObjectMapper().readTree(order("999901"))), null,
                LocalDate.now()).order();

        assertThat(new Screener(loaded).screen(List.of(order), List.of("test")).get(0).ruleIds()).isEmpty();
    }

    @Test
    void shouldReportUncoveredRuleWithoutFixtureRows() {
        RuleTestReport report = new RuleCaseRunner(RulePackLoader.load(pack)).run(pack);

        assertThat(report.failed()).isEqualTo(1);
        assertThat(report.uncovered()).singleElement().satisfies(gap -> assertThat(gap.ruleId()).isEqualTo("LIST-1"));
    }

    @Test
    void shouldRejectAFixtureForADataFileThePackDoesNotShip() throws IOException {
        Files.createDirectories(pack.resolve("bases/data"));
        Files.writeString(pack.resolve("bases/data/unknown.csv"), "# source: fixture\n# version: fixture\nhs6,note\n999901,x\n");

        RuleTestReport report = new RuleCaseRunner(RulePackLoader.load(pack)).run(pack);

        assertThat(report.success()).isFalse();
        assertThat(report.fileErrors()).containsExactly("bases/data/unknown.csv: no data file data/unknown.csv to add "
                + "fixture rows to: a fixture only extends a data file the pack ships");
    }

    @Test
    void shouldRejectAFixtureWhoseColumnsDifferFromItsDataFile() throws IOException {
        writeFixture("hs6,remark\n999901,fictional\n");

        RuleTestReport report = new RuleCaseRunner(RulePackLoader.load(pack)).run(pack);

        assertThat(report.success()).isFalse();
        assertThat(report.fileErrors()).containsExactly(
                "bases/data/listed-codes.csv: columns [hs6, remark] differ from data/listed-codes.csv [hs6, note]");
    }

    @Test
    void shouldRequireTheSourceHeaderOnAFixture() throws IOException {
        Files.createDirectories(pack.resolve("bases/data"));
        Files.writeString(pack.resolve("bases/data/listed-codes.csv"), "# version: fixture\nhs6,note\n999901,x\n");

        RuleTestReport report = new RuleCaseRunner(RulePackLoader.load(pack)).run(pack);

        assertThat(report.fileErrors()).singleElement().asString()
                .startsWith("bases/data/listed-codes.csv:1: data file needs a '# source: …' header line");
    }

    private void writeFixture(String body) throws IOException {
        Files.createDirectories(pack.resolve("bases/data"));
        Files.writeString(pack.resolve("bases/data/listed-codes.csv"),
                "# source: FICTIONAL fixture rows for rule tests\n# version: fixture\n" + body);
    }

    private static String order(String hs) {
        return """
                {"id": "T-%s", "date": "2025-01-10", "seller": {"name": "Seller GmbH", "country": "DE"},
                 "buyer": {"name": "Buyer", "country": "KZ"}, "route": ["DE", "KZ"],
                 "lines": [{"description": "item", "hs_code": "%s"}]}""".formatted(hs, hs).replace("\n", " ");
    }
}
