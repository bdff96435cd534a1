package org.clearance.facts;

import java.math.BigDecimal;

/**
 * One order line. {@code hsCode} is normalised to digits only (6–10); {@code hs6} is its first six
 * digits, the internationally harmonised part that the CHP list and most annexes key on.
 * {@code softwareClass} (e.g. ERP, CAD), {@code usDirectProduct} (the supplier declares the item a
 * direct product of US technology or software, 15 CFR 734.9) and {@code jpTable23Item} (the item
 * group of Japan's Export Trade Control Order Appended Table 2-3) are optional declarations, as are
 * {@code casNumber} and {@code concentrationPercent} for chemicals (US Supplement No. 6 to Part 746 lists
 * chemicals by CAS number above a concentration) and {@code usContentPercent} (the share of controlled US-origin
 * content in a foreign-made item's value, for the de minimis rule).
 */
public record Line(String orderId, int index, String description, String hsCode, String eccn,
                   String euControlEntry, BigDecimal quantity, String unit, BigDecimal value,
                   String currency, String originCountry, String softwareClass, Boolean usDirectProduct,
                   String jpTable23Item, String casNumber, BigDecimal concentrationPercent,
                   BigDecimal usContentPercent) implements Subject {

    /** A line without the optional declarations. */
    public Line(String orderId, int index, String description, String hsCode, String eccn,
                String euControlEntry, BigDecimal quantity, String unit, BigDecimal value,
                String currency, String originCountry) {
        this(orderId, index, description, hsCode, eccn, euControlEntry, quantity, unit, value, currency,
                originCountry, null, null, null, null, null, null);
    }

    /** True when the line states a concentration of at least {@code percent} (a data value such as "90"). */
    public boolean concentrationAtLeast(String percent) {
        return concentrationPercent != null && concentrationPercent.compareTo(new BigDecimal(percent)) >= 0;
    }

    /** True when the declared controlled US content is above {@code percent} (a data value such as "25"). */
    public boolean usContentAbove(String percent) {
        return usContentPercent != null && usContentPercent.compareTo(new BigDecimal(percent)) > 0;
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

    /** The HS heading: the first four digits of the HS code, or null. */
    public String hsHeading() {
        return hsCode == null ? null : hsCode.substring(0, 4);
    }

    /** The HS-6 subheading written as in the tariff, e.g. {@code 9027.81}, or null. */
    public String hs6Display() {
        return hsCode == null ? null : hsCode.substring(0, 4) + "." + hsCode.substring(4, 6);
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

    /** The same line in another order (rule tests screen copies of one base order under distinct ids). */
    public Line withOrderId(String id) {
        return new Line(id, index, description, hsCode, eccn, euControlEntry, quantity, unit, value, currency,
                originCountry, softwareClass, usDirectProduct, jpTable23Item, casNumber, concentrationPercent,
                usContentPercent);
    }
}
