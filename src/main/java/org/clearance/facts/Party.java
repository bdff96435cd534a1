package org.clearance.facts;

import java.time.LocalDate;
import java.util.Map;

/** A company, authority or person named in an order. {@code country} is ISO 3166-1 alpha-2. */
public record Party(String name, String country, String region, String address, PartyType type,
                    LocalDate incorporated, Map<String, String> identifiers) {

    public Party {
        identifiers = identifiers == null ? Map.of() : Map.copyOf(identifiers);
    }

    public boolean isA(PartyType other) {
        return type == other;
    }
}
