package org.clearance.rules.mutation;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.clearance.facts.BuyerHistory;
import org.clearance.facts.CountryRisk;
import org.clearance.facts.Order;
import org.clearance.order.OrderDocument;
import org.clearance.order.OrderParser;
import org.clearance.order.ParsedOrder;
import org.clearance.parties.FixtureLists;
import org.clearance.rules.FixtureData;
import org.clearance.rules.RuleInfo;
import org.clearance.rules.RulePack;
import org.clearance.rules.RulePackLoader;
import org.clearance.licences.LicenceLookup;
import org.clearance.rules.cases.RuleCase;
import org.clearance.rules.guard.TimeBudget;
import org.clearance.screening.CountryRiskSource;
import org.clearance.screening.PartyMatchSource;
import org.clearance.screening.Screener;
import org.clearance.screening.ScreeningResult;

/**
 * Runs mutants against one private copy of a compiled pack: for each mutant the rule is taken out of the KieBase,
 * the mutated rule (compiled alone) put in, the rule's cases screened as {@code rules test} screens them (each
 * alone, then all together), and the original rule put back. The rest of the pack is never recompiled. One worker
 * per thread: a worker's KieBase is changed in place and never shared.
 */
final class MutationWorker {

    private final Path root;
    private RulePack pack;
    private RulePack fixturePack;
    private final PartyMatchSource lists;
    private final Map<Order, RuleCase.HistoryFixture> histories = new IdentityHashMap<>();

    MutationWorker(Path root, RulePack pack) {
        this.root = root;
        this.pack = pack;
        this.fixturePack = FixtureData.overlay(pack, root).pack();
        this.lists = FixtureLists.finder(root.resolve("bases").resolve("lists"));
    }

    /** The results of every mutant of one rule, run against {@code cases} (the rule's own and those naming it). */
    List<MutantResult> run(MutantGenerator.RuleMutants rule, List<RuleCase> cases) {
        disposeLeftSessions();
        List<Prepared> prepared = prepare(cases);
        long started = System.nanoTime();
        Map<Integer, String> baseline = failures(fixturePack, prepared, Set.of());
        Duration budget = budget(Duration.ofNanos(System.nanoTime() - started));
        Set<Integer> passed = new java.util.HashSet<>();
        for (int i = 0; i < prepared.size(); i++) {
            if (!baseline.containsKey(i)) {
                passed.add(i);
            }
        }
        RuleInfo info = rule.rule();
        Map<Mutant, MutantResult> results = new java.util.HashMap<>();
        // Moved @effective dates change only the metadata the screening reads: no compiling.
        for (Mutant mutant : rule.mutants()) {
            if (mutant.metadata() != null) {
                results.put(mutant, judgeWithin(budget, mutant, baseline, fixturePack.withRule(mutant.metadata()), prepared, passed));
            }
        }
        if (!swapsCleanly(rule, prepared, baseline)) {
            return rule.mutants().stream().map(m -> results.getOrDefault(m,
                    new MutantResult(m, MutantResult.Status.NOT_RUN, NOT_SWAPPABLE))).toList();
        }
        // Each mutated rule is compiled into the KieBase in place of the rule, screened, and taken out again.
        pack.kieBase().removeRule(info.packageName(), info.name());
        try {
            for (Mutant mutant : rule.mutants()) {
                if (mutant.metadata() != null) {
                    continue;
                }
                boolean compiled = compile(mutant.drl(), info);
                try {
                    results.put(mutant, compiled ? judgeWithin(budget, mutant, baseline, fixturePack, prepared, passed)
                            : new MutantResult(mutant, MutantResult.Status.NOT_COMPILED, "does not compile"));
                } finally {
                    if (pack.kieBase().getRule(info.packageName(), info.name()) != null) {
                        pack.kieBase().removeRule(info.packageName(), info.name());
                    }
                }
            }
        } finally {
            if (pack.kieBase().getRule(info.packageName(), info.name()) != null) {
                pack.kieBase().removeRule(info.packageName(), info.name());
            }
            if (!compile(rule.originalDrl(), info)) {
                // Rare: the KieBase refused the rule back after its mutants. Start again from the pack on disk.
                pack = RulePackLoader.loadUnshared(root);
                fixturePack = FixtureData.overlay(pack, root).pack();
            }
        }
        Map<Integer, String> after = failures(fixturePack, prepared, Set.of());
        if (!after.equals(baseline)) {
            // The swap must leave the pack as it was: otherwise every later result would be wrong.
            throw new IllegalStateException("rule " + info.id() + " screens differently after its mutants were swapped out: "
                    + "failing before " + baseline + ", after " + after);
        }
        return rule.mutants().stream().map(results::get).toList();
    }

    static final String NOT_SWAPPABLE = "not run: taking this rule out of the compiled pack and putting it back changes"
            + " how other rules screen its cases (the engine shares a condition between them), so no mutant of it can be"
            + " judged in place";

    /**
     * Takes the rule out and puts it back unchanged: true when its cases then screen as before. Drools shares
     * identical conditions between rules, and taking one rule out can break the shared part for the others (seen with
     * two rules of one file that accumulate the same country links); then every result of a mutant would be wrong, so
     * the rule's mutants are not run and the pack is loaded again from disk.
     */
    private boolean swapsCleanly(MutantGenerator.RuleMutants rule, List<Prepared> prepared, Map<Integer, String> baseline) {
        RuleInfo info = rule.rule();
        pack.kieBase().removeRule(info.packageName(), info.name());
        boolean back = compile(rule.originalDrl(), info);
        if (back && failures(fixturePack, prepared, Set.of()).equals(baseline)) {
            return true;
        }
        pack = RulePackLoader.loadUnshared(root);
        fixturePack = FixtureData.overlay(pack, root).pack();
        return false;
    }

    /**
     * The time a mutant's cases may take: {@link #BUDGET_FACTOR} times the unmutated run plus {@link #BUDGET_MARGIN}.
     * Generous on purpose: the same cases on a loaded machine must never count as timed out, while a mutant that
     * makes a rule re-fire forever is stopped within seconds.
     */
    static Duration budget(Duration unmutated) {
        return unmutated.multipliedBy(BUDGET_FACTOR).plus(BUDGET_MARGIN);
    }

    static final int BUDGET_FACTOR = 10;
    static final Duration BUDGET_MARGIN = Duration.ofSeconds(3);

    /**
     * Screens the cases with {@code screeningPack} within {@code budget}: a mutant that does not finish (a rule that
     * undoes and redoes its own conclusion forever) is stopped and counts as killed, as in PIT, because the case
     * that runs into it would hang {@code rules test}.
     */
    private MutantResult judgeWithin(Duration budget, Mutant mutant, Map<Integer, String> baseline, RulePack screeningPack,
                                     List<Prepared> prepared, Set<Integer> passed) {
        Map<Integer, String> failures;
        try {
            failures = TimeBudget.run("mutant " + mutant.key(), budget, () -> failures(screeningPack, prepared, passed));
        } catch (TimeBudget.ExceededException e) {
            disposeLeftSessions();
            return new MutantResult(mutant, MutantResult.Status.TIMED_OUT, "did not terminate within " + budget.toMillis()
                    + " ms (" + BUDGET_FACTOR + " times the unmutated run plus " + BUDGET_MARGIN.toSeconds()
                    + " s): a rule keeps re-firing");
        }
        return judge(mutant, baseline, failures, prepared);
    }

    /**
     * Disposes every session still open on the worker's own KieBase: between two screenings none should be, but a check
     * stopped in the middle can leave its session undisposed. The KieBase adds each rule compiled later to its live
     * sessions and evaluates it on their facts (also while taking it out again), so a mutant would fail there, on
     * another mutant's orders, and end the run.
     */
    private void disposeLeftSessions() {
        for (org.kie.api.runtime.KieSession session : List.copyOf(pack.kieBase().getKieSessions())) {
            try {
                session.dispose();
            } catch (RuntimeException e) {
                // already being disposed by the stopped thread
            }
        }
    }

    private static MutantResult judge(Mutant mutant, Map<Integer, String> baseline, Map<Integer, String> failures,
                                      List<Prepared> prepared) {
        String killer = failures.entrySet().stream().filter(f -> !baseline.containsKey(f.getKey()))
                .sorted(Map.Entry.comparingByKey())
                .map(f -> prepared.get(f.getKey()).ruleCase().label() + ": " + f.getValue()).findFirst().orElse(null);
        return killer == null ? new MutantResult(mutant, MutantResult.Status.SURVIVED, null)
                : new MutantResult(mutant, MutantResult.Status.KILLED, killer);
    }

    /**
     * Compiles {@code drl} into the worker's KieBase (a builder on the KieBase reuses its compiled field accessors,
     * which makes this several times faster than a builder of its own); false when it does not compile. Each rule gets a
     * source path of its own: the KieBase treats a new version of a resource as replacing every rule of the old one.
     */
    private boolean compile(String drl, RuleInfo rule) {
        return RulePackLoader.compileInto(pack.kieBase(), "mutants/" + rule.id() + ".drl", drl);
    }

    /** A case's order screened alone and, renamed, together with the other cases. */
    private record Prepared(RuleCase ruleCase, Order alone, Order together) {
    }

    private List<Prepared> prepare(List<RuleCase> cases) {
        List<Prepared> prepared = new ArrayList<>();
        for (RuleCase ruleCase : cases) {
            ParsedOrder parsed = OrderParser.parse(new OrderDocument(ruleCase.label(), "", ruleCase.order()), null,
                    LocalDate.now());
            if (!parsed.valid()) {
                continue; // rules test reports it; it cannot kill a mutant
            }
            Order together = parsed.order().withId("case-" + prepared.size());
            if (ruleCase.history() != null) {
                histories.put(parsed.order(), ruleCase.history());
                histories.put(together, ruleCase.history());
            }
            prepared.add(new Prepared(ruleCase, parsed.order(), together));
        }
        return prepared;
    }

    /**
     * The cases that fail with {@code screeningPack}, by index, with the first difference: an unexpected decision or
     * rule set alone, or a different rule set when screened together with the other cases.
     */
    private Map<Integer, String> failures(RulePack screeningPack, List<Prepared> cases, Set<Integer> passedBefore) {
        try {
            return screen(screeningPack, cases, passedBefore);
        } catch (RuntimeException e) {
            // A mutant that makes screening throw (say, a lookup that now finds a row without the column) fails
            // every case, as it would fail rules test.
            Map<Integer, String> all = new HashMap<>();
            String message = "screening fails: " + String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            for (int i = 0; i < cases.size(); i++) {
                all.put(i, message);
            }
            return all;
        }
    }

    /**
     * Screens the cases together first (one session per country-risk fixture): a case whose fired rules (decision and
     * nexus) differ there from its expectation fails in {@code rules test} either alone or in the together check, so
     * when it passed before ({@code passedBefore}) the mutant is killed without screening each case alone. Otherwise
     * each case is screened alone as well and judged as {@code rules test} judges it ({@link RuleCase#differences}).
     */
    private Map<Integer, String> screen(RulePack screeningPack, List<Prepared> cases, Set<Integer> passedBefore) {
        Map<Integer, Set<String>> shared = new HashMap<>();
        Map<Integer, List<String>> sharedDerived = new HashMap<>();
        Map<RuleCase.SessionSetup, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < cases.size(); i++) {
            groups.computeIfAbsent(cases.get(i).ruleCase().sessionSetup(), k -> new ArrayList<>()).add(i);
        }
        for (Map.Entry<RuleCase.SessionSetup, List<Integer>> group : groups.entrySet()) {
            List<Integer> indices = group.getValue();
            List<Order> orders = indices.stream().map(i -> cases.get(i).together()).toList();
            List<ScreeningResult> results = screener(screeningPack, group.getKey(), allLicences(cases)).screen(orders, orders.stream().map(Order::id).toList());
            for (int j = 0; j < indices.size(); j++) {
                int i = indices.get(j);
                Set<String> fired = RuleCase.firedIds(results.get(j));
                shared.put(i, fired);
                sharedDerived.put(i, RuleCase.derived(results.get(j)));
                RuleCase ruleCase = cases.get(i).ruleCase();
                if (passedBefore.contains(i) && ruleCase.expectedNexus() != null) {
                    Set<String> expected = new TreeSet<>(ruleCase.expectedRules());
                    expected.addAll(ruleCase.expectedNexus());
                    if (!fired.equals(expected)) {
                        return Map.of(i, "rules " + fired + " instead of " + expected + " (screened with the other cases)");
                    }
                } else if (passedBefore.contains(i) && !results.get(j).ruleIds().equals(ruleCase.expectedRules())) {
                    return Map.of(i, "rules " + results.get(j).ruleIds() + " instead of " + ruleCase.expectedRules()
                            + " (screened with the other cases)");
                }
            }
        }
        Map<Integer, String> failures = new HashMap<>();
        for (int i = 0; i < cases.size(); i++) {
            RuleCase ruleCase = cases.get(i).ruleCase();
            ScreeningResult result = screener(screeningPack, ruleCase.sessionSetup(), LicenceLookup.of(ruleCase.licences()))
                    .screen(List.of(cases.get(i).alone()), List.of(ruleCase.label())).get(0);
            List<String> differences = ruleCase.differences(result);
            Set<String> fired = RuleCase.firedIds(result);
            if (!differences.isEmpty()) {
                failures.put(i, differences.get(0));
            } else if (!fired.equals(shared.get(i))) {
                failures.put(i, "fires " + shared.get(i) + " when screened with the other cases but " + fired + " alone");
            } else if (!RuleCase.derived(result).equals(sharedDerived.get(i))) {
                failures.put(i, RuleCase.derivedDifference(sharedDerived.get(i), RuleCase.derived(result)));
            }
        }
        return failures;
    }

    private Screener screener(RulePack screeningPack, RuleCase.SessionSetup setup, LicenceLookup licences) {
        List<CountryRisk> risks = setup.countryRisks();
        return new Screener(screeningPack, FixtureLists.reviewingUnmappedIn(lists, setup.unmappedListJurisdictions()),
                this::histories, risks.isEmpty() ? CountryRiskSource.NONE : CountryRiskSource.of(risks), licences)
                .onFreshSessions(); // mutants are swapped into this rule base: idle sessions would take them in too
    }

    /** Every case's licence fixtures, as the together check of {@code rules test} sees them. */
    private static LicenceLookup allLicences(List<Prepared> cases) {
        return LicenceLookup.of(cases.stream().flatMap(c -> c.ruleCase().licences().stream()).toList());
    }

    private List<BuyerHistory> histories(List<Order> orders) {
        List<BuyerHistory> found = new ArrayList<>();
        for (Order order : orders) {
            RuleCase.HistoryFixture fixture = histories.get(order);
            found.add(fixture == null ? null : fixture.of(order));
        }
        return found;
    }
}
