package org.clearance.facts;

import java.math.BigDecimal;

/**
 * One order line. {@code hsCode} is normalised to digits only (6–10); {@code hs6} is its first six
 * digits, the internationally harmonised part that the CHP list and most annexes key on.
 * {@code softwareClass} (e.g. ERP, CAD), {@code usDirectProduct} (the supplier declares the item a
 * direct product of US technology or software, 15 CFR 734.9) and {@code jpTable23Item} (the item
 * group of Japan's Export Trade Control Order Appended Table 2-3) are optional declarations.
 */
public record Line(String orderId, int index, String description, String hsCode, String eccn,
                   String euControlEntry, BigDecimal quantity, String unit, BigDecimal value,
                   String currency, String originCountry, String softwareClass, Boolean usDirectProduct,
                   String jpTable23Item) implements Subject {

    /** A line without the optional declarations. */
    public Line(String orderId, int index, String description, String hsCode, String eccn,
                String euControlEntry, BigDecimal quantity, String unit, BigDecimal value,
                String currency, String originCountry) {
        this(orderId, index, description, hsCode, eccn, euControlEntry, quantity, unit, value, currency,
                originCountry, null, null, null);
    }

    /** True when the supplier declares the item a direct product of US-origin technology or software. */
    public boolean declaredUsDirectProduct() {
        return Boolean.TRUE.equals(usDirectProduct);
    }

    /** True when the item is made outside the US: it declares an origin country other than US. */
    public boolean foreignMade() {
        return originCountry != null && !"US".equals(originCountry);
    }

    public String hs6() {
        return hsCode == null ? null : hsCode.substring(0, 6);
    }

    /** The HS chapter: the first two digits of the HS code, or null. */
    public String hsChapter() {
        return hsCode == null ? null : hsCode.substring(0, 2);
    }

    public boolean classified() {
        return hsCode != null || eccn != null;
    }

    /** True when the line declares an ECCN on the Commerce Control List (anything but EAR99). */
    public boolean cclListed() {
        return eccn != null && !"EAR99".equals(eccn);
    }

    @Override
    public String pointer() {
        return "/lines/" + index;
    }

    @Override
    public String label() {
        String code = hsCode != null ? "HS " + hsCode : eccn != null ? "ECCN " + eccn : "unclassified";
        return "line " + (index + 1) + ": " + (description == null ? "" : description + " ") + "(" + code + ")";
    }
}
