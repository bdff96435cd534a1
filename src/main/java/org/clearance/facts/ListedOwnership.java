package org.clearance.facts;

import java.math.BigDecimal;
import java.util.List;

/**
 * How much of an order party listed persons own, for one regime that treats entities owned by listed persons as
 * listed ({@code rules/data/common/ownership-thresholds.csv} names the regimes, their lists and thresholds).
 * Inserted when at least one of the party's owners, declared in the order or found in the imported ownership file,
 * matches a list of that regime.
 * <p>
 * {@code percent} is the share listed persons hold: directly, or through an intermediate entity that is itself owned
 * by listed persons at the regime's threshold (whose whole share then counts). {@code reached} says whether that
 * share reaches the regime's {@code threshold} (e.g. "50 % or more"); in a regime that does not add up different
 * listed persons' shares, {@code jointlyReached} says that only their sum reaches it. {@code chain} names each
 * counted owner, its list entry, share and path. {@code unknownShares} are listed owners whose share the data does
 * not give; {@code possibleOwners} are owners that only weakly match a list.
 */
public record ListedOwnership(String orderId, OrderParty party, String jurisdiction, List<String> lists,
                              BigDecimal percent, String threshold, boolean reached, boolean jointlyReached,
                              String chain, List<String> unknownShares, List<String> possibleOwners) implements Subject {

    public ListedOwnership {
        lists = List.copyOf(lists);
        unknownShares = List.copyOf(unknownShares);
        possibleOwners = List.copyOf(possibleOwners);
    }

    /** The counted share for a message, e.g. {@code 60} or {@code 49.9}. */
    public String percentText() {
        return percentText(percent);
    }

    /** True when a listed owner's share is not known, so the aggregate may be higher than counted. */
    public boolean shareUnknown() {
        return !unknownShares.isEmpty();
    }

    /** True when an owner only weakly matches a list entry: a reviewer should confirm or dismiss it. */
    public boolean possiblyListed() {
        return !possibleOwners.isEmpty();
    }

    /** The lists the counted owners are on, e.g. {@code US-OFAC-SDN}. */
    public String listCodes() {
        return String.join(", ", lists);
    }

    @Override
    public String pointer() {
        return party.pointer();
    }

    @Override
    public String label() {
        return party.label();
    }

    /** A share as users write it: {@code 60}, {@code 49.9}, {@code 12.5}. */
    public static String percentText(BigDecimal share) {
        return share.stripTrailingZeros().toPlainString();
    }
}
