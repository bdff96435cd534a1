package org.clearance.console;

import io.quarkus.qute.TemplateExtension;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How console pages write times and numbers: UTC to the minute, ratios to one decimal. */
@TemplateExtension
final class ConsoleFormat {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private ConsoleFormat() {
    }

    static String utc(Instant instant) {
        return instant == null ? "" : MINUTE.format(instant);
    }

    /** A match score, 0 to 1. */
    static String twoDecimals(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    static Pager pager(org.clearance.screening.StoredScreenings.Page page) {
        return new Pager(page.page(), page.pageSize(), page.total());
    }

    static Pager pager(org.clearance.cases.CasePage page) {
        return new Pager(page.page(), page.pageSize(), page.total());
    }

    /** An age in seconds, in whole days. */
    static long days(long seconds) {
        return seconds / 86_400;
    }

    static String oneDecimal(Double value) {
        return value == null ? "–" : String.format(Locale.ROOT, "%.1f", value);
    }
}
