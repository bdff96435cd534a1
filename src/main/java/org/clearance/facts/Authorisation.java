package org.clearance.facts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * An authorisation the order cites, resolved against what Clearance knows of it: the licence register for licences
 * and approvals, the rule pack's {@code general-authorisations} data files for general licences and exceptions.
 * {@code found} is false when neither knows the reference. The rest is what the authorisation covers, for rules to
 * compare with the order: item patterns ({@code eccn:3A001}, {@code hs:8542}, {@code cn:85423190},
 * {@code control:3A002.c.1}, {@code *}), destination countries (empty = any), the rules whose findings it can cover
 * (empty = every finding of its regime), validity dates, what is left of its quantity and value next to what the cited
 * lines ask for ({@code requested…} is null when a line states no amount or another unit or currency), and the order
 * parties it does not name ({@code uncoveredParties}, found with the party matcher). {@code lines} are 0-based line
 * indexes; empty means the citation is for every line.
 */
public record Authorisation(String orderId, int index, Jurisdiction jurisdiction, AuthorisationType type,
                            String reference, List<Integer> lines, boolean found, String source, String holder,
                            List<String> items, List<String> destinations, List<String> coversRules,
                            LocalDate validFrom, LocalDate validUntil,
                            String quantityUnit, BigDecimal remainingQuantity, BigDecimal requestedQuantity,
                            String valueCurrency, BigDecimal remainingValue, BigDecimal requestedValue,
                            List<String> uncoveredParties, String citation, String conditions) implements Subject {

    public Authorisation {
        lines = List.copyOf(lines);
        items = items == null ? List.of() : List.copyOf(items);
        destinations = destinations == null ? List.of() : List.copyOf(destinations);
        coversRules = coversRules == null ? List.of() : List.copyOf(coversRules);
        uncoveredParties = uncoveredParties == null ? List.of() : List.copyOf(uncoveredParties);
    }

    /** A citation nobody knows: not in the register, not in the pack's data. */
    public static Authorisation notFound(String orderId, CitedAuthorisation cited) {
        return new Authorisation(orderId, cited.index(), cited.jurisdiction(), cited.type(), cited.reference(),
                cited.lines(), false, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null);
    }

    /** True when the order cites this authorisation for {@code line}. */
    public boolean citedFor(Line line) {
        return orderId.equals(line.orderId()) && (lines.isEmpty() || lines.contains(line.index()));
    }

    /** True when one of the item patterns matches the line's ECCN, HS/CN code or control list entry. */
    public boolean coversItem(Line line) {
        return items.stream().anyMatch(pattern -> ItemPattern.matches(pattern, line));
    }

    /** True when the authorisation names no destinations or names {@code country}. */
    public boolean coversDestination(String country) {
        return destinations.isEmpty() || country != null && destinations.contains(country);
    }

    /** True when a finding of rule {@code ruleId} is one this authorisation can cover. */
    public boolean coversRule(String ruleId) {
        return coversRules.isEmpty() || coversRules.stream().anyMatch(p -> p.endsWith("*")
                ? ruleId.startsWith(p.substring(0, p.length() - 1)) : ruleId.equals(p));
    }

    /** True when the remaining quantity is limited and the cited lines ask for more, or do not say how much. */
    public boolean quantityShort() {
        return remainingQuantity != null && (requestedQuantity == null || requestedQuantity.compareTo(remainingQuantity) > 0);
    }

    /** True when the remaining value is limited and the cited lines ask for more, or do not say how much. */
    public boolean valueShort() {
        return remainingValue != null && (requestedValue == null || requestedValue.compareTo(remainingValue) > 0);
    }

    /** What is asked for next to what is left, e.g. {@code 120 pcs asked, 100 pcs left}. */
    public String quantityGap() {
        return gap(requestedQuantity, remainingQuantity, quantityUnit, "quantity");
    }

    public String valueGap() {
        return gap(requestedValue, remainingValue, valueCurrency, "value");
    }

    private static String gap(BigDecimal requested, BigDecimal remaining, String unit, String what) {
        String in = unit == null ? "" : " " + unit;
        return (requested == null ? "a cited line states no " + what + (unit == null ? "" : " in" + in)
                : requested.stripTrailingZeros().toPlainString() + in + " asked") + ", "
                + remaining.stripTrailingZeros().toPlainString() + in + " left";
    }

    /** The authorisation for a finding message, e.g. {@code US licence D123456 (licence register, valid until 2026-01-31)}. */
    public String describe() {
        StringBuilder text = new StringBuilder(label());
        if (found) {
            text.append(" (").append(source);
            if (validUntil != null) {
                text.append(", valid until ").append(validUntil);
            }
            if (citation != null) {
                text.append("; ").append(citation);
            }
            text.append(")");
        }
        return text.toString();
    }

    @Override
    public String pointer() {
        return "/authorisations/" + index;
    }

    @Override
    public String label() {
        return jurisdiction + " " + type.code().replace('_', ' ') + " " + reference;
    }

    /** Item patterns of licences and general authorisations. */
    static final class ItemPattern {

        private ItemPattern() {
        }

        static boolean matches(String pattern, Line line) {
            if (pattern.equals("*")) {
                return true;
            }
            int colon = pattern.indexOf(':');
            if (colon < 0) {
                return false;
            }
            String kind = pattern.substring(0, colon).toLowerCase(Locale.ROOT);
            String code = pattern.substring(colon + 1);
            return switch (kind) {
                // A tariff code covers its national subdivisions: HS 8542 covers CN 85423190.
                case "hs", "cn" -> line.hsCode() != null && line.hsCode().startsWith(code.replaceAll("[^0-9]", ""));
                case "eccn" -> entry(code, line.eccn());
                case "control" -> entry(code, line.euControlEntry());
                default -> false;
            };
        }

        /** A list entry covers its sub-items (3A001 covers 3A001.a.1); a trailing * matches any continuation. */
        private static boolean entry(String pattern, String value) {
            if (value == null) {
                return false;
            }
            String p = pattern.toUpperCase(Locale.ROOT);
            String v = value.toUpperCase(Locale.ROOT);
            if (p.endsWith("*")) {
                return v.startsWith(p.substring(0, p.length() - 1));
            }
            return v.equals(p) || v.startsWith(p + ".");
        }
    }
}
