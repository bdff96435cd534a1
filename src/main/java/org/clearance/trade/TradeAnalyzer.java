package org.clearance.trade;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The surge analysis of docs/trade.md over trade statistics in memory: per reporter, CHP exports to Russia, Belarus
 * and neighbours against the baseline average of the same months, CHP imports from the G7 against the baseline, and
 * the mirror gap; ranked by score. Pure: the same rows and request always give the same result.
 */
public final class TradeAnalyzer {

    private final Set<String> chpCodes;

    /** @param chpCodes the HS-6 codes of the Common High Priority List (rules/data/common/chpl.csv) */
    public TradeAnalyzer(Set<String> chpCodes) {
        this.chpCodes = Set.copyOf(chpCodes);
    }

    public List<CountryTradeRisk> analyze(List<TradeRow> rows, AnalysisRequest request) {
        List<TradeRow> chp = rows.stream().filter(r -> chpCodes.contains(r.hsCode())).toList();
        Set<String> reportingInPeriod = new TreeSet<>();
        Set<String> reporters = new TreeSet<>();
        for (TradeRow row : chp) {
            if (request.period().contains(row.month())) {
                reportingInPeriod.add(row.reporter());
            }
            if (row.flow() == TradeFlow.EXPORT && request.corridorOf(row.reporter()).contains(row.partner())
                    && !AnalysisRequest.TARGETS.contains(row.reporter())) {
                reporters.add(row.reporter());
            }
        }
        // Each reporter's sums read only the rows it reported or is the partner of, so the analysis stays linear in rows.
        Map<String, List<TradeRow>> byCountry = new HashMap<>();
        for (TradeRow row : chp) {
            byCountry.computeIfAbsent(row.reporter(), k -> new ArrayList<>()).add(row);
            if (!row.partner().equals(row.reporter())) {
                byCountry.computeIfAbsent(row.partner(), k -> new ArrayList<>()).add(row);
            }
        }
        List<CountryTradeRisk> risks = new ArrayList<>();
        for (String reporter : reporters) {
            risks.add(analyze(reporter, byCountry.get(reporter), request, reportingInPeriod));
        }
        risks.sort(Comparator.comparingInt(CountryTradeRisk::score).reversed()
                .thenComparing(r -> r.exportRatio() == null ? Double.MAX_VALUE : r.exportRatio(), Comparator.reverseOrder())
                .thenComparing(CountryTradeRisk::country));
        List<CountryTradeRisk> ranked = new ArrayList<>();
        for (int i = 0; i < risks.size(); i++) {
            ranked.add(risks.get(i).ranked(i + 1));
        }
        return ranked;
    }

    private CountryTradeRisk analyze(String reporter, List<TradeRow> chp, AnalysisRequest request,
                                     Set<String> reportingInPeriod) {
        Set<String> corridor = request.corridorOf(reporter);
        Predicate<TradeRow> exports = r -> r.reporter().equals(reporter) && r.flow() == TradeFlow.EXPORT
                && corridor.contains(r.partner());
        Predicate<TradeRow> g7Imports = r -> r.reporter().equals(reporter) && r.flow() == TradeFlow.IMPORT
                && request.g7().contains(r.partner());
        // Mirror: only partners that published statistics for the period can confirm or contradict (Russia has not since 2022).
        Predicate<TradeRow> mirrorExports = exports.and(r -> reportingInPeriod.contains(r.partner()));
        Predicate<TradeRow> mirrorImports = r -> r.partner().equals(reporter) && r.flow() == TradeFlow.IMPORT
                && corridor.contains(r.reporter());

        BigDecimal exportsNow = sum(chp, exports, request.period());
        BigDecimal exportsBase = baseline(chp, exports, request);
        BigDecimal g7Now = sum(chp, g7Imports, request.period());
        BigDecimal g7Base = baseline(chp, g7Imports, request);
        BigDecimal mirrorOut = sum(chp, mirrorExports, request.period());
        BigDecimal mirrorIn = sum(chp, mirrorImports, request.period());

        Double ratio = ratio(exportsNow, exportsBase);
        boolean newFlow = exportsBase.signum() == 0 && exportsNow.signum() > 0;
        Double g7Change = ratio(g7Now.subtract(g7Base), g7Base);
        Double mirrorGap = ratio(mirrorOut.subtract(mirrorIn), mirrorOut);
        RiskScore.Parts parts = RiskScore.of(ratio, newFlow, g7Change, mirrorGap);
        String evidence = evidence(corridor, request, exportsNow, exportsBase, ratio, g7Now, g7Change, mirrorOut,
                mirrorIn, mirrorGap);
        return new CountryTradeRisk(0, reporter, parts.total(), exportsNow, exportsBase, ratio, g7Now, g7Base, g7Change,
                mirrorOut, mirrorIn, mirrorGap, parts, evidence);
    }

    private static BigDecimal sum(List<TradeRow> rows, Predicate<TradeRow> which, MonthRange months) {
        BigDecimal total = BigDecimal.ZERO;
        for (TradeRow row : rows) {
            if (months.contains(row.month()) && which.test(row)) {
                total = total.add(row.valueUsd());
            }
        }
        return total;
    }

    /** Average over the baseline years of the same months' total. */
    private static BigDecimal baseline(List<TradeRow> rows, Predicate<TradeRow> which, AnalysisRequest request) {
        BigDecimal total = BigDecimal.ZERO;
        for (int year = request.baseline().first(); year <= request.baseline().last(); year++) {
            total = total.add(sum(rows, which, request.period().inYear(year)));
        }
        return total.divide(BigDecimal.valueOf(request.baseline().years()), 2, RoundingMode.HALF_UP);
    }

    private static Double ratio(BigDecimal numerator, BigDecimal denominator) {
        return denominator.signum() == 0 ? null : numerator.divide(denominator, 6, RoundingMode.HALF_UP).doubleValue();
    }

    private static String evidence(Set<String> corridor, AnalysisRequest request, BigDecimal exportsNow,
                                   BigDecimal exportsBase, Double ratio, BigDecimal g7Now, Double g7Change,
                                   BigDecimal mirrorOut, BigDecimal mirrorIn, Double mirrorGap) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "CHP exports to %s: %s in %s vs %s average of the same months %s (%s)", String.join("/", corridor),
                money(exportsNow), request.period(), money(exportsBase), request.baseline(),
                ratio == null ? (exportsNow.signum() > 0 ? "new flow" : "none") : String.format(Locale.ROOT, "%.1fx", ratio)));
        if (g7Change != null) {
            text.append(String.format(Locale.ROOT, "; CHP imports from G7 %s (%+.0f%%)", money(g7Now), g7Change * 100));
        }
        if (mirrorGap != null) {
            text.append(String.format(Locale.ROOT, "; partners report %s of the %s it reports sending them (mirror gap %.0f%%)",
                    money(mirrorIn), money(mirrorOut), mirrorGap * 100));
        }
        return text.toString();
    }

    /** US dollars as people read them: $158.0m, $950k. */
    public static String money(BigDecimal usd) {
        double v = usd.doubleValue();
        if (Math.abs(v) >= 1e9) {
            return String.format(Locale.ROOT, "$%.2fbn", v / 1e9);
        }
        if (Math.abs(v) >= 1e6) {
            return String.format(Locale.ROOT, "$%.1fm", v / 1e6);
        }
        if (Math.abs(v) >= 1e3) {
            return String.format(Locale.ROOT, "$%.0fk", v / 1e3);
        }
        return String.format(Locale.ROOT, "$%.0f", v);
    }
}
