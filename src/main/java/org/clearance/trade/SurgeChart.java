package org.clearance.trade;

import java.util.List;
import java.util.Locale;

/**
 * Draws the analysis as an SVG bar chart a person reads at a glance: one horizontal bar per reporter, in rank order,
 * whose length is its CHP export surge ratio on a logarithmic axis (so 1× and 40× both stay readable), a dashed line
 * at 1× (the baseline), and the ratio and score at the end of each bar. Bars are red from {@link #HIGH_SCORE}, amber
 * from {@link #MEDIUM_SCORE}, else grey. Plain SVG 1.1: no script, no external fonts or styles.
 */
public final class SurgeChart {

    static final int HIGH_SCORE = 60;
    static final int MEDIUM_SCORE = 30;
    private static final int LEFT = 150;
    private static final int PLOT_WIDTH = 560;
    private static final int TOP = 70;
    private static final int BAR = 26;
    private static final int GAP = 10;
    /** The axis runs from 0.25× to 100×: covers a collapse to a quarter and the largest surges in the reference. */
    private static final double MIN_RATIO = 0.25;
    private static final double MAX_RATIO = 100;
    private static final double[] TICKS = {0.25, 0.5, 1, 2, 5, 10, 20, 50, 100};

    private SurgeChart() {
    }

    public static String svg(TradeAnalysis analysis) {
        List<CountryTradeRisk> countries = analysis.countries();
        int plotHeight = Math.max(1, countries.size()) * (BAR + GAP);
        int width = LEFT + PLOT_WIDTH + 240; // room for the label of a bar that reaches 100x
        int height = TOP + plotHeight + 80;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"13\">%n", width, height,
                width, height));
        svg.append(String.format(Locale.ROOT, "<title>CHP export surge by reporter, %s vs %s</title>%n",
                analysis.period(), analysis.baseline()));
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", width, height));
        text(svg, LEFT, 28, "start", "font-size=\"17\" font-weight=\"bold\"",
                "CHP exports to Russia, Belarus and neighbours: surge vs baseline");
        text(svg, LEFT, 50, "start", "fill=\"#444\"", "Months " + analysis.period() + " against the average of the same months "
                + analysis.baseline() + "; bar colour = country risk score");
        int axisY = TOP + plotHeight;
        for (double tick : TICKS) {
            double x = x(tick);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\"%s/>%n", x,
                    TOP - 6, x, axisY, tick == 1 ? "#222" : "#ddd", tick == 1 ? " stroke-dasharray=\"5,3\"" : ""));
            text(svg, x, axisY + 18, "middle", "", ratio(tick));
        }
        text(svg, LEFT + PLOT_WIDTH / 2.0, axisY + 42, "middle", "font-weight=\"bold\"",
                "Export surge ratio (period / baseline average, log scale; dashed line = no change)");
        text(svg, 20, TOP - 12, "start", "font-weight=\"bold\"", "Reporter (rank)");
        for (int i = 0; i < countries.size(); i++) {
            bar(svg, countries.get(i), TOP + i * (BAR + GAP));
        }
        if (countries.isEmpty()) {
            text(svg, LEFT + 10, TOP + 20, "start", "fill=\"#444\"", "No reporter has CHP exports to these partners in the data.");
        }
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#222\"/>%n", LEFT,
                axisY, LEFT + PLOT_WIDTH, axisY));
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static void bar(StringBuilder svg, CountryTradeRisk risk, int y) {
        boolean newFlow = risk.exportRatio() == null && risk.exportsUsd().signum() > 0;
        double ratio = risk.exportRatio() == null ? (newFlow ? MAX_RATIO : MIN_RATIO) : risk.exportRatio();
        double start = x(MIN_RATIO);
        double end = x(Math.max(MIN_RATIO, Math.min(MAX_RATIO, ratio)));
        String colour = risk.score() >= HIGH_SCORE ? "#c0392b" : risk.score() >= MEDIUM_SCORE ? "#e69f00" : "#8a8a8a";
        text(svg, LEFT - 10, y + BAR / 2.0 + 5, "end", "", risk.country() + " (" + risk.rank() + ")");
        svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\">"
                + "<title>%s</title></rect>%n", start, y, Math.max(1, end - start), BAR, colour, escape(risk.evidence())));
        String label = (newFlow ? "new flow" : risk.exportRatio() == null ? "no exports" : ratio(ratio))
                + "  score " + risk.score() + "  " + TradeAnalyzer.money(risk.exportsUsd());
        text(svg, end + 6, y + BAR / 2.0 + 5, "start", "", label);
    }

    private static double x(double ratio) {
        return LEFT + PLOT_WIDTH * Math.log(ratio / MIN_RATIO) / Math.log(MAX_RATIO / MIN_RATIO);
    }

    private static String ratio(double ratio) {
        return (ratio >= 10 || ratio == Math.rint(ratio) ? String.format(Locale.ROOT, "%.0f", ratio)
                : String.format(Locale.ROOT, "%.2f", ratio).replaceAll("0$", "")) + "\u00d7";
    }

    private static void text(StringBuilder svg, double x, double y, String anchor, String attributes, String content) {
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" %s>%s</text>%n", x, y, anchor,
                attributes, escape(content)));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
