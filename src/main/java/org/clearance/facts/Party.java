package org.clearance.facts;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A company, authority or person named in an order. {@code country} is ISO 3166-1 alpha-2.
 * {@code addressType} (what kind of premises the address is) and {@code industry} (the party's line of
 * business, a key of {@code rules/data/common/business-sector-hs-chapters.csv}, lower case) are optional.
 * {@code incorporatedIn} (where a company is incorporated or constituted) and {@code nationality} (of an
 * individual) decide which regimes bind the party (EU Art. 13, SAMLA s.21, US persons); both are ISO 3166-1 alpha-2.
 * {@code owners} are the companies or persons the order says own the party (empty when it names none).
 * {@code identifiers} are the registry ids as the order gives them (scheme to value); {@code typedIdentifiers} those of
 * a scheme Clearance knows, validated and normalised, which are matched exactly against the lists.
 */
public record Party(String name, String country, String region, String address, PartyType type,
                    LocalDate incorporated, Map<String, String> identifiers, AddressType addressType,
                    String industry, String incorporatedIn, String nationality, List<PartyOwner> owners,
                    List<PartyIdentifier> typedIdentifiers) {

    public Party {
        identifiers = identifiers == null ? Map.of() : Map.copyOf(identifiers);
        owners = owners == null ? List.of() : List.copyOf(owners);
        typedIdentifiers = typedIdentifiers == null ? List.of() : List.copyOf(typedIdentifiers);
    }

    /** A party without typed identifiers. */
    public Party(String name, String country, String region, String address, PartyType type,
                 LocalDate incorporated, Map<String, String> identifiers, AddressType addressType,
                 String industry, String incorporatedIn, String nationality, List<PartyOwner> owners) {
        this(name, country, region, address, type, incorporated, identifiers, addressType, industry, incorporatedIn,
                nationality, owners, List.of());
    }

    /** A party without owners. */
    public Party(String name, String country, String region, String address, PartyType type,
                 LocalDate incorporated, Map<String, String> identifiers, AddressType addressType,
                 String industry, String incorporatedIn, String nationality) {
        this(name, country, region, address, type, incorporated, identifiers, addressType, industry, incorporatedIn,
                nationality, List.of());
    }

    /** A party without incorporation country and nationality. */
    public Party(String name, String country, String region, String address, PartyType type,
                 LocalDate incorporated, Map<String, String> identifiers, AddressType addressType, String industry) {
        this(name, country, region, address, type, incorporated, identifiers, addressType, industry, null, null);
    }

    /** A party without address type and line of business. */
    public Party(String name, String country, String region, String address, PartyType type,
                 LocalDate incorporated, Map<String, String> identifiers) {
        this(name, country, region, address, type, incorporated, identifiers, null, null);
    }

    public boolean individual() {
        return type == PartyType.INDIVIDUAL;
    }

    /**
     * Where the party is incorporated: {@code incorporatedIn}, or, for a company that does not say, the country of
     * its address (a company's address in an order is normally its registered seat; the order format documents this
     * default). Null for an individual.
     */
    public String incorporationCountry() {
        if (individual()) {
            return null;
        }
        return incorporatedIn != null ? incorporatedIn : country;
    }

    /** True when the party is a person of {@code state}: incorporated there (see above) or its national. */
    public boolean personOf(String state) {
        return state != null && (state.equals(incorporationCountry()) || state.equals(nationality));
    }

    /** True for an individual whose nationality the order does not give: nationality-based nexus is unknown. */
    public boolean nationalityUnknown() {
        return individual() && nationality == null;
    }

    public boolean isA(PartyType other) {
        return type == other;
    }

    /** True when the party was incorporated after {@code isoDate} (e.g. a trader formed after 2022-02-24). */
    public boolean incorporatedAfter(String isoDate) {
        return incorporated != null && isoDate != null && incorporated.isAfter(LocalDate.parse(isoDate));
    }
}
