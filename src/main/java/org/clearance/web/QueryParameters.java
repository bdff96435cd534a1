package org.clearance.web;

import java.util.List;

/**
 * Reads numeric query parameters from their text, so that {@code page=abc} or {@code page=99999999999} is a 400
 * naming the parameter rather than the framework's 404 or an arithmetic overflow further down.
 */
public final class QueryParameters {

    private QueryParameters() {
    }

    /**
     * {@code raw} as an integer between {@code min} and {@code max}, {@code fallback} when absent or blank; otherwise an
     * error is added to {@code errors} and {@code fallback} returned.
     */
    public static int integer(String name, String raw, int fallback, int min, int max, List<Problem.Error> errors) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            long value = Long.parseLong(raw.strip());
            if (value >= min && value <= max) {
                return (int) value;
            }
        } catch (NumberFormatException e) {
            // reported below, with the range
        }
        errors.add(InvalidQueryException.error(name, "must be a whole number from " + min + " to " + max + " (got "
                + org.clearance.order.Printable.value(raw) + ")"));
        return fallback;
    }
}
