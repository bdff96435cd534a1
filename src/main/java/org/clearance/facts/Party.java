package org.clearance.facts;

import java.time.LocalDate;
import java.util.Map;

/**
 * A company, authority or person named in an order. {@code country} is ISO 3166-1 alpha-2.
 * {@code addressType} (what kind of premises the address is) and {@code industry} (the party's line of
 * business, a key of {@code rules/data/common/business-sector-hs-chapters.csv}, lower case) are optional.
 */
public record Party(String name, String country, String region, String address, PartyType type,
                    LocalDate incorporated, Map<String, String> identifiers, AddressType addressType,
                    String industry) {

    public Party {
        identifiers = identifiers == null ? Map.of() : Map.copyOf(identifiers);
    }

    /** A party without address type and line of business. */
    public Party(String name, String country, String region, String address, PartyType type,
                 LocalDate incorporated, Map<String, String> identifiers) {
        this(name, country, region, address, type, incorporated, identifiers, null, null);
    }

    public boolean isA(PartyType other) {
        return type == other;
    }

    /** True when the party was incorporated after {@code isoDate} (e.g. a trader formed after 2022-02-24). */
    public boolean incorporatedAfter(String isoDate) {
        return incorporated != null && isoDate != null && incorporated.isAfter(LocalDate.parse(isoDate));
    }
}
