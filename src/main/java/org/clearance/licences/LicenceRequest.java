package org.clearance.licences;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.clearance.facts.AuthorisationType;
import org.clearance.facts.Jurisdiction;

/**
 * A licence or approval to register, validated ({@link LicenceParser}): who holds it, what it covers (item patterns,
 * destination countries, consignees and end users; an empty list means the licence does not restrict that), its
 * quantity and value limits (null when it has none), its validity and its conditions as written.
 */
public record LicenceRequest(Jurisdiction jurisdiction, AuthorisationType type, String reference, LicensedParty holder,
                             List<String> items, List<String> destinations, List<LicensedParty> consignees,
                             List<LicensedParty> endUsers, BigDecimal quantity, String quantityUnit, BigDecimal value,
                             String valueCurrency, LocalDate validFrom, LocalDate validUntil, String conditions) {

    public LicenceRequest {
        items = List.copyOf(items);
        destinations = List.copyOf(destinations);
        consignees = List.copyOf(consignees);
        endUsers = List.copyOf(endUsers);
    }

    /** Jurisdiction and reference, the licence's identity in the register, e.g. {@code US D1234567}. */
    public String key() {
        return jurisdiction + " " + reference;
    }
}
