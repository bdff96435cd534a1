package org.clearance.console;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.clearance.screening.ScreeningStatistics.DayCount;

/**
 * Screenings per day as an SVG of stacked bars (BLOCK, REVIEW, CLEAR from the bottom), drawn on the server: no script
 * and no style attribute, so the console's Content-Security-Policy stays strict. Each bar has a title with its counts,
 * and the figure a text alternative.
 */
final class DayChart {

    private static final int WIDTH = 720;
    private static final int HEIGHT = 220;
    private static final int LEFT = 40;
    private static final int BOTTOM = 30;
    private static final int TOP = 10;
    static final String CLEAR = "#2e7d32";
    static final String REVIEW = "#e69f00";
    static final String BLOCK = "#c0392b";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    private DayChart() {
    }

    static String svg(List<DayCount> days) {
        long max = Math.max(1, days.stream().mapToLong(DayCount::total).max().orElse(1));
        double slot = (WIDTH - LEFT) / (double) Math.max(1, days.size());
        double plot = HEIGHT - BOTTOM - TOP;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" role=\"img\" "
                + "aria-labelledby=\"day-chart-title\" class=\"chart\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"11\">",
                WIDTH, HEIGHT));
        svg.append("<title id=\"day-chart-title\">Screenings per day by decision: ")
                .append(days.stream().mapToLong(DayCount::total).sum()).append(" in ").append(days.size()).append(" days</title>");
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#888\"/>", LEFT,
                HEIGHT - BOTTOM, WIDTH, HEIGHT - BOTTOM));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%d</text>", LEFT - 4, TOP + 8, max));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">0</text>", LEFT - 4, HEIGHT - BOTTOM));
        for (int i = 0; i < days.size(); i++) {
            DayCount day = days.get(i);
            double x = LEFT + i * slot + slot * 0.15;
            double width = slot * 0.7;
            double y = HEIGHT - BOTTOM;
            svg.append("<g><title>").append(DAY.format(day.day())).append(": ").append(day.block()).append(" BLOCK, ")
                    .append(day.review()).append(" REVIEW, ").append(day.clear()).append(" CLEAR</title>");
            for (long[] part : new long[][]{{day.block(), 0}, {day.review(), 1}, {day.clear(), 2}}) {
                double height = plot * part[0] / max;
                if (height > 0) {
                    y -= height;
                    svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>",
                            x, y, width, height, part[1] == 0 ? BLOCK : part[1] == 1 ? REVIEW : CLEAR));
                }
            }
            svg.append("</g>");
            if (i % Math.max(1, days.size() / 7) == 0 || i == days.size() - 1) {
                svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>",
                        x + width / 2, HEIGHT - 10, DAY.format(day.day())));
            }
        }
        return svg.append("</svg>").toString();
    }
}
