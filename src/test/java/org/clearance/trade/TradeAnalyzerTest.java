package org.clearance.trade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.clearance.rules.RulePackLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The analysis over the synthetic Comtrade file of examples/trade, with the CHP codes of the real rule pack: it must
 * recompute the published figures of trade-baselines.md and rank the surging countries above the stable control.
 */
class TradeAnalyzerTest {

    static final Path SYNTHETIC = Path.of("examples/trade/comtrade-chp-synthetic.csv");
    static final Set<String> FT_NEIGHBOURS = Set.of("AZ", "GE", "KZ", "KG", "UZ");
    static final Set<String> DEFAULT_NEIGHBOURS = Set.of("AM", "AZ", "GE", "KZ", "KG", "UZ");
    static final Set<String> G7 = Set.of("CA", "FR", "DE", "IT", "JP", "GB", "US");

    private static List<TradeRow> rows;
    private static TradeAnalyzer analyzer;

    @BeforeAll
    static void read() throws IOException {
        try (Reader in = Files.newBufferedReader(SYNTHETIC)) {
            rows = ComtradeCsvReader.read(in, SYNTHETIC.toString()).rows();
        }
        analyzer = new TradeAnalyzer(ChpCodes.of(RulePackLoader.load(Path.of("rules"))));
    }

    private static Map<String, CountryTradeRisk> analyze(String baseline, String period, Set<String> neighbours) {
        return analyzer.analyze(rows, new AnalysisRequest(YearRange.parse(baseline), MonthRange.parse(period), neighbours, G7))
                .stream().collect(Collectors.toMap(CountryTradeRisk::country, Function.identity()));
    }

    @Test
    void shouldReproduceTheTurkishFiguresOfTheFinancialTimes() {
        CountryTradeRisk turkey = analyze("2015-2021", "2023-01..2023-09", FT_NEIGHBOURS).get("TR");
        assertThat(turkey.exportsUsd()).isEqualByComparingTo("158000000");
        assertThat(turkey.baselineExportsUsd()).isEqualByComparingTo("28000000");
        assertThat(turkey.exportRatio()).isCloseTo(5.64, within(0.01));
        assertThat(turkey.g7ImportChange()).isGreaterThan(0.60);
        assertThat(turkey.mirrorExportsUsd()).isEqualByComparingTo("79000000");
        assertThat(turkey.mirrorPartnerImportsUsd()).isEqualByComparingTo("15800000");
        assertThat(turkey.mirrorGap()).isCloseTo(0.80, within(0.001));
        assertThat(turkey.score()).isEqualTo(100);
        assertThat(turkey.evidence()).contains("$158.0m", "$28.0m", "5.6x", "+61%", "mirror gap 80%");
    }

    @Test
    void shouldCompareOnlyTheSameMonthsOfTheBaselineYears() {
        // Turkey's 2023 exports are about 3x the same months of 2022 (trade-baselines.md §1), not of the whole year.
        CountryTradeRisk turkey = analyze("2022", "2023-01..2023-09", FT_NEIGHBOURS).get("TR");
        assertThat(turkey.baselineExportsUsd()).isEqualByComparingTo("53000000");
        assertThat(turkey.exportRatio()).isCloseTo(2.98, within(0.01));
    }

    @Test
    void shouldReproduceArmeniaKazakhstanAndKyrgyzstanIn2022() {
        Map<String, CountryTradeRisk> risks = analyze("2021", "2022-01..2022-12", DEFAULT_NEIGHBOURS);
        assertThat(risks.get("AM").exportsUsd()).isEqualByComparingTo("462300000");
        assertThat(risks.get("AM").baselineExportsUsd()).isEqualByComparingTo("12200000");
        assertThat(risks.get("AM").exportRatio()).isCloseTo(37.9, within(0.05));
        assertThat(risks.get("KZ").exportRatio()).isCloseTo(1.25, within(0.001));
        assertThat(risks.get("KG").exportRatio()).isCloseTo(2.50, within(0.001));
    }

    @Test
    void shouldRankTheSurgingCountriesAboveTheStableControl() {
        List<CountryTradeRisk> ranked = analyzer.analyze(rows, new AnalysisRequest(YearRange.parse("2015-2021"),
                MonthRange.parse("2023-01..2023-09"), DEFAULT_NEIGHBOURS, G7));
        assertThat(ranked).extracting(CountryTradeRisk::country).containsExactly("TR", "AM", "KG", "KZ", "CH");
        assertThat(ranked).extracting(CountryTradeRisk::rank).containsExactly(1, 2, 3, 4, 5);
        CountryTradeRisk control = ranked.get(4);
        assertThat(control.exportRatio()).isCloseTo(1.0, within(0.05));
        assertThat(control.score()).isLessThan(5);
        assertThat(ranked.get(2).score()).isGreaterThan(control.score() + 50);
    }

    @Test
    void shouldIgnoreCodesOutsideTheChpList() {
        // The file also holds Turkish furniture exports to Russia (HS 940330); counted, they would double the figure.
        TradeAnalyzer everything = new TradeAnalyzer(Set.of("854231", "851762", "940330"));
        CountryTradeRisk turkey = everything.analyze(rows, new AnalysisRequest(YearRange.parse("2015-2021"),
                        MonthRange.parse("2023-01..2023-09"), FT_NEIGHBOURS, G7)).stream()
                .filter(r -> r.country().equals("TR")).findFirst().orElseThrow();
        assertThat(turkey.exportsUsd()).isEqualByComparingTo(new BigDecimal("253000000"));
    }

    @Test
    void shouldScoreANewFlowAsAFullSurge() {
        List<TradeRow> newFlow = List.of(new TradeRow("AE", "RU", "854231", java.time.YearMonth.of(2023, 2),
                TradeFlow.EXPORT, new BigDecimal("1000")));
        CountryTradeRisk risk = analyzer.analyze(newFlow, new AnalysisRequest(YearRange.parse("2015-2021"),
                MonthRange.parse("2023-01..2023-09"), FT_NEIGHBOURS, G7)).get(0);
        assertThat(risk.exportRatio()).isNull();
        assertThat(risk.scoreParts().surge()).isEqualTo(RiskScore.SURGE_MAX);
        assertThat(risk.evidence()).contains("new flow");
    }

    @Test
    void shouldRefuseUnusablePeriodsAndBaselines() {
        assertThatThrownBy(() -> MonthRange.parse("2023-13..2023-02")).isInstanceOf(InvalidTradeQueryException.class)
                .hasMessageContaining("'2023-13' is not a month");
        assertThatThrownBy(() -> MonthRange.parse("2023-09..2023-01")).hasMessageContaining("ends (2023-01) before it starts");
        assertThatThrownBy(() -> MonthRange.parse("2022-01..2023-06")).hasMessageContaining("longer than 12 months");
        assertThatThrownBy(() -> MonthRange.parse("2023-01")).hasMessageContaining("must be FIRST..LAST");
        assertThatThrownBy(() -> YearRange.parse("2021-2015")).hasMessageContaining("ends (2015) before it starts");
        assertThatThrownBy(() -> YearRange.parse("last year")).hasMessageContaining("must be FIRST-LAST years");
        assertThatThrownBy(() -> new AnalysisRequest(YearRange.parse("2015-2023"), MonthRange.parse("2023-01..2023-09"),
                FT_NEIGHBOURS, G7)).isInstanceOfSatisfying(InvalidTradeQueryException.class,
                e -> assertThat(e.parameter()).isEqualTo("baseline"));
        assertThatThrownBy(() -> new AnalysisRequest(YearRange.parse("2015-2021"), MonthRange.parse("2023-01..2023-09"),
                Set.of("Kyrgyzstan"), G7)).hasMessageContaining("'Kyrgyzstan' is not an ISO 3166-1 alpha-2");
    }
}
