package org.clearance.parties;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import org.clearance.facts.Order;
import org.clearance.facts.OrderParty;
import org.clearance.facts.PartyIdentifier;
import org.clearance.facts.PartyMatch;
import org.clearance.facts.PartyOwner;
import org.clearance.lists.ListEntry;
import org.clearance.ownership.EntityKey;
import org.clearance.ownership.Holding;
import org.clearance.ownership.OwnerListing;
import org.clearance.ownership.OwnershipGraph;
import org.clearance.ownership.PartyOwnership;
import org.clearance.ownership.Stake;
import org.clearance.parties.matching.Match;
import org.clearance.parties.matching.NameKind;
import org.clearance.parties.matching.PartyMatcher;
import org.clearance.parties.matching.TokenMatch;
import org.clearance.screening.PartyMatchSource;

/**
 * Matches every party of an order (seller, buyer, consignees, end user, forwarder, payer) against one snapshot of
 * the lists and turns each undismissed match into a {@link PartyMatch} fact.
 */
public final class ListedPartyFinder implements PartyMatchSource {

    /** Whether a reviewer dismissed this pair (party key, entry with this content hash). */
    @FunctionalInterface
    public interface DismissalCheck {
        DismissalCheck NONE = (partyKey, listed) -> false;

        boolean dismissed(String partyKey, ListedEntry listed);
    }

    /** The list source of entries officers confirmed as true matches (docs/cases.md#dispositions). */
    public static final String WATCH_LIST = "internal-watch";

    private final PartyMatcher matcher;
    private final Map<org.clearance.lists.ListEntry, ListedEntry> listed;
    private final DismissalCheck dismissals;
    private final double strongScore;
    private final int perParty;
    private final String versions;
    private final List<String> unmappedListJurisdictions;
    private final IdentifierIndex identifiers;
    private final LongAdder nameMatcherCalls = new LongAdder();
    private final OwnershipGraph ownershipGraph;

    /** How many levels of owners of owners the ownership file is followed: a bound on work and on cycles. */
    static final int MAX_OWNERSHIP_DEPTH = 6;

    /** @param listed for each indexed entry (by identity), where it came from */
    public ListedPartyFinder(PartyMatcher matcher, Map<org.clearance.lists.ListEntry, ListedEntry> listed,
                             DismissalCheck dismissals, double strongScore, int perParty) {
        this(matcher, new IdentifierIndex(listed.keySet()), listed, dismissals, strongScore, perParty, null,
                PartyMatch.ALL_JURISDICTIONS);
    }

    /**
     * @param versions the list versions indexed (list_import ids, comma-separated), stored with each screening
     * @param unmappedListJurisdictions where a match on a list the rule pack does not map is reviewed
     */
    public ListedPartyFinder(PartyMatcher matcher, IdentifierIndex identifiers,
                             Map<org.clearance.lists.ListEntry, ListedEntry> listed, DismissalCheck dismissals,
                             double strongScore, int perParty, String versions, List<String> unmappedListJurisdictions) {
        this(matcher, identifiers, listed, dismissals, strongScore, perParty, versions, unmappedListJurisdictions,
                OwnershipGraph.EMPTY);
    }

    private ListedPartyFinder(PartyMatcher matcher, IdentifierIndex identifiers,
                              Map<org.clearance.lists.ListEntry, ListedEntry> listed, DismissalCheck dismissals,
                              double strongScore, int perParty, String versions, List<String> unmappedListJurisdictions,
                              OwnershipGraph ownershipGraph) {
        this.ownershipGraph = ownershipGraph;
        this.identifiers = identifiers;
        this.versions = versions;
        this.unmappedListJurisdictions = List.copyOf(unmappedListJurisdictions);
        this.matcher = matcher;
        this.listed = listed;
        this.dismissals = dismissals;
        this.strongScore = strongScore;
        this.perParty = perParty;
    }

    /** This finder, also following the owners that the imported ownership file gives. */
    public ListedPartyFinder withOwnership(OwnershipGraph graph) {
        return new ListedPartyFinder(matcher, identifiers, listed, dismissals, strongScore, perParty, versions,
                unmappedListJurisdictions, graph);
    }

    /** The list versions this finder matches against (list_import ids, sorted, comma-separated), or null for none. */
    public String versions() {
        return versions;
    }

    /** The matches of one order's parties; a name and country that several of its roles carry is matched once. */
    @Override
    public List<PartyMatch> matches(Order order) {
        return matches(order, new HashMap<>());
    }

    /**
     * A source for one batch of orders: each distinct name and country is matched once, however many orders and roles
     * carry it (a buyer is often also consignee, end user and payer). It answers only from this finder's snapshot of
     * the lists, so a batch screened after an import, with a new finder, never sees an old answer. For one thread.
     */
    @Override
    public PartyMatchSource forBatch() {
        Map<NameQuery, List<Match>> matched = new HashMap<>();
        return new PartyMatchSource() {
            @Override
            public List<PartyMatch> matches(Order order) {
                return ListedPartyFinder.this.matches(order, matched);
            }

            @Override
            public List<PartyOwnership> ownership(Order order) {
                return ListedPartyFinder.this.ownership(order, matched);
            }
        };
    }

    @Override
    public List<PartyOwnership> ownership(Order order) {
        return ownership(order, new HashMap<>());
    }

    /**
     * Each party's owners, declared ones first, then those of the ownership file; owners are matched against the
     * lists as parties are (same matcher, threshold and dismissals, under the owner's own name and country).
     */
    private List<PartyOwnership> ownership(Order order, Map<NameQuery, List<Match>> matched) {
        if (matcher.indexedEntries() == 0) {
            return List.of();
        }
        List<PartyOwnership> result = new ArrayList<>();
        for (OrderParty party : order.parties()) {
            if (party.name() == null || party.name().isBlank()) {
                continue;
            }
            java.util.Set<String> visited = java.util.Set.of(EntityKey.of(party.name()));
            List<Holding> owners = new ArrayList<>();
            for (PartyOwner owner : party.party().owners()) {
                owners.add(holding(owner.name(), owner.country(), owner.sharePercent(), Holding.DECLARED, 1, visited,
                        matched));
            }
            for (Stake stake : ownershipGraph.ownersOf(party.name())) {
                owners.add(holding(stake.owner(), null, stake.share(), stake.source(), 1, visited, matched));
            }
            if (!owners.isEmpty()) {
                result.add(new PartyOwnership(party, owners));
            }
        }
        return result;
    }

    private Holding holding(String name, String country, java.math.BigDecimal share, String source, int depth,
                            java.util.Set<String> visited, Map<NameQuery, List<Match>> matched) {
        String partyKey = PartyKey.of(name, country);
        List<OwnerListing> listings = new ArrayList<>();
        for (Match match : matched.computeIfAbsent(new NameQuery(name, country), this::nameMatches)) {
            ListedEntry entry = listed.get(match.entry());
            if (entry != null && !dismissals.dismissed(partyKey, entry)) {
                boolean strong = match.score() >= strongScore && match.matchedNameKind() != NameKind.WEAK_ALIAS;
                listings.add(new OwnerListing(match.entry().source(), match.entry().sourceId(),
                        match.entry().primaryName(), strong, String.format(java.util.Locale.ROOT, "score %.2f",
                        match.score())));
            }
        }
        String key = EntityKey.of(name);
        List<Stake> upstream = ownershipGraph.ownersOf(name);
        if (upstream.isEmpty()) {
            return new Holding(name, country, share, source, listings, List.of(), false);
        }
        if (depth >= MAX_OWNERSHIP_DEPTH || visited.contains(key)) {
            return new Holding(name, country, share, source, listings, List.of(), true);
        }
        java.util.Set<String> along = new java.util.HashSet<>(visited);
        along.add(key);
        List<Holding> owners = new ArrayList<>();
        for (Stake stake : upstream) {
            owners.add(holding(stake.owner(), null, stake.share(), stake.source(), depth + 1, along, matched));
        }
        return new Holding(name, country, share, source, listings, owners, false);
    }

    /** What the name matcher is asked: with the lists fixed, its answer depends on nothing else. */
    private record NameQuery(String name, String country) {
    }

    /** How many times the name matcher was asked (tests count it). */
    long nameMatcherCalls() {
        return nameMatcherCalls.sum();
    }

    private List<Match> nameMatches(NameQuery query) {
        nameMatcherCalls.increment();
        return matcher.match(query.name(), query.country(), perParty);
    }

    private List<PartyMatch> matches(Order order, Map<NameQuery, List<Match>> matched) {
        if (matcher.indexedEntries() == 0 && identifiers.size() == 0) {
            return List.of();
        }
        List<PartyMatch> matches = new ArrayList<>();
        for (OrderParty party : order.parties()) {
            if (party.name() == null || party.name().isBlank()) {
                continue;
            }
            String key = PartyKey.of(party.name(), party.country());
            java.util.Set<String> seen = new java.util.HashSet<>();
            // An exact identifier is the strongest evidence: reported first, and instead of a name match of that entry.
            for (PartyIdentifier identifier : party.party().typedIdentifiers()) {
                for (IdentifierIndex.Indexed hit : identifiers.find(identifier)) {
                    ListedEntry entry = listed.get(hit.entry());
                    if (entry != null && !dismissals.dismissed(key, entry)
                            && seen.add(hit.entry().source() + "\u001F" + hit.entry().sourceId())) {
                        matches.add(identifierFact(party, hit, entry));
                    }
                }
            }
            // An entry an officer confirmed is also on the internal watch list, under its own list code and id:
            // one match per entry, the publisher's while it still lists it.
            List<Match> found = new ArrayList<>(matched.computeIfAbsent(
                    new NameQuery(party.name(), party.country()), this::nameMatches));
            found.sort(java.util.Comparator.comparing(m -> listed.get(m.entry()) != null
                    && WATCH_LIST.equals(listed.get(m.entry()).feed())));
            for (Match match : found) {
                ListedEntry entry = listed.get(match.entry());
                if (entry == null || dismissals.dismissed(key, entry)
                        || !seen.add(match.entry().source() + "\u001F" + match.entry().sourceId())) {
                    continue;
                }
                matches.add(fact(party, match, entry));
            }
        }
        return matches;
    }

    private PartyMatch identifierFact(OrderParty party, IdentifierIndex.Indexed hit, ListedEntry listedEntry) {
        ListEntry entry = hit.entry();
        String agreement = party.country() == null || entry.allCountries().isEmpty() ? "UNKNOWN"
                : entry.allCountries().contains(party.country()) ? "AGREES" : "DIFFERS";
        return new PartyMatch(party.orderId(), party, entry.source(), entry.sourceId(), entry.primaryName(),
                entry.primaryName(), 1.0, true, entry.programs(), listedEntry.version(), agreement,
                "identifier " + hit.identifier().label() + " is the entry's", hit.identifier().label(),
                unmappedListJurisdictions);
    }

    private PartyMatch fact(OrderParty party, Match match, ListedEntry listedEntry) {
        boolean strong = match.score() >= strongScore && match.matchedNameKind() != NameKind.WEAK_ALIAS;
        String explanation = match.explanation().stream().map(TokenMatch::describe).collect(Collectors.joining(", "));
        return new PartyMatch(party.orderId(), party, match.entry().source(), match.entry().sourceId(),
                match.entry().primaryName(), match.matchedName(), match.score(), strong, match.entry().programs(),
                listedEntry.version(), match.countryAgreement().name(), explanation, null, unmappedListJurisdictions);
    }
}
