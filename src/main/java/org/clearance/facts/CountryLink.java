package org.clearance.facts;

/**
 * A country tied to an order, by route or by party. Rules match it to ask "does this order touch
 * country X, and how?" without caring whether the tie is a route stop or a party.
 */
public interface CountryLink extends Subject {

    String country();

    Link link();

    /** The region within the country (e.g. Crimea) as the order gives it, or null. */
    String region();

    /** The region lower-cased and trimmed, the key of data/common/ukraine-occupied-regions; null without a region. */
    default String regionKey() {
        return region() == null ? null : region().strip().toLowerCase(java.util.Locale.ROOT);
    }
}
