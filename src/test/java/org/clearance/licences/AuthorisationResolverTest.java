package org.clearance.licences;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.clearance.facts.AuthorisationType;
import org.clearance.facts.CitedAuthorisation;
import org.clearance.facts.Contract;
import org.clearance.facts.Jurisdiction;
import org.clearance.facts.Order;
import org.clearance.facts.Party;
import org.clearance.facts.PartyType;
import org.junit.jupiter.api.Test;

/** The parties a licence names are indexed once per batch, and a licence changed meanwhile is indexed anew. */
class AuthorisationResolverTest {

    private static final LicensedParty HOLDER = new LicensedParty("Keystone Instruments Inc", "US");

    @Test
    void shouldIndexALicencesPartiesOnceForEveryOrderOfABatchThatCitesIt() {
        LicenceView licence = licence(List.of(new LicensedParty("Almaty Lab Supply LLP", "KZ")));
        AuthorisationResolver resolver = new AuthorisationResolver(LicenceLookup.of(List.of(licence)), List.of());

        List<List<String>> uncovered = List.of(order("A-1", "Almaty Lab Supply LLP"), order("A-2", "Almaty Lab Supply LLP"),
                        order("A-3", "Astana Trading LLP")).stream()
                .map(order -> resolver.resolve(order).facts().get(0).uncoveredParties()).toList();

        assertThat(uncovered).containsExactly(List.of(), List.of(),
                List.of("consignee Astana Trading LLP (KZ) is not among the licence's consignees"));
        assertThat(resolver.matchersBuilt()).isEqualTo(2); // the holder, the consignees
    }

    @Test
    void shouldCheckAgainstTheLicenceAsTheRegisterHasItNowWhenItChangesWithinABatch() {
        AtomicReference<LicenceView> register = new AtomicReference<>(
                licence(List.of(new LicensedParty("Almaty Lab Supply LLP", "KZ"))));
        AuthorisationResolver resolver = new AuthorisationResolver((jurisdiction, reference) -> Optional.of(register.get()),
                List.of());
        Order order = order("B-1", "Astana Trading LLP");
        assertThat(resolver.resolve(order).facts().get(0).uncoveredParties()).hasSize(1);

        register.set(licence(List.of(new LicensedParty("Astana Trading LLP", "KZ"))));

        assertThat(resolver.resolve(order).facts().get(0).uncoveredParties()).isEmpty();
    }

    private static LicenceView licence(List<LicensedParty> consignees) {
        return new LicenceView(null, Jurisdiction.US, AuthorisationType.LICENCE, "D1234567", HOLDER, List.of("5A992"),
                List.of("KZ"), consignees, List.of(), null, null, null, null, null, null, LocalDate.of(2025, 1, 1),
                LocalDate.of(2027, 1, 1), null, null, null);
    }

    private static Order order(String id, String buyer) {
        Party seller = new Party(HOLDER.name(), "US", null, null, PartyType.MANUFACTURER, null, null);
        return new Order(id, LocalDate.of(2026, 3, 1), seller, new Party(buyer, "KZ", null, null, PartyType.DISTRIBUTOR,
                null, null), List.of(), null, null, List.of(), List.of(), null, null, new Contract(false), "DAP",
                List.of(), List.of(new CitedAuthorisation(0, Jurisdiction.US, AuthorisationType.LICENCE, "D1234567",
                List.of())));
    }
}
