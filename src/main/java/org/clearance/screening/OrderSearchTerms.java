package org.clearance.screening;

import com.fasterxml.jackson.databind.JsonNode;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads from a stored order JSON (docs/order-format.md) the party names and countries and the route countries that
 * screenings are searched by. It reads the JSON rather than the parsed order so that the migration that indexes
 * screenings stored earlier (V13) and the storing of new ones give the same rows for the same order.
 */
public final class OrderSearchTerms {

    /** Longest folded name kept: a 300-character name (the order limit) stays whole even where folding expands it. */
    static final int MAX_KEY = 2000;
    /** Kind of the rows for route stops and ship_from. */
    static final String ROUTE = "ROUTE";

    private static final Pattern ISO_ALPHA_2 = Pattern.compile("[A-Z]{2}");

    /** One row: a party role or {@code ROUTE}, the folded name (null for the route) and the country (may be null). */
    public record Term(String kind, String nameKey, String country) {
    }

    private OrderSearchTerms() {
    }

    /** The rows of one order: every party in the order of {@code Order.parties()}, then the route stops. */
    public static List<Term> of(JsonNode order) {
        List<Term> terms = new ArrayList<>();
        if (order == null || !order.isObject()) {
            return terms;
        }
        party(terms, "SELLER", order.get("seller"));
        party(terms, "BUYER", order.get("buyer"));
        each(order.get("consignees"), consignee -> party(terms, "CONSIGNEE", consignee));
        party(terms, "END_USER", order.get("end_user"));
        party(terms, "FREIGHT_FORWARDER", order.get("freight_forwarder"));
        JsonNode payment = order.get("payment");
        if (payment != null && payment.isObject()) {
            party(terms, "PAYER", payment.get("payer"));
            each(payment.get("other_payers"), payer -> party(terms, "PAYER", payer));
        }
        // Without a route the parser derives one from ship_from, the seller, consignees and end user: their
        // countries are already rows, except ship_from.
        route(terms, order.get("ship_from"));
        each(order.get("route"), stop -> route(terms, stop != null && stop.isObject() ? stop.get("country") : stop));
        return terms;
    }

    /**
     * {@code text} in the form names are stored and searched in: NFKC (as party names are matched, so a full-width
     * or ligature spelling finds the plain one) and lower case by the root locale (the same on every server).
     */
    public static String fold(String text) {
        return Normalizer.normalize(text.strip(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    private static void party(List<Term> terms, String role, JsonNode party) {
        if (party == null || !party.isObject()) {
            return;
        }
        JsonNode name = party.get("name");
        String key = name != null && name.isTextual() ? cut(fold(name.asText())) : null;
        terms.add(new Term(role, key == null || key.isEmpty() ? null : key, country(party.get("country"))));
    }

    private static void route(List<Term> terms, JsonNode country) {
        String code = country(country);
        if (code != null) {
            terms.add(new Term(ROUTE, null, code));
        }
    }

    /** A country as the order parser accepts it, or null (screenings stored before validation existed may hold others). */
    private static String country(JsonNode node) {
        if (node == null || !node.isTextual()) {
            return null;
        }
        String code = node.asText().strip();
        return ISO_ALPHA_2.matcher(code).matches() ? code : null;
    }

    private static void each(JsonNode array, java.util.function.Consumer<JsonNode> action) {
        if (array != null && array.isArray()) {
            array.forEach(action);
        }
    }

    /** At most {@link #MAX_KEY} characters, never splitting a surrogate pair. */
    private static String cut(String key) {
        if (key.length() <= MAX_KEY) {
            return key;
        }
        int end = Character.isHighSurrogate(key.charAt(MAX_KEY - 1)) ? MAX_KEY - 1 : MAX_KEY;
        return key.substring(0, end);
    }

    /** The LIKE escape character: '!' rather than a backslash, which HQL and SQL string literals would also read. */
    public static final char LIKE_ESCAPE = '!';

    /** {@code text} matching itself in LIKE: its wildcards (% and _) and the escape character are escaped. */
    public static String likeLiteral(String text) {
        StringBuilder literal = new StringBuilder(text.length() + 8);
        for (char c : text.toCharArray()) {
            if (c == '%' || c == '_' || c == LIKE_ESCAPE) {
                literal.append(LIKE_ESCAPE);
            }
            literal.append(c);
        }
        return literal.toString();
    }
}
