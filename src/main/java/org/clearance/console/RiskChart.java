package org.clearance.console;

import java.util.Locale;
import org.clearance.screening.RiskView;

/**
 * An order's risk contributions as horizontal SVG bars, largest first, with the review threshold as a line: drawn on
 * the server, no script, no style attribute.
 */
final class RiskChart {

    private static final int WIDTH = 720;
    private static final int LABEL = 230;
    private static final int BAR = 18;
    private static final int GAP = 8;

    private RiskChart() {
    }

    static String svg(RiskView risk) {
        int max = Math.max(1, Math.max(risk.score(), risk.reviewScore() == null ? 0 : risk.reviewScore()));
        int rows = risk.contributions().size() + 1;
        int height = rows * (BAR + GAP) + 20;
        double scale = (WIDTH - LABEL - 60) / (double) max;
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" "
                + "viewBox=\"0 0 %d %d\" role=\"img\" aria-labelledby=\"risk-chart-title\" class=\"chart\" "
                + "font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">", WIDTH, height));
        svg.append("<title id=\"risk-chart-title\">Risk score ").append(risk.score()).append(" from ")
                .append(risk.contributions().size()).append(" contributions</title>");
        int y = 4;
        for (RiskView.Contribution c : risk.contributions()) {
            bar(svg, y, c.factor(), c.points(), scale, "#1f5fa8", c.explanation());
            y += BAR + GAP;
        }
        bar(svg, y, "total", risk.score(), scale, "#17324f", "the order's risk score");
        if (risk.reviewScore() != null) {
            double x = LABEL + risk.reviewScore() * scale;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"0\" x2=\"%.1f\" y2=\"%d\" stroke=\"#c0392b\" "
                    + "stroke-dasharray=\"4,3\"><title>review from %d</title></line>", x, x, height - 14, risk.reviewScore()));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"#c0392b\">"
                    + "review from %d</text>", x, height - 2, risk.reviewScore()));
        }
        return svg.append("</svg>").toString();
    }

    private static void bar(StringBuilder svg, int y, String label, int points, double scale, String colour, String title) {
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>", LABEL - 8,
                y + BAR - 5, escape(label)));
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"><title>%s</title></rect>",
                LABEL, y, Math.max(1, points * scale), BAR, colour, escape(title)));
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\">%d</text>", LABEL + Math.max(1, points * scale) + 4,
                y + BAR - 5, points));
    }

    static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
