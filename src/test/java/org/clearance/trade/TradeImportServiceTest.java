package org.clearance.trade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.clearance.facts.CountryRisk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Imports into the real database: idempotent, overlapping files revise what they overlap, bad files change nothing. */
@QuarkusTest
@Tag("database")
class TradeImportServiceTest {

    private static final Path NORWAY = Path.of("src/test/resources/trade/norway-2023.csv");
    private static final Path NORWAY_REVISED = Path.of("src/test/resources/trade/norway-2023-revised.csv");
    private static final Path BAD = Path.of("src/test/resources/trade/bad-rows.csv");

    @Inject
    TradeImportService imports;

    @Inject
    CountryRisks countryRisks;

    /** Norway is this test's own reporter: removed before and after, so other tests never see it. */
    @BeforeEach
    @AfterEach
    void forgetNorway() {
        QuarkusTransaction.requiringNew().run(() -> TradeStatistic.delete("reporter", "NO"));
        countryRisks.refresh();
    }

    private static Map<Integer, BigDecimal> norwayByMonth() {
        return QuarkusTransaction.requiringNew().call(() -> TradeStatistic.<TradeStatistic>list("reporter", "NO").stream()
                .collect(Collectors.toMap(s -> s.periodMonth, s -> s.valueUsd.stripTrailingZeros())));
    }

    @Test
    void shouldChangeNothingWhenTheSameFileIsImportedAgain() throws IOException {
        TradeImportResult first = imports.importFile(NORWAY);
        assertThat(first).isEqualTo(new TradeImportResult(3, 0, 0, Map.of()));
        TradeImportResult again = imports.importFile(NORWAY);
        assertThat(again).isEqualTo(new TradeImportResult(0, 0, 3, Map.of()));
        assertThat(again.changedAnything()).isFalse();
        assertThat(norwayByMonth()).hasSize(3);
    }

    @Test
    void shouldReplaceOverlappingRowsAddNewOnesAndKeepTheRest() throws IOException {
        imports.importFile(NORWAY);
        TradeImportResult revised = imports.importFile(NORWAY_REVISED);
        assertThat(revised).isEqualTo(new TradeImportResult(1, 1, 1, Map.of()));
        assertThat(norwayByMonth()).containsExactlyInAnyOrderEntriesOf(Map.of(1, new BigDecimal("1E+3"),
                2, new BigDecimal("1.1E+3"), 3, new BigDecimal("1.25E+3"), 4, new BigDecimal("1.3E+3")));
    }

    @Test
    void shouldImportNothingFromAFileWithBadRows() throws IOException {
        imports.importFile(NORWAY);
        assertThatThrownBy(() -> imports.importFile(BAD)).isInstanceOfSatisfying(TradeFileException.class,
                e -> assertThat(e.problems()).hasSize(7));
        // bad-rows.csv also holds a good row for January 2023 (2000.00): it was not applied.
        assertThat(norwayByMonth()).containsEntry(1, new BigDecimal("1E+3")).hasSize(3);
    }

    @Test
    void shouldRecomputeTheCountryRisksScreeningSeesAfterAnImport() throws IOException {
        imports.importFile(TradeAnalyzerTest.SYNTHETIC);
        List<CountryRisk> risks = countryRisks.risks();
        assertThat(risks).extracting(CountryRisk::country).startsWith("TR", "AM", "KG");
        assertThat(risks).filteredOn(r -> r.country().equals("TR")).singleElement()
                .satisfies(tr -> assertThat(tr.score()).isEqualTo(100))
                .satisfies(tr -> assertThat(tr.evidence()).contains("$158.0m", "$28.0m"));

        imports.importFile(NORWAY); // Norway's CHP exports to Kazakhstan in 2023, none in the baseline: a new flow
        assertThat(countryRisks.risks()).extracting(CountryRisk::country).contains("NO");
    }
}
