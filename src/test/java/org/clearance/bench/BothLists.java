package org.clearance.bench;

import java.util.ArrayList;
import java.util.List;
import org.clearance.facts.Order;
import org.clearance.facts.PartyMatch;
import org.clearance.ownership.Holding;
import org.clearance.ownership.PartyOwnership;
import org.clearance.screening.PartyMatchSource;

/**
 * Two finders as one: every party (and every declared owner) is matched against both, and the matches put together.
 * The benchmark keeps the fixture lists in a matcher of their own because a matcher's scores depend on the token
 * statistics of everything it indexes: beside 100,000 names, an owner the rule cases write as a weak match (a word
 * translated) scores as a strong one, and the rule for weak owner matches would never fire.
 */
record BothLists(PartyMatchSource fixtures, PartyMatchSource corpus) implements PartyMatchSource {

    @Override
    public List<PartyMatch> matches(Order order) {
        List<PartyMatch> matches = new ArrayList<>(fixtures.matches(order));
        matches.addAll(corpus.matches(order));
        return matches;
    }

    /** Both finders list the same parties and declared owners in the same order: their listings are merged owner by owner. */
    @Override
    public List<PartyOwnership> ownership(Order order) {
        List<PartyOwnership> first = fixtures.ownership(order);
        List<PartyOwnership> second = corpus.ownership(order);
        if (first.size() != second.size()) {
            throw new IllegalStateException("the finders list different owners for order " + order.id());
        }
        List<PartyOwnership> merged = new ArrayList<>(first.size());
        for (int i = 0; i < first.size(); i++) {
            merged.add(new PartyOwnership(first.get(i).party(), merge(first.get(i).owners(), second.get(i).owners())));
        }
        return merged;
    }

    private static List<Holding> merge(List<Holding> first, List<Holding> second) {
        List<Holding> merged = new ArrayList<>(first.size());
        for (int i = 0; i < first.size(); i++) {
            Holding a = first.get(i);
            Holding b = second.get(i);
            List<org.clearance.ownership.OwnerListing> listings = new ArrayList<>(a.listings());
            listings.addAll(b.listings());
            merged.add(new Holding(a.name(), a.country(), a.share(), a.source(), listings, merge(a.owners(), b.owners()),
                    a.chainCut() || b.chainCut()));
        }
        return merged;
    }

    /** Each finder's batch source (which remembers the names it matched), for one batch. */
    @Override
    public PartyMatchSource forBatch() {
        return new BothLists(fixtures.forBatch(), corpus.forBatch());
    }
}
