package org.clearance.facts;

import java.math.BigDecimal;

/**
 * A company or person the order names as an owner of a party. {@code country} is where the owner is incorporated or
 * constituted (a company) or whose national it is (an individual), ISO 3166-1 alpha-2: what makes it a person of a
 * regime. {@code sharePercent} is its share of the party (0 to 100), null when the order does not say.
 */
public record PartyOwner(String name, String country, BigDecimal sharePercent) {

    /** Owning means holding more than half (the EU Best Practices on restrictive measures: more than 50 %). */
    private static final BigDecimal HALF = BigDecimal.valueOf(50);

    /** True when the owner holds more than 50 % of the party. */
    public boolean majority() {
        return sharePercent != null && sharePercent.compareTo(HALF) > 0;
    }

    /** True when the order does not give the share: the owner may control the party. */
    public boolean shareUnknown() {
        return sharePercent == null;
    }

    /** The owner for a reason or finding, e.g. {@code Rhein Holding AG (DE, 100 %)}. */
    public String label() {
        return name + " (" + country + (sharePercent == null ? ", share not given" : ", "
                + sharePercent.stripTrailingZeros().toPlainString() + " %") + ")";
    }
}
