package org.clearance.trade;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The months analysed, written {@code 2023-01..2023-09} (ISO 8601 year-months, both ends included). At most twelve
 * months, so that each month has exactly one counterpart in every baseline year.
 */
public record MonthRange(YearMonth first, YearMonth last) {

    public MonthRange {
        if (last.isBefore(first)) {
            throw new InvalidTradeQueryException("period", "period ends (" + last + ") before it starts (" + first + ")");
        }
        if (ChronoUnit.MONTHS.between(first, last) >= 12) {
            throw new InvalidTradeQueryException("period", "period " + first + ".." + last
                    + " is longer than 12 months; compare at most a year at a time");
        }
    }

    public static MonthRange parse(String text) {
        String[] ends = text == null ? new String[0] : text.strip().split("\\.\\.", -1);
        if (ends.length != 2) {
            throw new InvalidTradeQueryException("period", "period '" + text + "' must be FIRST..LAST, e.g. 2023-01..2023-09");
        }
        return new MonthRange(month(ends[0], text), month(ends[1], text));
    }

    private static YearMonth month(String end, String text) {
        try {
            return YearMonth.parse(end.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidTradeQueryException("period", "period '" + text + "': '" + end
                    + "' is not a month as YYYY-MM (month 01-12)");
        }
    }

    public List<YearMonth> months() {
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            months.add(m);
        }
        return months;
    }

    /** The same months shifted to start in {@code year} (the counterpart of this period in a baseline year). */
    public MonthRange inYear(int year) {
        int shift = year - first.getYear();
        return new MonthRange(first.plusYears(shift), last.plusYears(shift));
    }

    public boolean contains(YearMonth month) {
        return !month.isBefore(first) && !month.isAfter(last);
    }

    @Override
    public String toString() {
        return first + ".." + last;
    }
}
