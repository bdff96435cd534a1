package org.clearance.ownership;

import java.math.BigDecimal;
import java.util.List;

/**
 * An owner of a party or of another owner: its name, country (when the order gives one), share of what it owns
 * (null when unknown), where that fact comes from ({@link #DECLARED} or the ownership file's source column), the
 * list entries it matches and, when the ownership file names its own owners, those (followed up to a depth limit;
 * {@code chainCut} says the chain went on but was not followed: too deep, or a cycle).
 */
public record Holding(String name, String country, BigDecimal share, String source, List<OwnerListing> listings,
                      List<Holding> owners, boolean chainCut) {

    /** The source of an owner the order itself declares. */
    public static final String DECLARED = "declared in the order";

    public Holding {
        listings = List.copyOf(listings);
        owners = List.copyOf(owners);
    }
}
