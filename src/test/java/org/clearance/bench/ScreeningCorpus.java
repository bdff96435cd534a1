package org.clearance.bench;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.clearance.facts.BuyerHistory;
import org.clearance.facts.Order;
import org.clearance.facts.PartyMatch;
import org.clearance.history.BuyerHistorySource;
import org.clearance.licences.LicenceLookup;
import org.clearance.licences.LicenceView;
import org.clearance.order.OrderDocument;
import org.clearance.order.OrderParser;
import org.clearance.order.ParsedOrder;
import org.clearance.parties.FixtureLists;
import org.clearance.rules.FixtureData;
import org.clearance.rules.RulePack;
import org.clearance.rules.RulePackLoader;
import org.clearance.rules.cases.RuleCase;
import org.clearance.rules.cases.RuleCaseRunner;
import org.clearance.rules.layers.PackStack;
import org.clearance.screening.CountryRiskSource;
import org.clearance.screening.PartyMatchSource;
import org.clearance.screening.Screener;
import org.clearance.screening.ScreeningResult;

/**
 * The screening benchmark's orders: every rule case order of the pack ({@code *.tests.yaml}), copied under new ids
 * until the copies make up {@link #CASE_SHARE} of the corpus (at least one copy each), and {@link OrderGenerator}
 * orders for the rest. They are screened the way {@code rules test} screens the cases together: with the pack's
 * fixture data, each case's {@code history:} as its buyer history, every case's licences as the register, and one
 * group of orders per session setup (a case's {@code country_risk} and {@code unmapped_list_jurisdictions}), each with
 * a screener of its own; the generated orders share the group of cases without such a setting. Parties are matched
 * against the given lists, which must hold the fixture lists for the cases' listed parties to match.
 */
final class ScreeningCorpus implements AutoCloseable {

    /** The share of the corpus that is rule case orders: enough that the rarer rules work on every run. */
    static final double CASE_SHARE = 0.10;
    private static final long SEED = 42;

    /** Orders screened in one batch by one screener. */
    record Group(Screener screener, List<Order> orders, List<String> sources) {
        List<ScreeningResult> screen() {
            return screener.screen(orders, sources);
        }
    }

    /** One order with its group's screener, ready for a single-order call (the lists built here, not in the timing). */
    record Single(Screener screener, List<Order> order, List<String> source) {
        List<ScreeningResult> screen() {
            return screener.screen(order, source);
        }
    }

    private final RulePack pack;
    private final List<Group> groups;
    private final List<Single> singles;
    private final int caseOrders;

    private ScreeningCorpus(RulePack pack, List<Group> groups, int caseOrders) {
        this.pack = pack;
        this.groups = groups;
        this.caseOrders = caseOrders;
        List<Single> singles = new ArrayList<>();
        for (Group group : groups) {
            for (int i = 0; i < group.orders().size(); i++) {
                singles.add(new Single(group.screener(), List.of(group.orders().get(i)), List.of(group.sources().get(i))));
            }
        }
        Collections.shuffle(singles, new Random(SEED)); // a case order is not followed by its own copies
        this.singles = List.copyOf(singles);
    }

    /**
     * {@code orders} orders (more if the pack has more cases than that) for the pack in {@code rules}, parties matched
     * against {@code lists}; with {@code freshSessions} each chunk gets a new Drools session instead of a warm one.
     */
    static ScreeningCorpus build(Path rules, int orders, PartyMatchSource lists, boolean freshSessions) {
        Path root = PackStack.resolve(rules).toAbsolutePath().normalize();
        FixtureData.Overlay overlay = FixtureData.overlay(RulePackLoader.load(rules), root);
        if (!overlay.problems().isEmpty()) {
            throw new IllegalStateException("fixture data: " + overlay.problems());
        }
        RulePack pack = overlay.pack();
        List<RuleCase> cases = RuleCaseRunner.cases(rules);
        List<Order> caseOrders = cases.stream().map(ScreeningCorpus::order).toList();
        LicenceLookup licences = LicenceLookup.of(List.copyOf(cases.stream().flatMap(c -> c.licences().stream())
                .collect(java.util.stream.Collectors.toCollection(LinkedHashSet<LicenceView>::new))));
        int copies = Math.max(1, (int) Math.round(CASE_SHARE * orders / cases.size()));

        Map<Order, RuleCase.HistoryFixture> histories = new IdentityHashMap<>();
        Map<RuleCase.SessionSetup, List<Order>> bySetup = new LinkedHashMap<>();
        RuleCase.SessionSetup plain = new RuleCase.SessionSetup(List.of(), PartyMatch.ALL_JURISDICTIONS);
        bySetup.put(plain, new ArrayList<>());
        for (int copy = 0; copy < copies; copy++) {
            for (int i = 0; i < cases.size(); i++) {
                RuleCase ruleCase = cases.get(i);
                Order renamed = caseOrders.get(i).withId("case-" + i + "-" + copy);
                if (ruleCase.history() != null) {
                    histories.put(renamed, ruleCase.history());
                }
                bySetup.computeIfAbsent(ruleCase.sessionSetup(), k -> new ArrayList<>()).add(renamed);
            }
        }
        int fromCases = copies * cases.size();
        bySetup.get(plain).addAll(new OrderGenerator(SEED).orders(Math.max(0, orders - fromCases)));

        List<Group> groups = new ArrayList<>();
        Random random = new Random(SEED);
        bySetup.forEach((setup, group) -> {
            Collections.shuffle(group, random); // case orders share chunks and sessions with generated ones
            Screener screener = new Screener(pack, FixtureLists.reviewingUnmappedIn(lists, setup.unmappedListJurisdictions()),
                    history(histories), CountryRiskSource.of(setup.countryRisks()), licences);
            if (freshSessions) {
                screener.onFreshSessions();
            }
            groups.add(new Group(screener, List.copyOf(group), group.stream().map(Order::id).toList()));
        });
        return new ScreeningCorpus(pack, List.copyOf(groups), fromCases);
    }

    /** The case's order as {@code rules test} parses it; an invalid one fails the rule tests too. */
    private static Order order(RuleCase ruleCase) {
        ParsedOrder parsed = OrderParser.parse(new OrderDocument(ruleCase.label(), "", ruleCase.order()), null,
                LocalDate.now());
        if (!parsed.valid()) {
            throw new IllegalStateException(ruleCase.label() + ": invalid order " + parsed.problems());
        }
        return parsed.order();
    }

    /** Each case copy's {@code history:} fixture as its buyer's history, as {@code rules test} gives it; none otherwise. */
    private static BuyerHistorySource history(Map<Order, RuleCase.HistoryFixture> fixtures) {
        return orders -> {
            List<BuyerHistory> histories = new ArrayList<>(orders.size());
            for (Order order : orders) {
                RuleCase.HistoryFixture f = fixtures.get(order);
                histories.add(f == null ? null : f.of(order));
            }
            return histories;
        };
    }

    /** Screens every group in turn: the whole corpus once. */
    List<ScreeningResult> screenAll() {
        List<ScreeningResult> results = new ArrayList<>(size());
        groups.forEach(g -> results.addAll(g.screen()));
        return results;
    }

    /** The {@code n}th order alone, cycling through the corpus in a shuffled order. */
    Single single(int n) {
        return singles.get(Math.floorMod(n, singles.size()));
    }

    int size() {
        return singles.size();
    }

    int caseOrders() {
        return caseOrders;
    }

    List<Group> groups() {
        return groups;
    }

    /** The pack screened with: the shipped pack with its fixture data. */
    RulePack pack() {
        return pack;
    }

    /** Gives back the warm sessions, which belong to the shared rule base and hold the fixture data. */
    @Override
    public void close() {
        pack.warmSessions().close();
    }
}
