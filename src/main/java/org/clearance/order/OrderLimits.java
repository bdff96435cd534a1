package org.clearance.order;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The documented limits of the order format (docs/order-format.md, docs/schema/order.schema.json): the longest text
 * of each field, the most elements of each array and the range of amounts. Generous for real orders; they keep every
 * value within what the database stores and what a person can review.
 */
public final class OrderLimits {

    /** Characters of a text field not listed in {@link #TEXT}: codes, dates and enumeration values. */
    public static final int DEFAULT_TEXT = 100;

    /** Characters (Unicode code points, after NFKC normalisation) per text field name. */
    public static final Map<String, Integer> TEXT = Map.ofEntries(
            Map.entry("id", 128),
            Map.entry("name", 300),
            Map.entry("region", 100),
            Map.entry("address", 500),
            Map.entry("industry", 64),
            Map.entry("description", 1000),
            Map.entry("hs_code", 32),
            Map.entry("eccn", 32),
            Map.entry("eu_control_entry", 64),
            Map.entry("unit", 32),
            Map.entry("software_class", 32),
            Map.entry("jp_table_2_3_item", 32),
            Map.entry("cas_number", 32),
            Map.entry("statement", 2000),
            Map.entry("category", 100),
            Map.entry("from", 300),
            Map.entry("to", 300),
            Map.entry("reference", Codes.AUTHORISATION_REFERENCE_LENGTH));

    /** Characters of a party identifier's value and of its key. */
    public static final int IDENTIFIER_VALUE = 100;
    public static final int IDENTIFIER_KEY = 64;

    /** Elements per array (and identifiers per party). */
    public static final Map<String, Integer> ITEMS = Map.of(
            "lines", 1000,
            "consignees", 50,
            "route", 50,
            "other_payers", 50,
            "change_log", 100,
            "identifiers", 20,
            "owners", 20,
            "authorisations", 50);

    /** Quantities and values: 0 or more and below this bound. */
    public static final BigDecimal AMOUNT_BOUND = new BigDecimal("1000000000000000");
    /** Decimal places of any number (trailing zeros do not count). */
    public static final int DECIMAL_PLACES = 6;

    private OrderLimits() {
    }

    public static int text(String field) {
        return TEXT.getOrDefault(field, DEFAULT_TEXT);
    }
}
