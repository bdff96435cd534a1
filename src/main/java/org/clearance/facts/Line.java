package org.clearance.facts;

import java.math.BigDecimal;

/**
 * One order line. {@code hsCode} is normalised to digits only (6–10); {@code hs6} is its first six
 * digits, the internationally harmonised part that the CHP list and most annexes key on.
 */
public record Line(String orderId, int index, String description, String hsCode, String eccn,
                   String euControlEntry, BigDecimal quantity, String unit, BigDecimal value,
                   String currency, String originCountry) implements Subject {

    public String hs6() {
        return hsCode == null ? null : hsCode.substring(0, 6);
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
