package org.clearance.screening;

import jakarta.ws.rs.core.MultivaluedMap;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.clearance.order.Codes;
import org.clearance.order.OrderLimits;
import org.clearance.order.Printable;
import org.clearance.web.InvalidQueryException;
import org.clearance.web.Problem;
import org.clearance.web.QueryParameters;

/**
 * The query string of {@code GET /api/v1/screenings}, checked as a whole: every unknown, repeated or invalid parameter
 * is reported by name in one 400, so that a misspelt filter ({@code contry=RU}) is never silently ignored and the
 * caller never takes an unfiltered page for a filtered one.
 */
record ScreeningListRequest(String orderId, String partyKey, String country, Decision decision, Instant since,
                            Instant before, int page) {

    static final Set<String> PARAMETERS = Set.of("order_id", "party", "country", "decision", "since", "until", "page");
    /** In the order the documentation lists them, for messages. */
    private static final String EXPECTED = "order_id, party, country, decision, since, until or page";
    /** The earliest and latest date both databases store: years 1 to 9999. */
    private static final Instant MIN = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant MAX = Instant.parse("9999-12-31T23:59:59Z");

    /** The request, or an {@link InvalidQueryException} naming every parameter that cannot be used. */
    static ScreeningListRequest parse(MultivaluedMap<String, String> query, int pageSize) {
        List<Problem.Error> problems = new ArrayList<>();
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
            String name = parameter.getKey();
            if (!PARAMETERS.contains(name)) {
                problems.add(unknown(name));
            } else if (parameter.getValue().size() > 1) {
                problems.add(InvalidQueryException.error(name, "is given " + parameter.getValue().size()
                        + " times; give it once"));
            }
        }
        String orderId = text(query.getFirst("order_id"));
        String party = text(query.getFirst("party"));
        if (party != null && party.codePointCount(0, party.length()) > OrderLimits.text("name")) {
            problems.add(InvalidQueryException.error("party", "is longer than any party name (at most "
                    + OrderLimits.text("name") + " characters)"));
            party = null;
        }
        String country = text(query.getFirst("country"));
        if (country != null && Codes.countryProblem(country) != null) {
            problems.add(InvalidQueryException.error("country", Codes.countryProblem(country)));
            country = null;
        }
        Decision decision = decision(text(query.getFirst("decision")), problems);
        Instant since = instant("since", text(query.getFirst("since")), false, problems);
        Instant before = instant("until", text(query.getFirst("until")), true, problems);
        if (since != null && before != null && !before.isAfter(since)) {
            problems.add(InvalidQueryException.error("until", "is before since (" + Printable.value(query.getFirst("until"))
                    + " is earlier than " + Printable.value(query.getFirst("since")) + ")"));
        }
        // The page's first row (page × page size) must stay a valid row number.
        int page = QueryParameters.integer("page", query.getFirst("page"), 0, 0, Integer.MAX_VALUE / pageSize - 1, problems);
        if (!problems.isEmpty()) {
            throw new InvalidQueryException(problems);
        }
        return new ScreeningListRequest(orderId, party == null ? null : OrderSearchTerms.fold(party), country, decision,
                since, before, page);
    }

    ScreeningQuery query(String submittedBy) {
        return new ScreeningQuery(orderId, partyKey, country, decision, since, before, submittedBy);
    }

    private static Problem.Error unknown(String name) {
        String message = "unknown query parameter; expected " + EXPECTED;
        if (name.length() > OrderLimits.DEFAULT_TEXT || Printable.hasControl(name)) {
            // Such a name would make an unreadable pointer: report it in the message, escaped and cut.
            return InvalidQueryException.error("", "unknown query parameter " + Printable.value(name) + "; expected " + EXPECTED);
        }
        return InvalidQueryException.error(name, message);
    }

    /** The value stripped, or null when absent or blank (a blank filter filters nothing, as before). */
    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Decision decision(String text, List<Problem.Error> problems) {
        if (text == null) {
            return null;
        }
        try {
            return Decision.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(InvalidQueryException.error("decision", "unknown decision " + Printable.value(text)
                    + "; expected CLEAR, REVIEW or BLOCK"));
            return null;
        }
    }

    /**
     * An ISO date or instant. With {@code end}, the exclusive end of what it names: a date includes its whole day (UTC),
     * an instant itself (screenings are stored to the microsecond).
     */
    private static Instant instant(String name, String text, boolean end, List<Problem.Error> problems) {
        if (text == null) {
            return null;
        }
        Instant instant;
        boolean date = !text.contains("T");
        try {
            instant = date ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(text);
        } catch (DateTimeParseException e) {
            problems.add(InvalidQueryException.error(name, Printable.value(text)
                    + " is not an ISO date (2025-03-01) or instant (2025-03-01T12:00:00Z)"));
            return null;
        }
        if (instant.isBefore(MIN) || instant.isAfter(MAX)) {
            problems.add(InvalidQueryException.error(name, "must be a date between 0001-01-01 and 9999-12-31 (got "
                    + Printable.value(text) + ")"));
            return null;
        }
        if (!end) {
            return instant;
        }
        return date ? instant.plus(1, ChronoUnit.DAYS) : instant.truncatedTo(ChronoUnit.MICROS).plus(1, ChronoUnit.MICROS);
    }
}
