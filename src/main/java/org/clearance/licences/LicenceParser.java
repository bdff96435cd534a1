package org.clearance.licences;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.clearance.facts.AuthorisationType;
import org.clearance.facts.Jurisdiction;
import org.clearance.order.Codes;
import org.clearance.order.InputProblem;
import org.clearance.order.OrderLimits;
import org.clearance.order.Printable;

/**
 * Validates one licence as JSON (docs/licences.md) and collects every problem with its JSON pointer; the CSV import
 * turns each row into the same JSON first, so that both formats follow one set of rules.
 */
final class LicenceParser {

    static final Set<String> FIELDS = Set.of("jurisdiction", "type", "reference", "holder", "items", "destinations",
            "consignees", "end_users", "quantity", "quantity_unit", "value", "value_currency", "valid_from",
            "valid_until", "conditions");
    private static final Set<String> PARTY_FIELDS = Set.of("name", "country");
    /** {@code eccn:3A001}, {@code hs:8542.31}, {@code cn:85423190}, {@code control:3A002.c.1}; a trailing * allowed. */
    private static final Pattern ITEM = Pattern.compile(
            "(eccn:[0-9][A-EY][0-9]{3}[a-z0-9.]*\\*?)|((hs|cn):[0-9][0-9. ]{1,12}\\*?)|(control:[A-Za-z0-9][A-Za-z0-9.]{0,62}\\*?)");
    static final int NAME_LENGTH = OrderLimits.text("name");
    static final int CONDITIONS_LENGTH = 2000;
    static final int UNIT_LENGTH = OrderLimits.text("unit");
    static final int MAX_ITEMS = 50;
    static final int MAX_PARTIES = 20;

    private final String source;
    private final String prefix;
    private final List<InputProblem> problems = new ArrayList<>();

    private LicenceParser(String source, String prefix) {
        this.source = source;
        this.prefix = prefix;
    }

    /**
     * The licence in {@code node}, or null with the problems added to {@code problems}; {@code prefix} is the node's
     * own pointer (e.g. {@code /3} in an array), so that every problem points into the whole input.
     */
    static LicenceRequest parse(String source, String prefix, JsonNode node, List<InputProblem> problems) {
        LicenceParser parser = new LicenceParser(source, prefix);
        LicenceRequest request = parser.licence(node);
        problems.addAll(parser.problems);
        return parser.problems.isEmpty() ? request : null;
    }

    private LicenceRequest licence(JsonNode node) {
        if (node == null || !node.isObject()) {
            problem("", "must be a JSON object (one licence)");
            return null;
        }
        node.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) {
                problem(name.length() > 64 || Printable.hasControl(name) ? "" : "/" + name.replace("~", "~0").replace("/", "~1"),
                        "unknown field " + Printable.value(name) + "; expected one of " + String.join(", ", FIELDS.stream().sorted().toList()));
            }
        });
        Jurisdiction jurisdiction = jurisdiction(node);
        AuthorisationType type = type(node);
        String reference = text(node, "/reference", true, Codes.AUTHORISATION_REFERENCE_LENGTH);
        if (reference != null) {
            String problem = Codes.authorisationReferenceProblem(reference);
            if (problem != null) {
                problem("/reference", problem);
            }
        }
        LicensedParty holder = party(node.get("holder"), "/holder", true);
        List<String> items = items(node.get("items"));
        List<String> destinations = countries(node.get("destinations"), "/destinations");
        List<LicensedParty> consignees = parties(node.get("consignees"), "/consignees");
        List<LicensedParty> endUsers = parties(node.get("end_users"), "/end_users");
        BigDecimal quantity = amount(node, "quantity");
        String unit = text(node, "/quantity_unit", quantity != null, UNIT_LENGTH);
        BigDecimal value = amount(node, "value");
        String currency = text(node, "/value_currency", value != null, 3);
        if (currency != null && !Codes.currency(currency)) {
            problem("/value_currency", "unknown currency " + Printable.value(currency) + "; expected an ISO 4217 code such as EUR or USD");
        }
        LocalDate validFrom = date(node, "valid_from");
        LocalDate validUntil = date(node, "valid_until");
        if (validFrom != null && validUntil != null && validUntil.isBefore(validFrom)) {
            problem("/valid_until", "is before valid_from (" + validFrom + ")");
        }
        String conditions = text(node, "/conditions", false, CONDITIONS_LENGTH);
        if (!problems.isEmpty()) {
            return null;
        }
        return new LicenceRequest(jurisdiction, type, reference, holder, items, destinations, consignees, endUsers,
                quantity, unit, value, currency, validFrom, validUntil, conditions);
    }

    private Jurisdiction jurisdiction(JsonNode node) {
        String text = text(node, "/jurisdiction", true, 2);
        if (text == null) {
            return null;
        }
        try {
            Jurisdiction jurisdiction = Jurisdiction.valueOf(text.toUpperCase(Locale.ROOT));
            if (Jurisdiction.REPORTED.contains(jurisdiction)) {
                return jurisdiction;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        problem("/jurisdiction", "unknown jurisdiction " + Printable.value(text) + "; expected one of US, EU, UK, JP");
        return null;
    }

    /** Licence (default) or approval: general licences and exceptions are rule pack data, not register entries. */
    private AuthorisationType type(JsonNode node) {
        String text = text(node, "/type", false, 20);
        if (text == null) {
            return AuthorisationType.LICENCE;
        }
        try {
            AuthorisationType type = AuthorisationType.valueOf(text.toUpperCase(Locale.ROOT));
            if (type.registered()) {
                return type;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        problem("/type", "must be licence or approval (general licences and exceptions are rule pack data files, "
                + "rules/data/<jurisdiction>/general-authorisations.csv)");
        return null;
    }

    private List<String> items(JsonNode node) {
        List<String> items = new ArrayList<>();
        if (!array(node, "/items", true, MAX_ITEMS)) {
            return items;
        }
        if (node.isEmpty()) {
            problem("/items", "a licence covers at least one item: give its ECCN, HS/CN code or control list entry");
        }
        for (int i = 0; i < node.size(); i++) {
            String at = "/items/" + i;
            String item = element(node.get(i), at, 64);
            if (item == null) {
                continue;
            }
            String pattern = item.strip();
            int colon = pattern.indexOf(':');
            if (colon > 0) {
                pattern = pattern.substring(0, colon).toLowerCase(Locale.ROOT) + pattern.substring(colon);
            }
            if (!ITEM.matcher(pattern).matches()) {
                problem(at, "item " + Printable.value(item) + " must be eccn:<ECCN>, hs:<HS code>, cn:<CN code> or "
                        + "control:<control list entry>, optionally ending in * (e.g. eccn:3A001, hs:8542.31, control:3A002.c.1)");
            } else if (pattern.startsWith("hs:") || pattern.startsWith("cn:")) {
                items.add(pattern.substring(0, 3) + Codes.normaliseHs(pattern.substring(3)));
            } else {
                items.add(pattern);
            }
        }
        return items;
    }

    private List<String> countries(JsonNode node, String at) {
        List<String> countries = new ArrayList<>();
        if (!array(node, at, false, 250)) {
            return countries;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String code = element(node.get(i), at + "/" + i, 2);
            if (code == null) {
                continue;
            }
            String problem = Codes.countryProblem(code);
            if (problem != null) {
                problem(at + "/" + i, problem);
            } else if (seen.add(code)) {
                countries.add(code);
            }
        }
        return countries;
    }

    private List<LicensedParty> parties(JsonNode node, String at) {
        List<LicensedParty> parties = new ArrayList<>();
        if (!array(node, at, false, MAX_PARTIES)) {
            return parties;
        }
        for (int i = 0; i < node.size(); i++) {
            LicensedParty party = party(node.get(i), at + "/" + i, true);
            if (party != null) {
                parties.add(party);
            }
        }
        return parties;
    }

    private LicensedParty party(JsonNode node, String at, boolean required) {
        if (node == null || node.isNull()) {
            if (required) {
                problem(at, "is required: an object with name and country");
            }
            return null;
        }
        if (!node.isObject()) {
            problem(at, "must be an object with name and country");
            return null;
        }
        node.fieldNames().forEachRemaining(name -> {
            if (!PARTY_FIELDS.contains(name)) {
                problem(at, "unknown field " + Printable.value(name) + "; expected name, country");
            }
        });
        String name = text(node, at + "/name", true, NAME_LENGTH);
        String country = text(node, at + "/country", true, 2);
        if (country != null && Codes.countryProblem(country) != null) {
            problem(at + "/country", Codes.countryProblem(country));
            return null;
        }
        return name == null || country == null ? null : new LicensedParty(name, country);
    }

    private boolean array(JsonNode node, String at, boolean required, int max) {
        if (node == null || node.isNull()) {
            if (required) {
                problem(at, "is required");
            }
            return false;
        }
        if (!node.isArray()) {
            problem(at, "must be a JSON array");
            return false;
        }
        if (node.size() > max) {
            problem(at, "has " + node.size() + " elements; at most " + max + " are allowed");
            return false;
        }
        return true;
    }

    private String element(JsonNode node, String at, int max) {
        if (!node.isTextual()) {
            problem(at, "must be a string");
            return null;
        }
        return checked(node.asText().strip(), at, max, true);
    }

    /** The field at {@code pointer} (one level below the node), stripped; null when absent, blank or invalid. */
    private String text(JsonNode node, String pointer, boolean required, int max) {
        JsonNode value = node.get(pointer.substring(pointer.lastIndexOf('/') + 1));
        if (value == null || value.isNull()) {
            if (required) {
                problem(pointer, "is required");
            }
            return null;
        }
        if (!value.isTextual()) {
            problem(pointer, "must be a string");
            return null;
        }
        return checked(value.asText().strip(), pointer, max, required);
    }

    private String checked(String text, String at, int max, boolean required) {
        if (Printable.hasControl(text)) {
            problem(at, "contains a control character; text may not contain control characters (tabs and line breaks included)");
            return null;
        }
        int length = text.codePointCount(0, text.length());
        if (length > max) {
            problem(at, "is too long: " + length + " characters; at most " + max + " are allowed");
            return null;
        }
        if (text.isEmpty()) {
            if (required) {
                problem(at, "must not be empty");
            }
            return null;
        }
        return text;
    }

    private BigDecimal amount(JsonNode node, String field) {
        JsonNode value = node.get(field);
        String at = "/" + field;
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber()) {
            problem(at, "must be a number");
            return null;
        }
        BigDecimal amount = value.decimalValue();
        if (amount.signum() < 0) {
            problem(at, "must not be negative (got " + amount.toPlainString() + ")");
        } else if (amount.compareTo(OrderLimits.AMOUNT_BOUND) >= 0) {
            problem(at, "is too large; it must be below " + OrderLimits.AMOUNT_BOUND.toPlainString());
        } else if (amount.signum() != 0 && amount.stripTrailingZeros().scale() > OrderLimits.DECIMAL_PLACES) {
            problem(at, "has more than " + OrderLimits.DECIMAL_PLACES + " decimal places");
        } else {
            return amount;
        }
        return null;
    }

    private LocalDate date(JsonNode node, String field) {
        String text = text(node, "/" + field, false, 10);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            problem("/" + field, Printable.value(text) + " is not an ISO date (YYYY-MM-DD)");
            return null;
        }
    }

    private void problem(String pointer, String message) {
        problems.add(new InputProblem(source, prefix + pointer, message));
    }
}
