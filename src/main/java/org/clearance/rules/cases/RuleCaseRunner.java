package org.clearance.rules.cases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.clearance.facts.BuyerHistory;
import org.clearance.facts.Jurisdiction;
import org.clearance.facts.Order;
import org.clearance.licences.LicenceLookup;
import org.clearance.licences.LicenceView;
import org.clearance.order.OrderDocument;
import org.clearance.order.OrderParser;
import org.clearance.order.ParsedOrder;
import org.clearance.parties.FixtureLists;
import org.clearance.rules.FixtureData;
import org.clearance.rules.RuleInfo;
import org.clearance.rules.RulePack;
import org.clearance.rules.guard.TimeBudget;
import org.clearance.rules.layers.Layers;
import org.clearance.rules.layers.PackStack;
import org.clearance.screening.CountryRiskSource;
import org.clearance.screening.PartyMatchSource;
import org.clearance.screening.Progress;
import org.clearance.screening.Screener;
import org.clearance.screening.ScreeningResult;

/**
 * Runs every {@code *.tests.yaml} case of a rule pack, with parties matched against the fixture lists in
 * {@code bases/lists} and the case's own {@code country_risk} fixture (if any) as computed country risks. Each case is screened alone, and all cases
 * once more together in shared sessions: a rule that forgets to join on {@code orderId} shows up as
 * a difference between the two, in the rules that fire or in what classification rules derive (applicability
 * reasons, risk score). Coverage: every decision rule must fire in some case and must have
 * a near miss (a case in its own test file where it does not fire), and a rule with an {@code @effective} date
 * must fire in a case of its own file dated on that day and not fire in one dated the day before.
 */
public final class RuleCaseRunner {

    private final RulePack pack;
    /** Each case order's {@code history:} fixture, by order identity (cases built from one base share an id). */
    private final Map<Order, RuleCase.HistoryFixture> historyFixtures = new java.util.IdentityHashMap<>();
    private RulePack fixturePack;
    private PartyMatchSource fixtureLists;
    private Progress progress = Progress.NONE;
    /** The licence fixtures of all cases, for screening them together. */
    private LicenceLookup licenceRegister = LicenceLookup.NONE;
    /** Where each file came from, for a pack composed of layers; null for a plain pack. */
    private Layers layers;
    /** Each rule's file, by rule id: which layer a rule belongs to. */
    private final Map<String, String> ruleFiles = new HashMap<>();
    /** Each rule's jurisdiction, by rule id. */
    private final Map<String, Jurisdiction> jurisdictions = new HashMap<>();

    public RuleCaseRunner(RulePack pack) {
        this.pack = pack;
    }

    /** This runner, telling {@code progress} how many cases it has screened as it goes. */
    public RuleCaseRunner reportingTo(Progress progress) {
        this.progress = progress;
        return this;
    }

    /**
     * {@link #run(Path)} in a worker thread with a time budget: throws {@link TimeBudget.ExceededException}
     * (and stops the rules) if a rule never finishes.
     */
    public RuleTestReport run(Path directory, Duration budget) {
        return TimeBudget.run("the rule tests", budget, () -> run(directory));
    }

    public RuleTestReport run(Path directory) {
        try {
            return runCases(directory);
        } finally {
            if (fixturePack != null) {
                fixturePack.warmSessions().close(); // its sessions belong to the pack's rule base, which may live on
            }
        }
    }

    private RuleTestReport runCases(Path directory) {
        Path root = PackStack.resolve(directory).toAbsolutePath().normalize();
        layers = Layers.of(root).orElse(null);
        pack.rules().forEach(rule -> {
            ruleFiles.put(rule.id(), rule.file());
            jurisdictions.put(rule.id(), rule.jurisdiction());
        });
        List<String> fileErrors = new ArrayList<>();
        // Fictional rows for data files whose official list is not shipped yet (docs/rules.md, "Fixture data"),
        // and parties matched against the fictional fixture lists in bases/lists ("Listed parties").
        FixtureData.Overlay fixtureData = FixtureData.overlay(pack, root);
        fixtureData.problems().forEach(p -> fileErrors.add(p.toString()));
        fixturePack = fixtureData.pack();
        fixtureLists = FixtureLists.finder(root.resolve("bases").resolve("lists"));
        List<RuleCase> cases = new ArrayList<>();
        RuleCaseReader reader = new RuleCaseReader(root);
        for (Path file : testFiles(root)) {
            try {
                cases.addAll(reader.read(file));
            } catch (RuleCaseException e) {
                fileErrors.add(e.getMessage());
            }
        }
        licenceRegister = LicenceLookup.of(register(cases, fileErrors));
        List<RuleTestReport.Failure> failures = new ArrayList<>();
        List<Order> orders = new ArrayList<>();
        List<RuleCase> screenable = new ArrayList<>();
        Map<RuleCase, Set<String>> fired = new HashMap<>();
        Map<RuleCase, List<String>> derived = new HashMap<>();
        Map<RuleCase, LocalDate> dates = new HashMap<>();
        int screened = 0;
        List<RuleTestReport.Skipped> skipped = new ArrayList<>();
        Set<String> filesWithSkipped = new java.util.HashSet<>();
        for (RuleCase ruleCase : cases) {
            progress.update("rule tests", screened++, cases.size());
            Set<String> notHeld = rulesNotHeld(ruleCase);
            if (!notHeld.isEmpty()) {
                skipped.add(new RuleTestReport.Skipped(ruleCase.label(), "expects " + String.join(", ", notHeld)
                        + ", which no layer of this stack holds"));
                filesWithSkipped.add(ruleCase.file());
                continue;
            }
            ParsedOrder parsed = OrderParser.parse(new OrderDocument(ruleCase.label(), "", ruleCase.order()), null,
                    java.time.LocalDate.now());
            if (!parsed.valid()) {
                failures.add(new RuleTestReport.Failure(ruleCase.label(), parsed.problems().stream()
                        .map(p -> "invalid order: " + (p.pointer().isEmpty() ? "/" : p.pointer()) + ": " + p.message()).toList()));
                continue;
            }
            if (ruleCase.history() != null) {
                historyFixtures.put(parsed.order(), ruleCase.history());
            }
            ScreeningResult alone = screenerFor(ruleCase.sessionSetup(), LicenceLookup.of(ruleCase.licences()))
                    .screen(List.of(parsed.order()), List.of(ruleCase.label())).get(0);
            List<String> differences = differences(ruleCase, alone);
            fired.put(ruleCase, RuleCase.firedIds(alone));
            derived.put(ruleCase, RuleCase.derived(alone));
            dates.put(ruleCase, parsed.order().date());
            if (!differences.isEmpty()) {
                failures.add(new RuleTestReport.Failure(ruleCase.label(), differences));
            }
            Order renamed = parsed.order().withId("case-" + screenable.size());
            if (ruleCase.history() != null) {
                historyFixtures.put(renamed, ruleCase.history());
            }
            orders.add(renamed);
            screenable.add(ruleCase);
        }
        checkTogether(orders, screenable, fired, derived, failures);
        // A case can fail alone and again when screened together: count it once.
        int failed = (int) failures.stream().map(RuleTestReport.Failure::testCase).distinct().count();
        return new RuleTestReport(cases.size() - failed - skipped.size(), failed, failures, fileErrors,
                uncovered(cases, fired, dates, filesWithSkipped), List.copyOf(skipped), List.copyOf(cases));
    }

    /**
     * The rules (decision, nexus, or named for their messages) that a case of a base layer expects and that no layer
     * of the stack holds: the base's author wrote it against packs that are not stacked here, so it cannot be judged.
     * Empty for a plain pack and for the overlay's own cases, where an unknown rule is a mistake the run reports.
     */
    private Set<String> rulesNotHeld(RuleCase ruleCase) {
        if (layers == null || layers.fromOverlay(ruleCase.file())) {
            return Set.of();
        }
        Set<String> expected = new java.util.TreeSet<>(ruleCase.expectedRules());
        if (ruleCase.expectedNexus() != null) {
            expected.addAll(ruleCase.expectedNexus());
        }
        expected.addAll(ruleCase.expectedMessages().keySet());
        expected.removeAll(ruleFiles.keySet());
        return expected;
    }

    /**
     * What differs from the case's expectations. A case of a base layer, run in a stack, judges only what its own
     * layer and the layers it builds on decide: it leaves aside the rules of other layers and the rules the overlay
     * disabled or gave a condition, and the verdicts of regimes no nexus rule in its scope decides. When any rule it
     * expects or sees was left aside or overridden, or is of such a regime, it does not compare the decision, which
     * those rules may move.
     */
    private List<String> differences(RuleCase ruleCase, ScreeningResult result) {
        if (layers == null || layers.fromOverlay(ruleCase.file())) {
            return ruleCase.differences(result);
        }
        Set<String> leftAside = layers.rulesOutsideCase(ruleCase.file(), ruleFiles);
        Set<Jurisdiction> regimesLeftAside = regimesNotJudged(ruleCase, leftAside);
        Set<String> moved = new java.util.HashSet<>(leftAside);
        moved.addAll(layers.overriddenRules());
        Set<String> involved = new java.util.HashSet<>(ruleCase.expectedRules());
        involved.addAll(result.ruleIds());
        boolean decided = involved.stream().noneMatch(id -> moved.contains(id)
                || regimesLeftAside.contains(jurisdictions.get(id)));
        return ruleCase.differences(result, new RuleCase.Scope(leftAside, regimesLeftAside, decided));
    }

    /**
     * The regimes whose applicability no nexus rule left in the case's scope decides: those whose nexus rules are all
     * left aside, and those the case expects a verdict of while the stack has no nexus rule of theirs at all.
     */
    private Set<Jurisdiction> regimesNotJudged(RuleCase ruleCase, Set<String> leftAside) {
        Set<Jurisdiction> judged = pack.rules().stream().filter(r -> r.nexus() && !leftAside.contains(r.id()))
                .map(RuleInfo::jurisdiction).collect(Collectors.toSet());
        Set<Jurisdiction> notJudged = new java.util.HashSet<>();
        pack.rules().stream().filter(RuleInfo::nexus).map(RuleInfo::jurisdiction).forEach(notJudged::add);
        notJudged.addAll(ruleCase.expectedVerdicts().keySet());
        notJudged.removeAll(judged);
        return notJudged;
    }

    /**
     * Country risks are not tied to an order: a case that gives its own gets a session of its own fixtures. Alone, a
     * case sees only its own licences; together, every case's (a case that cites another case's licence differs).
     */
    private Screener screenerFor(RuleCase.SessionSetup setup, LicenceLookup licences) {
        return new Screener(fixturePack, FixtureLists.reviewingUnmappedIn(fixtureLists, setup.unmappedListJurisdictions()),
                this::histories, CountryRiskSource.of(setup.countryRisks()), licences);
    }

    /** Every case's licence fixtures as one register; one reference defined two ways is a file error. */
    private static List<LicenceView> register(List<RuleCase> cases, List<String> fileErrors) {
        Map<String, LicenceView> byKey = new LinkedHashMap<>();
        Map<String, String> definedIn = new HashMap<>();
        for (RuleCase ruleCase : cases) {
            for (LicenceView licence : ruleCase.licences()) {
                String key = licence.jurisdiction() + " " + licence.reference().toUpperCase(java.util.Locale.ROOT);
                LicenceView earlier = byKey.putIfAbsent(key, licence);
                if (earlier != null && !earlier.equals(licence)) {
                    fileErrors.add(ruleCase.label() + ": licence fixture " + key + " differs from the one in "
                            + definedIn.get(key) + "; give each fixture licence a reference of its own");
                }
                definedIn.putIfAbsent(key, ruleCase.label());
            }
        }
        return List.copyOf(byKey.values());
    }

    /**
     * Screens all cases in shared sessions, as production does, and reports any case that changes. Cases are
     * grouped by their session setup (country risk fixture, unmapped-list setting), which every order of a session shares.
     */
    private void checkTogether(List<Order> orders, List<RuleCase> cases, Map<RuleCase, Set<String>> fired,
                               Map<RuleCase, List<String>> derived, List<RuleTestReport.Failure> failures) {
        Map<RuleCase.SessionSetup, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < cases.size(); i++) {
            groups.computeIfAbsent(cases.get(i).sessionSetup(), k -> new ArrayList<>()).add(i);
        }
        Map<Integer, ScreeningResult> together = new HashMap<>();
        groups.forEach((setup, indices) -> {
            List<Order> group = indices.stream().map(orders::get).toList();
            List<ScreeningResult> results = screenerFor(setup, licenceRegister).screen(group, group.stream().map(Order::id).toList());
            for (int j = 0; j < indices.size(); j++) {
                together.put(indices.get(j), results.get(j));
            }
        });
        for (int i = 0; i < cases.size(); i++) {
            Set<String> alone = fired.get(cases.get(i));
            Set<String> shared = RuleCase.firedIds(together.get(i));
            if (!alone.equals(shared)) {
                failures.add(new RuleTestReport.Failure(cases.get(i).label(), List.of(
                        "fires " + shared + " when screened with other orders but " + alone
                                + " alone: a rule matches facts of another order (join every pattern on orderId)")));
            } else if (!derived.get(cases.get(i)).equals(RuleCase.derived(together.get(i)))) {
                failures.add(new RuleTestReport.Failure(cases.get(i).label(), List.of(
                        RuleCase.derivedDifference(RuleCase.derived(together.get(i)), derived.get(cases.get(i)))
                                + ": a rule reads facts of another order "
                                + "(join every pattern on orderId, inside accumulates too)")));
            }
        }
    }

    /** {@code filesWithSkipped}: tests files with a case not run; their rules' coverage cannot be judged in this stack. */
    private List<RuleTestReport.Uncovered> uncovered(List<RuleCase> cases, Map<RuleCase, Set<String>> fired,
                                                     Map<RuleCase, LocalDate> dates, Set<String> filesWithSkipped) {
        List<RuleTestReport.Uncovered> uncovered = new ArrayList<>();
        Set<String> leftToTheOverlay = layers == null ? Set.of() : layers.rulesLeftToTheOverlay();
        for (RuleInfo rule : pack.rules()) {
            if (rule.classification() && !rule.nexus()) {
                continue; // nexus rules decide verdicts: they are covered like decision rules
            }
            if (leftToTheOverlay.contains(rule.id())) {
                continue; // disabled or given a condition: the base's cases no longer say when it fires
            }
            String ownTests = rule.testsFile();
            boolean fires = fired.values().stream().anyMatch(ids -> ids.contains(rule.id()));
            boolean nearMiss = cases.stream().anyMatch(c -> c.file().equals(ownTests) && fired.containsKey(c)
                    && !fired.get(c).contains(rule.id()));
            Set<String> gaps = new LinkedHashSet<>();
            if (!fires) {
                gaps.add("fires in no test case");
            }
            if (!nearMiss) {
                gaps.add("has no near miss (a case in " + ownTests + " where it does not fire)");
            }
            // A nexus rule says whose law reaches an order; its @effective is the date of the package it serves, not
            // the start of a prohibition, so only decision rules must show the day before and the day itself.
            if (rule.effective() != null && !rule.nexus()) {
                LocalDate onTheDate = rule.effective();
                LocalDate dayBefore = onTheDate.minusDays(1);
                if (!hasOwnCase(cases, ownTests, fired, dates, onTheDate, ids -> ids.contains(rule.id()))) {
                    gaps.add("has no case dated " + onTheDate + " (its @effective date) in " + ownTests + " where it fires");
                }
                if (!hasOwnCase(cases, ownTests, fired, dates, dayBefore, ids -> !ids.contains(rule.id()))) {
                    gaps.add("has no case dated " + dayBefore + " (the day before its @effective date) in " + ownTests
                            + " where it does not fire");
                }
            }
            if (!gaps.isEmpty() && !filesWithSkipped.contains(ownTests)) {
                uncovered.add(new RuleTestReport.Uncovered(rule.id(), rule.file(), List.copyOf(gaps)));
            }
        }
        return uncovered;
    }

    private static boolean hasOwnCase(List<RuleCase> cases, String testsFile, Map<RuleCase, Set<String>> fired,
                                      Map<RuleCase, LocalDate> dates, LocalDate date, Predicate<Set<String>> outcome) {
        return cases.stream().anyMatch(c -> c.file().equals(testsFile) && fired.containsKey(c)
                && date.equals(dates.get(c)) && outcome.test(fired.get(c)));
    }

    /**
     * Every case of the {@code *.tests.yaml} files of the pack (or stack) in {@code directory}, as {@code rules test}
     * reads them, unscreened: for callers that screen the cases' orders themselves, like the screening benchmark's
     * corpus. Throws {@link RuleCaseException} for the first file that cannot be read.
     */
    public static List<RuleCase> cases(Path directory) {
        Path root = PackStack.resolve(directory).toAbsolutePath().normalize();
        RuleCaseReader reader = new RuleCaseReader(root);
        List<RuleCase> cases = new ArrayList<>();
        for (Path file : testFiles(root)) {
            cases.addAll(reader.read(file));
        }
        return cases;
    }

    /** The buyer history of each order from its case's fixture; none for a case without one. */
    private List<BuyerHistory> histories(List<Order> orders) {
        List<BuyerHistory> histories = new ArrayList<>();
        for (Order order : orders) {
            RuleCase.HistoryFixture fixture = historyFixtures.get(order);
            histories.add(fixture == null ? null : fixture.of(order));
        }
        return histories;
    }

    private static List<Path> testFiles(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(RuleCaseReader.SUFFIX)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
