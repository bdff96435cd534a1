package org.clearance.trade;

import java.io.PrintWriter;
import java.util.Locale;

/** Writes the analysis as a ranked text table, then each country's evidence in words. */
public final class TradeTable {

    private TradeTable() {
    }

    public static void write(TradeAnalysis analysis, PrintWriter out) {
        out.printf("CHP trade surge: %s vs average of the same months %s (%d CHP codes)%n", analysis.period(),
                analysis.baseline(), analysis.chpCodes());
        out.printf("Exports counted to RU, BY and neighbours %s; imports from G7 %s%n%n",
                String.join(",", analysis.neighbours()), String.join(",", analysis.g7()));
        if (analysis.countries().isEmpty()) {
            out.println("No reporter has CHP exports to these partners in the stored statistics; see 'clearance trade import'.");
            out.flush();
            return;
        }
        String row = "%4s  %-7s %5s  %10s %10s %8s  %10s %7s  %10s\n";
        out.printf(row, "RANK", "COUNTRY", "SCORE", "EXPORTS", "BASELINE", "RATIO", "G7 IMPORTS", "CHANGE", "MIRROR GAP");
        for (CountryTradeRisk r : analysis.countries()) {
            out.printf(row, r.rank(), r.country(), r.score(), TradeAnalyzer.money(r.exportsUsd()),
                    TradeAnalyzer.money(r.baselineExportsUsd()),
                    r.exportRatio() == null ? (r.exportsUsd().signum() > 0 ? "new" : "-")
                            : String.format(Locale.ROOT, "%.1fx", r.exportRatio()),
                    TradeAnalyzer.money(r.g7ImportsUsd()), percent(r.g7ImportChange(), "%+.0f%%"), percent(r.mirrorGap(), "%.0f%%"));
        }
        out.println();
        for (CountryTradeRisk r : analysis.countries()) {
            RiskScore.Parts p = r.scoreParts();
            out.printf("%s score %d (surge %d + G7 imports %d + mirror gap %d): %s%n", r.country(), r.score(), p.surge(),
                    p.g7Imports(), p.mirrorGap(), r.evidence());
        }
        out.flush();
    }

    private static String percent(Double share, String format) {
        return share == null ? "-" : String.format(Locale.ROOT, format, share * 100);
    }
}
