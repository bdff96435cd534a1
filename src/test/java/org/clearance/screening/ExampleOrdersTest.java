package org.clearance.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.clearance.rules.RulePack;
import org.clearance.rules.RulePackLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The example orders screen to the decisions and rule ids recorded in examples/expected.csv. */
class ExampleOrdersTest {

    private static final Path ORDERS = Path.of("examples/orders");
    private static Screener screener;

    @BeforeAll
    static void loadPack() {
        RulePack pack = RulePackLoader.load(Path.of("rules"));
        screener = new Screener(pack);
    }

    @Test
    void shouldScreenEveryExampleToItsExpectedDecisionAndRules() throws IOException {
        Map<String, String> expected = new HashMap<>();
        List<String> rows = Files.readAllLines(Path.of("examples/expected.csv"));
        for (String row : rows.subList(1, rows.size())) {
            String[] cells = row.split(",", -1);
            expected.put(cells[1], cells[2] + " " + Arrays.stream(cells[3].split(" ")).filter(s -> !s.isBlank()).sorted().toList());
        }
        Map<String, String> actual = new HashMap<>();
        try (Stream<Path> files = Files.list(ORDERS)) {
            for (Path file : files.sorted().toList()) {
                Screener.Batch batch = screener.screen(file.toString(), Files.readString(file), null);
                assertThat(batch.problems()).as(file.toString()).isEmpty();
                batch.results().forEach(r -> actual.put(r.orderId(), r.decision() + " " + r.ruleIds()));
            }
        }

        assertThat(actual).containsExactlyInAnyOrderEntriesOf(expected);
        assertThat(actual.values()).anyMatch(v -> v.startsWith("CLEAR")).anyMatch(v -> v.startsWith("REVIEW"))
                .anyMatch(v -> v.startsWith("BLOCK"));
    }

    private static ScreeningResult screenExample(String name) throws IOException {
        Path file = ORDERS.resolve(name);
        Screener.Batch batch = screener.screen(file.toString(), Files.readString(file), null);
        assertThat(batch.problems()).isEmpty();
        return batch.results().get(0);
    }

    @Test
    void shouldLeaveEuUkAndJapanNotApplicableToAUsExportOfUsGoodsFromTheUs() throws IOException {
        ScreeningResult result = screenExample("28-us-microcontrollers-from-us-to-russia.json");

        assertThat(result.verdicts()).containsEntry(org.clearance.facts.Jurisdiction.US, Decision.BLOCK)
                .containsEntry(org.clearance.facts.Jurisdiction.EU, Decision.NOT_APPLICABLE)
                .containsEntry(org.clearance.facts.Jurisdiction.UK, Decision.NOT_APPLICABLE)
                .containsEntry(org.clearance.facts.Jurisdiction.JP, Decision.NOT_APPLICABLE);
        assertThat(result.applicability().get(org.clearance.facts.Jurisdiction.EU).reasons()).singleElement().asString()
                .contains("no EU nexus: shipped from US");
        assertThat(result.findings()).filteredOn(f -> f.ruleId().equals("JP-CHP-01")).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(org.clearance.facts.Severity.INFO));
    }

    @Test
    void shouldNotBlockAJapaneseExportUnderEuArticle3k() throws IOException {
        ScreeningResult result = screenExample("29-jp-exporter-office-furniture-to-russia.json");

        assertThat(result.verdicts()).containsEntry(org.clearance.facts.Jurisdiction.EU, Decision.NOT_APPLICABLE);
        assertThat(result.decision()).isNotEqualTo(Decision.BLOCK);
        assertThat(result.findings()).filteredOn(f -> f.ruleId().equals("EU-3K-RU-01")).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(org.clearance.facts.Severity.INFO));
    }

    @Test
    void shouldNeverClearUnlistedGoodsForARussianEndUser() throws IOException {
        for (String name : List.of("30-lab-analyser-for-russian-end-user-via-kazakhstan.json",
                "31-aircraft-parts-for-russian-end-user-via-turkey-kyrgyzstan.json")) {
            ScreeningResult result = screenExample(name);
            assertThat(result.decision()).as(name).isEqualTo(Decision.REVIEW);
            assertThat(result.findings()).as(name).anySatisfy(f -> assertThat(f.ruleId()).endsWith("-UNLISTED-01"));
        }
        assertThat(screenExample("31-aircraft-parts-for-russian-end-user-via-turkey-kyrgyzstan.json").findings())
                .anySatisfy(f -> assertThat(f.message()).contains("HS 8807.20").contains("aircraft and spacecraft"));
        assertThat(screenExample("30-lab-analyser-for-russian-end-user-via-kazakhstan.json").findings())
                .anySatisfy(f -> assertThat(f.message()).contains("HS 9027.81 is not in this pack's lists, which are incomplete"));
    }
}
