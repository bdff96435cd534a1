package org.clearance.rescreen;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;
import org.clearance.config.ErrorTrace;
import org.clearance.lists.EntryCodec;
import org.clearance.lists.ListEntry;
import org.clearance.lists.ListsChanged;
import org.clearance.lists.ListsConfig;
import org.clearance.order.OrderDocument;
import org.clearance.order.OrderInput;
import org.clearance.parties.matching.MatchSettings;
import org.clearance.parties.matching.PartyMatcher;
import org.clearance.rules.FileTrees;
import org.clearance.rules.RulePack;
import org.clearance.rules.RulePackLoader;
import org.clearance.rules.RulePackRegistry;
import org.clearance.rules.reload.RulePackContents;
import org.clearance.screening.Screening;
import org.clearance.screening.ScreeningResult;
import org.clearance.screening.ScreeningService;
import org.clearance.security.Actor;
import org.clearance.trade.CountryRisksChanged;

/**
 * Screens open orders again when something they were screened against changes, and stores a new screening only for
 * those whose decision or findings differ (which opens or updates their case and announces it). A list import
 * considers only the orders it can affect: those with a party whose name matches an added or changed entry, and those
 * whose latest screening matched a removed or changed entry.
 */
@ApplicationScoped
public class RescreenService {

    /** Orders screened again per batch: one transaction to read them, one screening session. */
    static final int BATCH = 500;

    private final EntityManager em;
    private final ScreeningService screenings;
    private final RescreenConfig config;
    private final ListsConfig lists;
    private final RulePackContents packContents;
    private final RulePackRegistry registry;

    RescreenService(EntityManager em, ScreeningService screenings, RescreenConfig config,
                    ListsConfig lists, RulePackContents packContents,
                    RulePackRegistry registry) {
        this.em = em;
        this.registry = registry;
        this.packContents = packContents;
        this.screenings = screenings;
        this.config = config;
        this.lists = lists;
    }

    /** An open order, its latest screening and the rule pack (hash) that screening ran. */
    record OpenOrder(String orderId, UUID screeningId, String rulePack) {
    }

    void onListsChanged(@Observes ListsChanged event) {
        if (!config.onListChange()) {
            return;
        }
        try {
            afterListChange(event, Actor.system("rescreen"));
        } catch (RuntimeException e) {
            // The import itself committed; a failed re-screening is logged and can be run again by hand.
            Log.errorf("Re-screening after the import of list %s failed: %s", event.source(), ErrorTrace.of(e));
        }
    }

    void onCountryRisksChanged(@Observes CountryRisksChanged event) {
        if (!config.onCountryRiskChange()) {
            return;
        }
        try {
            Instant started = Instant.now();
            List<OpenOrder> open = QuarkusTransaction.requiringNew().call(() -> openOrders(started.minus(config.openFor())));
            Set<UUID> touching = QuarkusTransaction.requiringNew().call(() -> touching(event.countries()));
            List<OpenOrder> considered = open.stream().filter(o -> touching.contains(o.screeningId())).toList();
            run("country risk of " + String.join(", ", new TreeSet<>(event.countries())) + " changed", started,
                    open.size(), considered, Actor.system("rescreen"));
        } catch (RuntimeException e) {
            Log.errorf("Re-screening after a country risk change failed: %s", ErrorTrace.of(e));
        }
    }

    /** The screenings with a party or route stop in one of {@code countries}. */
    @SuppressWarnings("unchecked")
    private Set<UUID> touching(Set<String> countries) {
        Set<UUID> screenings = new HashSet<>();
        if (countries.isEmpty()) {
            return screenings;
        }
        List<String> ids = em.createNativeQuery("SELECT DISTINCT CAST(t.screening_id AS VARCHAR(36)) "
                + "FROM screening_search_term t WHERE t.country IN (:countries)")
                .setParameter("countries", List.copyOf(countries)).getResultList();
        ids.forEach(id -> screenings.add(UUID.fromString(id.strip())));
        return screenings;
    }

    /** Re-screens the open orders the import of {@code event}'s version can affect. */
    public RescreenRunView afterListChange(ListsChanged event, Actor actor) {
        Instant started = Instant.now();
        // A command that imports a list has not compiled the rule pack yet: do it while the open orders are read.
        CompletableFuture.runAsync(registry::current);
        Instant openSince = started.minus(config.openFor());
        List<OpenOrder> open = QuarkusTransaction.requiringNew().call(() -> openOrders(openSince));
        Log.infof("Re-screening: %d open orders read in %d ms", open.size(), ChronoUnit.MILLIS.between(started, Instant.now()));
        Set<UUID> affected = affectedBy(event, open, openSince);
        List<OpenOrder> considered = open.stream().filter(o -> affected.contains(o.screeningId())).toList();
        return run("list " + event.source() + " version " + event.newVersion(), started, open.size(), considered, actor);
    }

    /** Re-screens every open order whose latest screening is at or after {@code since} (all open orders when null). */
    public RescreenRunView all(Instant since, String cause, Actor actor) {
        Instant started = Instant.now();
        List<OpenOrder> open = QuarkusTransaction.requiringNew().call(() -> openOrders(started.minus(config.openFor())));
        List<OpenOrder> considered = since == null ? open : QuarkusTransaction.requiringNew().call(() -> {
            Set<UUID> recent = screeningsSince(since);
            return open.stream().filter(o -> recent.contains(o.screeningId())).toList();
        });
        return run(cause, started, open.size(), considered, actor);
    }

    /**
     * Under {@code serve}: every {@code clearance.rules.active-poll}, re-screens all open orders once a newly activated
     * rule pack is live here, unless another server claimed that activation first.
     */
    public void schedule(Scheduler scheduler, Duration every,
                         RulePackRegistry registry) {
        if (!config.onRulePackChange()) {
            return;
        }
        scheduler.newJob("rescreen-after-activation").setInterval(Math.max(1, every.toSeconds()) + "s")
                .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                .setTask(execution -> afterActivation(registry.current()))
                .schedule();
    }

    /**
     * Re-screens the open orders the active pack can decide differently, if it is {@code live} (the pack this process
     * runs) and this process claims its activation.
     */
    public Optional<RescreenRunView> afterActivation(RulePack live) {
        String liveHash = live.hash();
        try {
            Object[] claimed = QuarkusTransaction.requiringNew().call(() -> {
                @SuppressWarnings("unchecked")
                List<Object[]> rows = em.createNativeQuery("SELECT activation, pack_hash FROM active_rule_pack "
                        + "WHERE id = 1 AND rescreened_activation < activation").getResultList();
                if (rows.isEmpty() || !liveHash.equals(rows.get(0)[1])) {
                    return null;
                }
                long activation = ((Number) rows.get(0)[0]).longValue();
                int won = em.createNativeQuery("UPDATE active_rule_pack SET rescreened_activation = ?1 "
                        + "WHERE id = 1 AND activation = ?1 AND rescreened_activation < ?1")
                        .setParameter(1, activation).executeUpdate();
                return won == 1 ? rows.get(0) : null;
            });
            if (claimed == null) {
                return Optional.empty();
            }
            return Optional.of(afterPackChange(live, "rule pack " + live.shortHash() + " activated (activation "
                    + claimed[0] + ")", Actor.system("rescreen")));
        } catch (RuntimeException e) {
            Log.errorf("Re-screening after a rule pack activation failed: %s", ErrorTrace.of(e));
            return Optional.empty();
        }
    }

    /**
     * Re-screens the open orders {@code head} can decide differently from the pack that screened them: per earlier
     * pack, its changes ({@link PackChangeScope}) narrow them to the orders with findings of the changed rules, or
     * leave all of them. A pack whose files were not kept cannot be compared: its orders are all screened again.
     */
    RescreenRunView afterPackChange(RulePack head, String cause, Actor actor) {
        Instant started = Instant.now();
        Instant openSince = started.minus(config.openFor());
        List<OpenOrder> open = QuarkusTransaction.requiringNew().call(() -> openOrders(openSince));
        Map<String, List<OpenOrder>> byPack = new LinkedHashMap<>();
        open.forEach(o -> byPack.computeIfAbsent(o.rulePack(), k -> new ArrayList<>()).add(o));
        List<OpenOrder> considered = new ArrayList<>();
        List<String> scopes = new ArrayList<>();
        for (Map.Entry<String, List<OpenOrder>> group : byPack.entrySet()) {
            if (group.getKey().equals(head.hash())) {
                continue; // screened with this very pack already
            }
            PackChangeScope scope = scopeSince(group.getKey(), head);
            String base = group.getKey().substring(0, Math.min(12, group.getKey().length()));
            if (scope.everyOrder()) {
                considered.addAll(group.getValue());
                scopes.add(group.getValue().size() + " screened with " + base + ": all (" + scope.allBecause() + ")");
            } else {
                Set<UUID> marked = QuarkusTransaction.requiringNew().call(() -> withFindingsOf(scope.findingRules(), openSince));
                List<OpenOrder> affected = group.getValue().stream().filter(o -> marked.contains(o.screeningId())).toList();
                considered.addAll(affected);
                scopes.add(affected.size() + " of " + group.getValue().size() + " screened with " + base
                        + (scope.findingRules().isEmpty() ? ": no rule changed that could change them"
                        : ": those with findings of " + String.join(", ", new TreeSet<>(scope.findingRules()))));
            }
        }
        return run(scopes.isEmpty() ? cause : cause + "; " + String.join("; ", scopes), started, open.size(), considered,
                actor);
    }

    /** How {@code head} differs from the kept pack {@code baseHash}; everything when that pack cannot be read back. */
    private PackChangeScope scopeSince(String baseHash, RulePack head) {
        Path folder = null;
        try {
            folder = Files.createTempDirectory("clearance-rescreen-base-");
            Path target = folder;
            if (!QuarkusTransaction.requiringNew().call(() -> packContents.restore(baseHash, target))) {
                return PackChangeScope.all("its files were not kept");
            }
            return PackChangeScope.between(RulePackLoader.load(folder), head);
        } catch (java.io.IOException | RuntimeException e) {
            Log.warnf("Rule pack %s cannot be compared with the active pack (%s): its open orders are all screened again",
                    baseHash, e.getMessage());
            return PackChangeScope.all("it cannot be read back: " + e.getMessage());
        } finally {
            FileTrees.deleteQuietly(folder);
        }
    }


    /** The screenings since {@code since} with a finding of one of {@code rules}. */
    @SuppressWarnings("unchecked")
    private Set<UUID> withFindingsOf(Set<String> rules, Instant since) {
        Set<UUID> screenings = new HashSet<>();
        if (!rules.isEmpty()) {
            List<String> ids = em.createNativeQuery("SELECT DISTINCT CAST(f.screening_id AS VARCHAR(36)) "
                    + "FROM screening_finding f JOIN screening s ON s.id = f.screening_id "
                    + "WHERE f.rule_id IN (:rules) AND s.screened_at >= :since")
                    .setParameter("rules", List.copyOf(rules)).setParameter("since", since).getResultList();
            ids.forEach(id -> screenings.add(UUID.fromString(id.strip())));
        }
        return screenings;
    }

    /** The runs, newest first, at most {@code limit}. */
    public List<RescreenRunView> runs(int limit) {
        return QuarkusTransaction.joiningExisting().call(() -> RescreenRun.<RescreenRun>find("order by startedAt desc, id")
                .page(0, limit).list().stream().map(RescreenRunView::of).toList());
    }

    private RescreenRunView run(String cause, Instant started, int openOrders, List<OpenOrder> considered, Actor actor) {
        int changed = 0;
        for (int from = 0; from < considered.size(); from += BATCH) {
            changed += rescreen(considered.subList(from, Math.min(considered.size(), from + BATCH)), cause, actor);
        }
        RescreenRun run = new RescreenRun();
        run.id = UUID.randomUUID();
        run.cause = cause.length() > 1000 ? cause.substring(0, 1000) : cause;
        run.startedAt = started.truncatedTo(ChronoUnit.MICROS);
        run.finishedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        run.openOrders = openOrders;
        run.considered = considered.size();
        run.rescreened = considered.size();
        run.changed = changed;
        run.durationMs = ChronoUnit.MILLIS.between(started, run.finishedAt);
        run.triggeredBy = actor.name();
        QuarkusTransaction.requiringNew().run(run::persist);
        Log.infof("Re-screening (%s): %d open orders, %d considered, %d changed, %d ms", cause, openOrders,
                considered.size(), changed, run.durationMs);
        return RescreenRunView.of(run);
    }

    /** Screens the orders again and stores those whose outcome differs; returns how many did. */
    private int rescreen(List<OpenOrder> orders, String cause, Actor actor) {
        Map<UUID, Outcome> stored = QuarkusTransaction.requiringNew().call(() -> outcomes(orders));
        List<OrderDocument> documents = new ArrayList<>();
        List<Outcome> before = new ArrayList<>();
        for (OpenOrder order : orders) {
            Outcome outcome = stored.get(order.screeningId());
            documents.addAll(OrderInput.split("rescreen (" + cause + ")", outcome.orderJson()).documents());
            before.add(outcome);
        }
        List<ScreeningResult> previews = screenings.preview(documents);
        List<OrderDocument> differing = new ArrayList<>();
        for (int i = 0; i < previews.size(); i++) {
            ScreeningResult preview = previews.get(i);
            if (preview != null && !before.get(i).sameAs(preview)) {
                differing.add(documents.get(i));
            }
        }
        if (!differing.isEmpty()) {
            screenings.screenAndStore(differing, null, actor);
        }
        return differing.size();
    }

    /** What a stored screening concluded: its decision and findings, for comparison, and the order as received. */
    record Outcome(String orderJson, String decision, Set<String> findings) {

        boolean sameAs(ScreeningResult result) {
            Set<String> now = new HashSet<>();
            result.findings().forEach(f -> now.add(key(f.ruleId(), f.severity().name(), f.subjectPointer())));
            return decision.equals(result.decision().name()) && findings.equals(now);
        }

        static String key(String ruleId, String severity, String pointer) {
            return ruleId + "|" + severity + "|" + pointer;
        }
    }

    private Map<UUID, Outcome> outcomes(List<OpenOrder> orders) {
        Map<UUID, Outcome> outcomes = new HashMap<>();
        for (OpenOrder order : orders) {
            Screening s = Screening.findById(order.screeningId());
            Set<String> findings = new HashSet<>();
            s.findings.forEach(f -> findings.add(Outcome.key(f.ruleId, f.severity.name(), f.subjectPointer)));
            outcomes.put(order.screeningId(), new Outcome(s.orderJson, s.decision.name(), findings));
        }
        return outcomes;
    }

    /** The screenings stored at or after {@code since}, in one query rather than one lookup per open order. */
    @SuppressWarnings("unchecked")
    private Set<UUID> screeningsSince(Instant since) {
        List<String> ids = em.createNativeQuery("SELECT CAST(s.id AS VARCHAR(36)) FROM screening s WHERE s.screened_at >= ?1")
                .setParameter(1, since).getResultList();
        Set<UUID> screenings = new HashSet<>();
        ids.forEach(id -> screenings.add(UUID.fromString(id.strip())));
        return screenings;
    }

    /**
     * The open orders, each with its latest screening: screened at or after {@code since} (now minus {@code open-for}),
     * not marked shipped or cancelled, and no screening of the order shipped. The latest screening per order is chosen
     * here rather than by a correlated subquery, which took seconds over 100,000 screenings; any later screening of an
     * order is in the window too.
     */
    @SuppressWarnings("unchecked")
    List<OpenOrder> openOrders(Instant since) {
        List<Object[]> rows = em.createNativeQuery("SELECT s.order_id, CAST(s.id AS VARCHAR(36)), s.rule_pack "
                + "FROM screening s WHERE s.screened_at >= ?1 ORDER BY s.screened_at, s.id")
                .setParameter(1, since).getResultList();
        Set<String> closed = new HashSet<>(em.createNativeQuery("""
                SELECT c.order_id FROM order_closure c
                WHERE EXISTS (SELECT 1 FROM screening s WHERE s.order_id = c.order_id AND s.screened_at >= ?1)
                UNION SELECT x.order_id FROM shipment sh JOIN screening x ON x.id = sh.screening_id
                WHERE EXISTS (SELECT 1 FROM screening s WHERE s.order_id = x.order_id AND s.screened_at >= ?1)""")
                .setParameter(1, since).getResultList());
        // Rows come oldest first: an order's last row is its latest screening, and moving it to the end keeps the
        // orders sorted by their latest screening.
        Map<String, OpenOrder> latest = new LinkedHashMap<>();
        for (Object[] row : rows) {
            String orderId = (String) row[0];
            if (!closed.contains(orderId)) {
                latest.remove(orderId);
                latest.put(orderId, new OpenOrder(orderId, UUID.fromString(row[1].toString().strip()), (String) row[2]));
            }
        }
        return List.copyOf(latest.values());
    }

    /** What a list change is matched with: the entries it added or changed, open parties, matches of dropped entries. */
    record Change(List<ListEntry> entries, Map<String, List<UUID>> byName, Set<UUID> matchedGone) {
    }

    /**
     * The latest screenings (of {@code open}) the list change can affect: a party name that matches an entry added or
     * changed by the new version, or a stored match of an entry the new version removed or changed. Reads in one
     * transaction and matches outside it: matching 100,000s of names takes longer than a transaction may last.
     */
    private Set<UUID> affectedBy(ListsChanged event, List<OpenOrder> open, Instant since) {
        Set<UUID> latest = new HashSet<>();
        open.forEach(o -> latest.add(o.screeningId()));
        Set<UUID> affected = new HashSet<>();
        if (latest.isEmpty()) {
            return affected;
        }
        Change change = QuarkusTransaction.requiringNew().call(() -> change(event, latest, since));
        affected.addAll(change.matchedGone());
        if (change.entries().isEmpty()) {
            return affected;
        }
        PartyMatcher matcher = new PartyMatcher(MatchSettings.defaults().withThreshold(lists.threshold()));
        matcher.index(change.entries());
        // Most names resemble none of a few hundred new entries: the gate rules those out at a fraction of a match.
        Predicate<String> gate = matcher.gate();
        // Matching dominates the run (every distinct open-order party name against the new entries): spread it over
        // the cores. PartyMatcher is thread-safe; which names match does not depend on the order they are tried in.
        List<Map.Entry<String, List<UUID>>> names = new ArrayList<>(change.byName().entrySet());
        long matching = System.nanoTime();
        LongAdder gateNanos = new LongAdder();
        LongAdder matchNanos = new LongAdder();
        LongAdder passed = new LongAdder();
        ForkJoinPool pool = new ForkJoinPool(Math.max(1, Runtime.getRuntime().availableProcessors()));
        try {
            pool.submit(() -> names.parallelStream().filter(term -> {
                String key = term.getKey();
                int split = key.indexOf('\u001F');
                String name = key.substring(0, split);
                String country = key.substring(split + 1);
                long start = System.nanoTime();
                boolean mayMatch = gate.test(name);
                long gated = System.nanoTime();
                gateNanos.add(gated - start);
                if (!mayMatch) {
                    return false;
                }
                passed.increment();
                boolean matches = !matcher.match(name, country.isEmpty() ? null : country, 1).isEmpty();
                matchNanos.add(System.nanoTime() - gated);
                return matches;
            }).map(Map.Entry::getValue).toList()).join().forEach(affected::addAll);
        } finally {
            pool.shutdown();
        }
        Log.infof("Re-screening: %d distinct party names of %d open orders matched against %d added or changed entries "
                + "in %d ms (gate %d ms, %d names passed it, matching them %d ms, summed over %d threads)", names.size(),
                latest.size(), change.entries().size(), (System.nanoTime() - matching) / 1_000_000,
                gateNanos.sum() / 1_000_000, passed.sum(), matchNanos.sum() / 1_000_000, pool.getParallelism());
        return affected;
    }

    @SuppressWarnings("unchecked")
    private Change change(ListsChanged event, Set<UUID> latest, Instant since) {
        List<String> added = em.createNativeQuery("""
                SELECT r.entry_json FROM list_record r WHERE r.import_id = ?1 AND NOT EXISTS (
                    SELECT 1 FROM list_record p WHERE p.import_id = ?2 AND p.list_code = r.list_code
                    AND p.source_id = r.source_id AND p.content_hash = r.content_hash)""")
                .setParameter(1, event.newVersion()).setParameter(2, event.previousVersion()).getResultList();
        List<ListEntry> entries = added.stream().map(EntryCodec::fromJson).toList();
        // Each distinct (name, country) of an open order's parties once, however many orders share it. Only the terms
        // of screenings recent enough to be an open order's latest are read, not those of every screening ever stored.
        Map<String, List<UUID>> byName = new LinkedHashMap<>();
        if (!entries.isEmpty()) {
            List<Object[]> terms = em.createNativeQuery("""
                    SELECT CAST(t.screening_id AS VARCHAR(36)), t.name_key, t.country FROM screening_search_term t
                    JOIN screening s ON s.id = t.screening_id
                    WHERE s.screened_at >= ?1 AND t.name_key IS NOT NULL""").setParameter(1, since).getResultList();
            for (Object[] term : terms) {
                UUID screening = UUID.fromString(term[0].toString().strip());
                if (latest.contains(screening)) {
                    byName.computeIfAbsent(term[1] + "\u001F" + (term[2] == null ? "" : term[2]), k -> new ArrayList<>())
                            .add(screening);
                }
            }
        }
        Set<UUID> gone = new HashSet<>();
        if (event.previousVersion() != null) {
            List<String> matchedGone = em.createNativeQuery("""
                    SELECT CAST(m.screening_id AS VARCHAR(36)) FROM screening_party_match m
                    JOIN list_record p ON p.list_code = m.list_code AND p.source_id = m.source_id AND p.import_id = ?1
                    WHERE NOT EXISTS (SELECT 1 FROM list_record r WHERE r.import_id = ?2 AND r.list_code = p.list_code
                                      AND r.source_id = p.source_id AND r.content_hash = p.content_hash)""")
                    .setParameter(1, event.previousVersion()).setParameter(2, event.newVersion()).getResultList();
            matchedGone.stream().map(id -> UUID.fromString(id.strip())).filter(latest::contains).forEach(gone::add);
        }
        return new Change(entries, byName, gone);
    }
}
