package org.clearance.ownership;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.clearance.facts.DataRow;
import org.clearance.facts.ListedOwnership;
import org.clearance.facts.OrderParty;
import org.clearance.facts.Party;
import org.clearance.facts.PartyRole;
import org.junit.jupiter.api.Test;

/** Adding up listed owners' shares along chains, as OFAC FAQ 401 does, and the UK's no-aggregation reading. */
class OwnershipAssessorTest {

    private static final OwnershipRegime US = new OwnershipRegime("US", "sdn", BigDecimal.valueOf(50), true, true);
    private static final OwnershipRegime UK = new OwnershipRegime("UK", "asset-freeze", BigDecimal.valueOf(50), false, false);
    private static final OwnershipAssessor ASSESSOR = new OwnershipAssessor(List.of(US, UK), Map.of(
            "US-OFAC-SDN", new DataRow("common/list-sources", "US-OFAC-SDN", Map.of("jurisdiction", "US", "category", "sdn")),
            "UK-FCDO", new DataRow("common/list-sources", "UK-FCDO", Map.of("jurisdiction", "UK", "category", "asset-freeze"))));
    private static final OrderParty BUYER = new OrderParty("O-1", PartyRole.BUYER, 0,
            new Party("Target Ltd", "AE", null, null, null, null, null), false);

    @Test
    void shouldCountTheWholeShareOfAnIntermediateEntityThatListedPersonsOwnAtTheThreshold() {
        // OFAC FAQ 401, example 1: X owns 50 % of A, A owns 50 % of B: B is blocked (not 25 %).
        Holding a = owner("Entity A", 50, List.of(), List.of(owner("Person X", 50, sdn("X"), List.of())));

        ListedOwnership us = only(ASSESSOR.assess(List.of(new PartyOwnership(BUYER, List.of(a)))), "US");

        assertThat(us.reached()).isTrue();
        assertThat(us.percent()).isEqualByComparingTo("50");
        assertThat(us.chain()).isEqualTo("Entity A 50 % (register), itself owned 50 % by listed persons "
                + "[Person X (US-OFAC-SDN X) 50 % direct (register)]");
    }

    @Test
    void shouldDisregardWhatAnEntityOwnedBelowTheThresholdOwnsInTurn() {
        // OFAC FAQ 401: X owns 25 % of A; A owns 100 % of B: X owns none of B for the 50 % rule.
        Holding a = owner("Entity A", 100, List.of(), List.of(owner("Person X", 25, sdn("X"), List.of())));

        assertThat(ASSESSOR.assess(List.of(new PartyOwnership(BUYER, List.of(a))))).isEmpty();
    }

    @Test
    void shouldReviewInTheUkWhatOnlySeveralDesignatedPersonsHoldTogether() {
        List<Holding> owners = List.of(owner("Person Y", 30, uk("Y"), List.of()), owner("Person Z", 30, uk("Z"), List.of()));

        ListedOwnership uk = only(ASSESSOR.assess(List.of(new PartyOwnership(BUYER, owners))), "UK");

        assertThat(uk.reached()).isFalse();
        assertThat(uk.jointlyReached()).isTrue();
        assertThat(uk.percent()).isEqualByComparingTo("60");
    }

    private static ListedOwnership only(List<ListedOwnership> facts, String jurisdiction) {
        assertThat(facts).extracting(ListedOwnership::jurisdiction).containsExactly(jurisdiction);
        return facts.get(0);
    }

    private static Holding owner(String name, int share, List<OwnerListing> listings, List<Holding> owners) {
        return new Holding(name, null, BigDecimal.valueOf(share), "register", listings, owners, false);
    }

    private static List<OwnerListing> sdn(String id) {
        return List.of(new OwnerListing("US-OFAC-SDN", id, "Person " + id, true, "score 1.00"));
    }

    private static List<OwnerListing> uk(String id) {
        return List.of(new OwnerListing("UK-FCDO", id, "Person " + id, true, "score 1.00"));
    }
}
