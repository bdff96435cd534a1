package org.clearance.ownership;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clearance.facts.DataRow;
import org.clearance.facts.ListedOwnership;

/**
 * Adds up, per regime, the shares listed persons hold in each order party, following chains of owned entities
 * the way OFAC's 50 % rule does (OFAC FAQ 401): an intermediate entity counts with its whole share when it is
 * itself owned at the threshold by listed persons, and not at all when it is not. Multiplying shares along the
 * chain instead would miss entities OFAC treats as blocked (X owns 50 % of A, A owns 50 % of B: B is blocked).
 */
public final class OwnershipAssessor {

    /** The data sets of the rule pack it reads. */
    public static final Set<String> DATASETS = Set.of(OwnershipRegime.DATASET, "common/list-sources");

    private final List<OwnershipRegime> regimes;
    /** List code to its regime and category, from {@code data/common/list-sources.csv}. */
    private final Map<String, DataRow> listSources;

    public OwnershipAssessor(List<OwnershipRegime> regimes, Map<String, DataRow> listSources) {
        this.regimes = List.copyOf(regimes);
        this.listSources = Map.copyOf(listSources);
    }

    /** The assessor of a rule pack's data rows (both data sets read from the same rows). */
    public static OwnershipAssessor of(List<DataRow> rows) {
        Map<String, DataRow> sources = new LinkedHashMap<>();
        for (DataRow row : rows) {
            if ("common/list-sources".equals(row.dataset())) {
                sources.put(row.key(), row);
            }
        }
        return new OwnershipAssessor(OwnershipRegime.of(rows), sources);
    }

    /** One fact per party and regime in which an owner of the party is, or may be, listed. */
    public List<ListedOwnership> assess(List<PartyOwnership> ownerships) {
        List<ListedOwnership> facts = new ArrayList<>();
        for (PartyOwnership ownership : ownerships) {
            for (OwnershipRegime regime : regimes) {
                Tally tally = tally(ownership.owners(), regime);
                if (tally.counted() || !tally.unknown.isEmpty() || !tally.possible.isEmpty()) {
                    boolean reached = reached(tally, regime);
                    facts.add(new ListedOwnership(ownership.party().orderId(), ownership.party(), regime.jurisdiction(),
                            List.copyOf(tally.lists), tally.total, regime.describe(), reached,
                            !reached && regime.reaches(tally.total), String.join("; ", tally.parts),
                            tally.unknown, tally.possible));
                }
            }
        }
        return facts;
    }

    /** What listed persons hold of one entity, for one regime. */
    private static final class Tally {
        BigDecimal total = BigDecimal.ZERO;
        /** By listed entry: what a regime that does not add up different persons compares. */
        final Map<String, BigDecimal> perPerson = new LinkedHashMap<>();
        final List<String> parts = new ArrayList<>();
        final Set<String> lists = new LinkedHashSet<>();
        final List<String> unknown = new ArrayList<>();
        final List<String> possible = new ArrayList<>();

        boolean counted() {
            return total.signum() > 0 || !parts.isEmpty();
        }

        /** The listed entry holding most: an owned intermediate entity counts as that person's. */
        String largestHolder() {
            return perPerson.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("");
        }

        void count(String person, BigDecimal share, String part) {
            total = total.add(share);
            perPerson.merge(person, share, BigDecimal::add);
            parts.add(part);
        }
    }

    private static boolean reached(Tally tally, OwnershipRegime regime) {
        if (regime.aggregate()) {
            return regime.reaches(tally.total);
        }
        return tally.perPerson.values().stream().anyMatch(regime::reaches);
    }

    private Tally tally(List<Holding> holdings, OwnershipRegime regime) {
        Tally tally = new Tally();
        for (Holding holding : holdings) {
            OwnerListing listed = listing(holding, regime, true);
            if (listed != null) {
                if (holding.share() == null) {
                    tally.unknown.add(holding.name() + " (" + listed.reference() + "), " + holding.source()
                            + ": listed owner, share unknown");
                } else {
                    tally.lists.add(listed.list());
                    tally.count(listed.reference(), holding.share(), String.format("%s (%s) %s %% direct (%s)",
                            holding.name(), listed.reference(), ListedOwnership.percentText(holding.share()),
                            holding.source()));
                }
                continue;
            }
            OwnerListing weak = listing(holding, regime, false);
            if (weak != null) {
                tally.possible.add(holding.name() + " may be " + weak.reference() + " \"" + weak.entryName() + "\" ("
                        + holding.source() + ")");
            }
            if (holding.owners().isEmpty()) {
                continue;
            }
            Tally upstream = tally(holding.owners(), regime);
            if (upstream.counted() && reached(upstream, regime)) {
                String via = String.format("owned %s %% by listed persons [%s]",
                        ListedOwnership.percentText(upstream.total), String.join("; ", upstream.parts));
                if (holding.share() == null) {
                    tally.unknown.add(holding.name() + " (" + via + "), " + holding.source() + ": share unknown");
                } else {
                    tally.lists.addAll(upstream.lists);
                    tally.count(upstream.largestHolder(), holding.share(), String.format("%s %s %% (%s), itself %s",
                            holding.name(), ListedOwnership.percentText(holding.share()), holding.source(), via));
                }
            } else {
                upstream.unknown.forEach(u -> tally.unknown.add(u + " (an owner of " + holding.name() + ")"));
                upstream.possible.forEach(p -> tally.possible.add(p + " (an owner of " + holding.name() + ")"));
            }
        }
        return tally;
    }

    /** The owner's first strong (or, with {@code strong} false, weak) match on a list the regime counts. */
    private OwnerListing listing(Holding holding, OwnershipRegime regime, boolean strong) {
        for (OwnerListing listing : holding.listings()) {
            DataRow source = listSources.get(listing.list());
            if (listing.strong() == strong && source != null && regime.jurisdiction().equals(source.get("jurisdiction"))
                    && regime.category().equals(source.get("category"))) {
                return listing;
            }
        }
        return null;
    }
}
