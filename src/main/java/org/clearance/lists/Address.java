package org.clearance.lists;

import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A postal address as published; parts the source does not separate stay in {@code street}.
 * {@code country} is ISO 3166-1 alpha-2 when it could be derived, otherwise {@code null}.
 */
public record Address(String street, String city, String region, String postalCode, String country) {

    public Address {
        street = Text.blankToNull(street);
        city = Text.blankToNull(city);
        region = Text.blankToNull(region);
        postalCode = Text.blankToNull(postalCode);
        country = Text.blankToNull(country);
    }

    /** The address on one line, for display and for full-text search. */
    public String oneLine() {
        return Stream.of(street, city, region, postalCode, country)
                .filter(part -> part != null)
                .collect(Collectors.joining(", "));
    }

    public boolean isEmpty() {
        return street == null && city == null && region == null && postalCode == null && country == null;
    }
}
