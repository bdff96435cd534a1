package org.clearance.parties;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.clearance.facts.Contract;
import org.clearance.facts.Order;
import org.clearance.facts.Party;
import org.clearance.facts.PartyMatch;
import org.clearance.facts.PartyRole;
import org.clearance.facts.PartyType;
import org.clearance.facts.Payment;
import org.clearance.facts.PaymentMethod;
import org.clearance.facts.RouteStop;
import org.clearance.lists.EntityType;
import org.clearance.lists.EntryCodec;
import org.clearance.lists.ListEntry;
import org.clearance.parties.matching.MatchSettings;
import org.clearance.parties.matching.PartyMatcher;
import org.clearance.rules.RulePackLoader;
import org.clearance.screening.PartyMatchSource;
import org.clearance.screening.Screener;
import org.clearance.screening.ScreeningResult;
import org.junit.jupiter.api.Test;

/** A batch matches each distinct party name and country once, and finds exactly what matching each order alone finds. */
class ListedPartyFinderTest {

    private static final String LISTED = "Zanvolta Trading LLC";
    /** Not quite the listed name, so that the country lifts or lowers the score (an exact name scores 1 either way). */
    private static final String BUYER = "Zanvolta Tradings LLC";

    private final ListedPartyFinder finder = finder();

    private static ListedPartyFinder finder() {
        ListEntry entry = ListEntry.builder("US-BIS-EL", "1").type(EntityType.ENTITY).primaryName(LISTED).country("AE")
                .build();
        Map<ListEntry, ListedEntry> listed = new IdentityHashMap<>();
        listed.put(entry, new ListedEntry(entry, "fixture", "fixture v1", EntryCodec.contentHash(entry)));
        PartyMatcher matcher = new PartyMatcher(MatchSettings.defaults());
        matcher.index(List.of(entry));
        return new ListedPartyFinder(matcher, listed, ListedPartyFinder.DismissalCheck.NONE, 0.90, 5);
    }

    @Test
    void shouldMatchABuyerWhoIsAlsoConsigneeEndUserAndPayerOncePerBatch() {
        List<Order> orders = List.of(order("B-1", BUYER, "AE"), order("B-2", BUYER, "AE"));
        List<List<PartyMatch>> alone = orders.stream().map(finder()::matches).toList();

        PartyMatchSource batch = finder.forBatch();
        List<List<PartyMatch>> batched = orders.stream().map(batch::matches).toList();

        assertThat(finder.nameMatcherCalls()).isEqualTo(2); // the seller and the buyer, of both orders
        assertThat(batched).isEqualTo(alone);
        assertThat(batched.get(1)).extracting(m -> m.party().role())
                .containsExactly(PartyRole.BUYER, PartyRole.CONSIGNEE, PartyRole.END_USER, PartyRole.PAYER);
    }

    @Test
    void shouldMatchTheSameNameInAnotherCountryAfreshWithinABatch() {
        Order inEmirates = order("C-1", BUYER, "AE");
        Order inGermany = order("C-2", BUYER, "DE");
        PartyMatchSource batch = finder.forBatch();

        PartyMatch agrees = batch.matches(inEmirates).get(0);
        List<PartyMatch> german = batch.matches(inGermany);

        assertThat(agrees.countryAgreement()).isEqualTo("AGREES");
        assertThat(german).isEqualTo(finder().matches(inGermany));
        assertThat(german).allSatisfy(m -> {
            assertThat(m.countryAgreement()).isEqualTo("DIFFERS");
            assertThat(m.score()).isLessThan(agrees.score());
        });
        assertThat(finder.nameMatcherCalls()).isEqualTo(3); // the seller once, the buyer once per country
    }

    @Test
    void shouldScreenABatchWithEachDistinctPartyMatchedOnceAndTheSameMatchesAsOrderByOrder() {
        Screener screener = new Screener(RulePackLoader.load(Path.of("rules")), finder);
        List<Order> orders = List.of(order("D-1", BUYER, "AE"), order("D-2", BUYER, "DE"), order("D-3", BUYER, "AE"));

        List<ScreeningResult> batch = screener.screen(orders, List.of("a", "b", "c"));

        assertThat(finder.nameMatcherCalls()).isEqualTo(3);
        for (int i = 0; i < orders.size(); i++) {
            ScreeningResult alone = new Screener(screener.pack(), finder()).screen(List.of(orders.get(i)), List.of("x")).get(0);
            assertThat(batch.get(i).partyMatches()).isEqualTo(alone.partyMatches());
            assertThat(batch.get(i).findings()).isEqualTo(alone.findings());
            assertThat(batch.get(i).decision()).isEqualTo(alone.decision());
        }
    }

    /** An order whose buyer also receives, uses and pays for the goods. */
    private static Order order(String id, String buyerName, String buyerCountry) {
        Party seller = new Party("Nordwerk Maschinenbau GmbH", "DE", null, null, PartyType.DISTRIBUTOR, null, null);
        Party buyer = new Party(buyerName, buyerCountry, null, null, PartyType.DISTRIBUTOR, null, null);
        return new Order(id, LocalDate.of(2025, 3, 1), seller, buyer, List.of(buyer), buyer, null,
                List.of(new RouteStop(id, 0, "DE", null, RouteStop.Leg.ORIGIN),
                        new RouteStop(id, 1, buyerCountry, null, RouteStop.Leg.DESTINATION)), List.of(), null,
                new Payment(buyer, buyerCountry, PaymentMethod.WIRE_TRANSFER), new Contract(false), "DAP");
    }
}
