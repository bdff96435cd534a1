package org.clearance.trade;

/** The baseline years, written {@code 2015-2021} or a single year {@code 2021} (both ends included). */
public record YearRange(int first, int last) {

    public YearRange {
        if (last < first) {
            throw new InvalidTradeQueryException("baseline", "baseline ends (" + last + ") before it starts (" + first + ")");
        }
    }

    public static YearRange parse(String text) {
        String clean = text == null ? "" : text.strip();
        if (clean.matches("\\d{4}")) {
            return new YearRange(Integer.parseInt(clean), Integer.parseInt(clean));
        }
        if (!clean.matches("\\d{4}-\\d{4}")) {
            throw new InvalidTradeQueryException("baseline", "baseline '" + text + "' must be FIRST-LAST years, e.g. 2015-2021");
        }
        return new YearRange(Integer.parseInt(clean.substring(0, 4)), Integer.parseInt(clean.substring(5)));
    }

    public int years() {
        return last - first + 1;
    }

    @Override
    public String toString() {
        return first == last ? Integer.toString(first) : first + "-" + last;
    }
}
