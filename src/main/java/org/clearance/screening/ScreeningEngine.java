package org.clearance.screening;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clearance.facts.Applicability;
import org.clearance.facts.CountryRisk;
import org.clearance.facts.Cover;
import org.clearance.facts.Finding;
import org.clearance.facts.Order;
import org.clearance.facts.PartyMatch;
import org.clearance.facts.RiskFactor;
import org.clearance.ownership.OwnershipAssessor;
import org.clearance.rules.RulePack;
import org.clearance.rules.WarmSessions;
import org.clearance.rules.guard.TimeBudget;
import org.kie.api.runtime.KieSession;

/**
 * Fires a rule pack over orders. Orders are screened in chunks that share one session (an order
 * of magnitude faster than a session per order); facts join on {@code orderId}, so each chunk
 * holds distinct order ids.
 */
public final class ScreeningEngine {

    /** Orders per session: large enough to amortise session set-up, small enough to bound memory. */
    static final int CHUNK_SIZE = 500;

    private ScreeningEngine() {
    }

    /** Where a chunk's session comes from. */
    public enum Sessions {
        /** A session of the pack's warm pool, cleaned and put back after the chunk. */
        WARM,
        /** A new session, disposed after the chunk: for rule bases that change between screenings (mutation runs). */
        FRESH
    }

    /** The findings for each order, in input order. */
    public static List<List<Finding>> fire(RulePack pack, List<Order> orders) {
        return fire(pack, orders, PartyMatchSource.NONE);
    }

    /** The findings for each order, in input order, with the list matches of its parties as facts. */
    public static List<List<Finding>> fire(RulePack pack, List<Order> orders, PartyMatchSource partyMatches) {
        return screen(pack, orders, partyMatches, List.of(), BatchFacts.NONE).stream().map(Fired::findings).toList();
    }

    /**
     * What the rules concluded for each order, in input order: with the list matches of its parties, the facts
     * computed for it before the batch (e.g. its buyer's history) and the country risks computed from trade
     * statistics (shared by every order of a session) in the session.
     */
    public static List<Fired> screen(RulePack pack, List<Order> orders, PartyMatchSource partyMatches,
                                     List<CountryRisk> countryRisks, BatchFacts batchFacts) {
        return screen(pack, orders, partyMatches, countryRisks, batchFacts, Progress.NONE);
    }

    /** As above, telling {@code progress} how many orders are screened after each chunk. */
    public static List<Fired> screen(RulePack pack, List<Order> orders, PartyMatchSource partyMatches,
                                     List<CountryRisk> countryRisks, BatchFacts batchFacts, Progress progress) {
        return screen(pack, orders, partyMatches, countryRisks, batchFacts, progress, Sessions.WARM);
    }

    /** As above, on sessions from {@code sessions}. */
    public static List<Fired> screen(RulePack pack, List<Order> orders, PartyMatchSource partyMatches,
                                     List<CountryRisk> countryRisks, BatchFacts batchFacts, Progress progress,
                                     Sessions sessions) {
        List<Fired> results = new ArrayList<>(orders.size());
        List<Order> chunk = new ArrayList<>();
        List<List<?>> chunkFacts = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < orders.size(); i++) {
            Order order = orders.get(i);
            if (chunk.size() == CHUNK_SIZE || !ids.add(order.id())) {
                results.addAll(fireChunk(pack, chunk, chunkFacts, partyMatches, countryRisks, sessions));
                progress.update("screening", results.size(), orders.size());
                chunk.clear();
                chunkFacts.clear();
                ids.clear();
                ids.add(order.id());
            }
            chunk.add(order);
            chunkFacts.add(batchFacts.forOrder(i));
        }
        results.addAll(fireChunk(pack, chunk, chunkFacts, partyMatches, countryRisks, sessions));
        progress.update("screening", results.size(), orders.size());
        return results;
    }

    /**
     * The findings of one order, the contributions to its risk score and the nexus facts, each once, and the party
     * matches the rules were given (what an officer's disposition refers to).
     */
    public record Fired(List<Finding> findings, List<RiskFactor> riskFactors, List<Applicability> applicability,
                        List<Cover> covers, List<PartyMatch> partyMatches) {
    }

    /** A fact of one order's kind, once, if the order is in the chunk (rules may insert equal facts twice). */
    private static <T> void addOnce(Map<String, List<T>> byOrder, String orderId, T fact) {
        List<T> forOrder = byOrder.get(orderId);
        if (forOrder != null && !forOrder.contains(fact)) {
            forOrder.add(fact);
        }
    }

    private static List<Fired> fireChunk(RulePack pack, List<Order> orders, List<List<?>> orderFacts,
                                         PartyMatchSource partyMatches, List<CountryRisk> countryRisks,
                                         Sessions sessions) {
        if (orders.isEmpty()) {
            return List.of();
        }
        Map<String, List<Finding>> findings = new LinkedHashMap<>();
        Map<String, List<RiskFactor>> riskFactors = new HashMap<>();
        Map<String, List<Applicability>> applicability = new HashMap<>();
        Map<String, List<Cover>> covers = new HashMap<>();
        Map<String, java.time.LocalDate> asOf = new HashMap<>();
        Map<String, List<PartyMatch>> matches = new HashMap<>();
        // Which regimes treat entities owned by listed persons as listed: the pack's data, the same for every order.
        OwnershipAssessor ownership = OwnershipAssessor.of(pack.dataSets().stream()
                .filter(d -> OwnershipAssessor.DATASETS.contains(d.name())).flatMap(d -> d.rows().stream()).toList());
        WarmSessions.Lease lease = sessions == Sessions.WARM ? pack.warmSessions().lend(countryRisks)
                : pack.warmSessions().fresh(countryRisks);
        KieSession session = lease.session();
        TimeBudget.watch(session); // a candidate pack's check halts it when its time budget is spent
        try {
            for (int i = 0; i < orders.size(); i++) {
                Order order = orders.get(i);
                orderFacts.get(i).forEach(lease::insert);
                findings.put(order.id(), new ArrayList<>());
                riskFactors.put(order.id(), new ArrayList<>());
                applicability.put(order.id(), new ArrayList<>());
                covers.put(order.id(), new ArrayList<>());
                asOf.put(order.id(), order.date());
                lease.insert(order);
                order.parties().forEach(lease::insert);
                order.lines().forEach(lease::insert);
                order.route().forEach(lease::insert);
                List<PartyMatch> matched = partyMatches.matches(order);
                matches.put(order.id(), matched);
                matched.forEach(lease::insert);
                ownership.assess(partyMatches.ownership(order)).forEach(lease::insert);
            }
            session.fireAllRules(new EffectiveDateFilter(pack, asOf));
            for (Object fact : lease.added()) {
                if (fact instanceof Finding finding) {
                    addOnce(findings, finding.orderId(), finding);
                } else if (fact instanceof RiskFactor factor) {
                    addOnce(riskFactors, factor.orderId(), factor);
                } else if (fact instanceof Applicability nexus) {
                    addOnce(applicability, nexus.orderId(), nexus);
                } else if (fact instanceof Cover cover) {
                    addOnce(covers, cover.orderId(), cover);
                }
            }
            lease.completed();
        } finally {
            TimeBudget.unwatch(session);
            lease.close();
        }
        return orders.stream().map(o -> new Fired(findings.get(o.id()), riskFactors.get(o.id()),
                applicability.get(o.id()), covers.get(o.id()), matches.get(o.id()))).toList();
    }
}
