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
import org.clearance.examples.ExampleOrders;
import org.clearance.examples.ExpectedResult;
import org.clearance.examples.ExpectedResultsFile;
import org.clearance.rules.RulePack;
import org.clearance.rules.RulePackLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    @Test
    void shouldFindNoDifferenceAndWriteTheCommittedFileByteForByte(@TempDir Path dir) throws IOException {
        Path committed = Path.of("examples/expected.csv");
        ExampleOrders.Screened screened = ExampleOrders.screen(ORDERS, screener.pack());
        Path written = dir.resolve("expected.csv");
        ExpectedResultsFile.write(written, screened.results());

        assertThat(screened.problems()).isEmpty();
        assertThat(ExampleOrders.compare(ExpectedResultsFile.read(committed), screened.results())).isEmpty();
        assertThat(Files.readString(written)).isEqualTo(Files.readString(committed));
    }

    @Test
    void shouldReportAChangedRowAMissingOrderAndAnOrderWithoutARow() {
        ExpectedResult clear = new ExpectedResult("a.json", "A-1", "CLEAR", List.of());
        ExpectedResult review = new ExpectedResult("a.json", "A-1", "REVIEW", List.of("X-2", "X-1"));
        ExpectedResult gone = new ExpectedResult("b.json", "B-1", "BLOCK", List.of("X-3"));
        ExpectedResult added = new ExpectedResult("c.ndjson", "C-1", "CLEAR", List.of());

        assertThat(ExampleOrders.compare(List.of(clear, gone), List.of(review, added))).extracting(Object::toString)
                .containsExactly("a.json A-1: expected CLEAR [], actual REVIEW [X-1, X-2]",
                        "b.json B-1: expected BLOCK [X-3], actual no such order in the folder",
                        "c.ndjson C-1: expected no row in the expected results, actual CLEAR []");
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
    void shouldApplyTheEuRegimeForTheEuParentOfAJapaneseExporterAndAskForItsShareWhenNotGiven() throws IOException {
        String order = Files.readString(ORDERS.resolve("29-jp-exporter-office-furniture-to-russia.json"));
        String owned = order.replace("\"type\": \"manufacturer\"", "\"type\": \"manufacturer\", \"owners\": "
                + "[{\"name\": \"Rhein Moebel Holding GmbH\", \"country\": \"DE\", \"share_percent\": 75}]");
        String shareUnknown = owned.replace(", \"share_percent\": 75", "");

        ScreeningResult parent = screener.screen("owned", owned, null).results().get(0);
        ScreeningResult mayControl = screener.screen("share unknown", shareUnknown, null).results().get(0);

        assertThat(parent.verdicts()).containsEntry(org.clearance.facts.Jurisdiction.EU, Decision.BLOCK);
        assertThat(parent.applicability().get(org.clearance.facts.Jurisdiction.EU).reasons()).singleElement().asString()
                .startsWith("EU-NEXUS-04: EU parent Rhein Moebel Holding GmbH (DE, 75 %) of seller Nagoya Kogyo Furniture KK")
                .contains("best efforts").contains("Art. 8a");
        assertThat(parent.findings()).filteredOn(f -> f.ruleId().equals("EU-3K-RU-01")).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(org.clearance.facts.Severity.BLOCK));
        NexusView unknown = mayControl.applicability().get(org.clearance.facts.Jurisdiction.EU);
        assertThat(unknown.applies()).isTrue();
        assertThat(unknown.known()).isFalse();
        assertThat(unknown.settledBy()).containsExactly("/seller/owners/0/share_percent");
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
