package org.clearance.screening;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.clearance.audit.AuditAction;
import org.clearance.audit.AuditChain;
import org.clearance.audit.AuditLog;
import org.clearance.cases.CaseService;
import org.clearance.config.ErrorTrace;
import org.clearance.facts.CountryRisk;
import org.clearance.facts.Jurisdiction;
import org.clearance.history.ChpVolume;
import org.clearance.history.StoredBuyerHistory;
import org.clearance.licences.LicenceRegister;
import org.clearance.licences.RecordedLicences;
import org.clearance.order.InputProblem;
import org.clearance.order.OrderDocument;
import org.clearance.order.OrderInput;
import org.clearance.order.StrictUtf8;
import org.clearance.parties.ListedPartyFinder;
import org.clearance.parties.PartyIndex;
import org.clearance.rules.RulePack;
import org.clearance.rules.RulePackRegistry;
import org.clearance.security.Actor;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Screens orders with the active rule pack and the imported lists, stores every screening and counts it in the metrics. */
@ApplicationScoped
public class ScreeningService {

    private final RulePackRegistry registry;
    private final MeterRegistry meters;
    private final Timer latency;
    private final PartyIndex parties;
    private final StoredBuyerHistory buyerHistory;
    private final CountryRiskSource countryRisks;
    private final AuditLog audit;
    private final CountryRiskSets countryRiskSets;
    private final LicenceRegister licences;
    private final CaseService cases;

    ScreeningService(RulePackRegistry registry, MeterRegistry meters, PartyIndex parties,
                     StoredBuyerHistory buyerHistory, CountryRiskSource countryRisks, AuditLog audit,
                     CountryRiskSets countryRiskSets, LicenceRegister licences, CaseService cases) {
        this.cases = cases;
        this.licences = licences;
        this.audit = audit;
        this.countryRiskSets = countryRiskSets;
        this.registry = registry;
        this.meters = meters;
        this.latency = Timer.builder("clearance.screening.duration")
                .description("Time to screen one order (validation and rules; in a batch, the batch time per order)")
                .publishPercentileHistogram().register(meters);
        this.parties = parties;
        this.buyerHistory = buyerHistory;
        this.countryRisks = countryRisks;
    }

    /**
     * One input document and what became of it: its stored screening, the problems that stopped it, or (valid and
     * screened, but the database refused it) {@code storageFailed}.
     */
    public record Outcome(Screener.Item item, ScreeningView view, boolean storageFailed) {

        public Outcome(Screener.Item item, ScreeningView view) {
            this(item, view, false);
        }
    }

    /**
     * Screens {@code documents} in one go and stores each valid order's screening as submitted by {@code submitter}, in
     * transactions of {@link #STORE_CHUNK} orders, each with its audit records and the cases it opens or updates. A chunk the database refuses is stored
     * again order by order, so that one order it cannot take is reported in its place ({@link Outcome#storageFailed()})
     * and every other one is still stored.
     */
    public List<Outcome> screenAndStore(List<OrderDocument> documents, LocalDate asOfOverride, Actor submitter) {
        return screenAndStore(documents, asOfOverride, submitter, Progress.NONE);
    }

    /** As above, telling {@code progress} how many orders are screened, then stored. */
    public List<Outcome> screenAndStore(List<OrderDocument> documents, LocalDate asOfOverride, Actor submitter,
                                        Progress progress) {
        return startRun(submitter, StoredAlongside.NOTHING).screenAndStore(documents, asOfOverride, progress);
    }

    /**
     * As above, and {@code alongside} stores what the caller keeps about each screening in the same transaction as
     * the screening: both are durable or neither is.
     */
    public List<Outcome> screenAndStore(List<OrderDocument> documents, Actor submitter, StoredAlongside alongside) {
        return startRun(submitter, alongside).screenAndStore(documents, null, Progress.NONE);
    }

    /** What a caller stores with each screening, inside the transaction that stores it. */
    @FunctionalInterface
    public interface StoredAlongside {

        StoredAlongside NOTHING = (document, screeningId) -> { };

        /** Called in the storing transaction; an exception rolls the screening back with it. */
        void stored(OrderDocument document, UUID screeningId);
    }

    /** Where a streamed run's orders come from, a few at a time. */
    @FunctionalInterface
    public interface Documents {

        /** The next documents in input order, at most {@code max}; none at the end of the input. */
        List<OrderDocument> next(int max);
    }

    /** Orders a streamed run reads, screens and stores per step: what it holds in memory at once. */
    static final int STREAM_CHUNK = 1000;

    /**
     * Screens and stores every order of {@code input} as {@link #screenAndStore(List, LocalDate, Actor)} does, a
     * {@link #STREAM_CHUNK} at a time, handing each outcome to {@code each} once it is stored; so a run of any length
     * needs bounded memory. Each order's buyer history includes the orders before it in the input, wherever the chunks
     * fall. Tells {@code progress} how many orders are done (of an unknown total).
     */
    public void screenAndStore(Documents input, LocalDate asOfOverride, Actor submitter, Progress progress,
                               Consumer<Outcome> each) {
        Run run = startRun(submitter, StoredAlongside.NOTHING);
        int done = 0;
        progress.update("screening", done, -1); // the rate counts from here
        for (List<OrderDocument> chunk = input.next(STREAM_CHUNK); !chunk.isEmpty(); chunk = input.next(STREAM_CHUNK)) {
            run.screenAndStore(chunk, asOfOverride, Progress.NONE).forEach(each);
            done += chunk.size();
            progress.update("screening", done, -1);
        }
    }

    /** What every chunk of one run is screened and stored with, fixed when the run starts. */
    private Run startRun(Actor submitter, StoredAlongside alongside) {
        RulePackRegistry.Live live = registry.live(); // once: a reload meanwhile does not change this run's pack
        long versionId = registry.versionId(live);
        ListedPartyFinder finder = parties.finder();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS); // what both databases keep
        Set<String> chpCodes = ChpVolume.chpCodes(live.pack());
        return new Run(live.pack(), finder, new Storing(now, versionId, chpCodes, submitter, finder.versions(),
                new IdentityHashMap<>(), alongside));
    }

    /** One run: a batch of the API, or a streamed CLI run in chunks. */
    private final class Run {

        private final RulePack pack;
        private final ListedPartyFinder finder;
        private final Storing storing;

        Run(RulePack pack, ListedPartyFinder finder, Storing storing) {
            this.pack = pack;
            this.finder = finder;
            this.storing = storing;
        }

        List<Outcome> screenAndStore(List<OrderDocument> documents, LocalDate asOfOverride, Progress progress) {
            long start = System.nanoTime();
            // Buyer histories and cited licences are read in the screening's own transaction, before anything of
            // these documents is stored; each order also counts the orders before it among them.
            Screener.Batch batch = QuarkusTransaction.requiringNew().call(() ->
                    new Screener(pack, finder, buyerHistory.countingEarlierInBatch(storing.chpCodes()), countryRisks,
                            licences).reportingTo(progress).screenDocuments(documents, asOfOverride));
            long perOrderNanos = (System.nanoTime() - start) / Math.max(1, batch.results().size());
            List<Screener.Item> screened = batch.items().stream().filter(Screener.Item::screened).toList();
            Map<Screener.Item, Screening> stored = new IdentityHashMap<>();
            for (int from = 0; from < screened.size(); from += STORE_CHUNK) {
                List<Screener.Item> chunk = screened.subList(from, Math.min(screened.size(), from + STORE_CHUNK));
                stored.putAll(storeChunk(chunk, storing));
                progress.update("storing", from + chunk.size(), screened.size());
            }
            List<Outcome> outcomes = new ArrayList<>(batch.items().size());
            for (Screener.Item item : batch.items()) {
                if (!item.screened()) {
                    outcomes.add(new Outcome(item, null));
                    continue;
                }
                Screening screening = stored.get(item);
                if (screening == null) {
                    outcomes.add(new Outcome(item, null, true));
                    continue;
                }
                ScreeningResult result = item.result();
                meters.counter("clearance.screenings", "decision", result.decision().name()).increment();
                latency.record(perOrderNanos, TimeUnit.NANOSECONDS);
                Log.debugf("Screened order: decision=%s findings=%d pack=%s duration=%.2fms", result.decision(),
                        result.findings().size(), pack.shortHash(), perOrderNanos / 1e6);
                outcomes.add(new Outcome(item, ScreeningView.of(screening.id, result, screening.screenedAt)));
            }
            return outcomes;
        }
    }

    /**
     * One order sent as JSON bytes, as the API and the console receive it: its stored screening, or why there is none
     * (the text is not one valid order: {@code refusal} and {@code problems}; or the database refused it:
     * {@code storageFailed}).
     */
    public record Single(ScreeningView view, Refusal refusal, List<InputProblem> problems, boolean storageFailed) {
    }

    /** Why one order was not screened. */
    public enum Refusal {
        /** Not UTF-8 JSON, or not within the input limits. */
        UNREADABLE,
        /** Readable, but not one order object (an array, several lines). */
        NOT_ONE_ORDER,
        /** One order with problems. */
        INVALID_ORDER
    }

    /** Screens and stores the one order in {@code body}, as {@link #screenAndStore} does for many. */
    public Single screenOne(String source, byte[] body, Actor submitter) {
        OrderInput.Split split = StrictUtf8.split(source, body);
        if (!split.problems().isEmpty()) {
            return new Single(null, Refusal.UNREADABLE, split.problems(), false);
        }
        if (split.documents().size() != 1 || !split.documents().get(0).pointerPrefix().isEmpty()) {
            return new Single(null, Refusal.NOT_ONE_ORDER, List.of(new InputProblem(source, "", "expected one order object")),
                    false);
        }
        Outcome outcome = screenAndStore(split.documents(), null, submitter).get(0);
        if (outcome.view() == null && !outcome.storageFailed()) {
            return new Single(null, Refusal.INVALID_ORDER, outcome.item().parsed().problems(), false);
        }
        return new Single(outcome.view(), null, List.of(), outcome.storageFailed());
    }

    /**
     * What {@code documents} screen to now, with the live pack and lists, stored nowhere (null for an invalid
     * document): re-screening compares it with the stored outcome and stores only what changed.
     */
    public List<ScreeningResult> preview(List<OrderDocument> documents) {
        RulePack pack = registry.live().pack();
        ListedPartyFinder finder = parties.finder();
        Screener.Batch batch = QuarkusTransaction.requiringNew().call(() ->
                new Screener(pack, finder, buyerHistory, countryRisks, licences).screenDocuments(documents, null));
        return batch.items().stream().map(Screener.Item::result).toList();
    }

    /** Orders stored per transaction: large enough to batch the inserts, small enough that a retry is cheap. */
    static final int STORE_CHUNK = 200;

    /**
     * What every screening of one batch is stored with. {@code keptCountryRisks}: the hash of each country risk list
     * kept so far, by identity (the screener gives every order of a batch the same list). {@code alongside}: what the
     * caller stores with each screening.
     */
    private record Storing(Instant now, long versionId, Set<String> chpCodes, Actor submitter,
                           String listVersions, Map<List<CountryRisk>, String> keptCountryRisks,
                           StoredAlongside alongside) {

        String countryRiskSet(List<CountryRisk> risks, CountryRiskSets sets) {
            return keptCountryRisks.computeIfAbsent(risks, sets::keep);
        }
    }

    /**
     * Stores a chunk and its audit records in one transaction; when that fails, each of its orders in a transaction
     * of its own.
     */
    private Map<Screener.Item, Screening> storeChunk(List<Screener.Item> chunk, Storing storing) {
        Map<Screener.Item, Screening> stored = new IdentityHashMap<>();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                List<UUID> ids = new ArrayList<>(chunk.size());
                List<StoredBuyerHistory.Screened> screenedOrders = new ArrayList<>(chunk.size());
                for (Screener.Item item : chunk) {
                    Screening screening = store(item, storing);
                    storing.alongside().stored(item.parsed().document(), screening.id);
                    screenedOrders.add(new StoredBuyerHistory.Screened(item.parsed().order(), screening.id));
                    stored.put(item, screening);
                    ids.add(screening.id);
                }
                buyerHistory.recordAll(screenedOrders, storing.chpCodes());
                // Last, so that the chain head stays locked only from here to the commit.
                Map<UUID, String> hashes = audit.screeningHashes(ids);
                audit.appendAll(storing.submitter(), ids.stream()
                        .map(id -> new AuditChain.Entry(AuditAction.SCREENING_STORED, id.toString(), hashes.get(id))).toList());
                cases.screeningsStored(chunk.stream().map(item -> {
                    Screening screening = stored.get(item);
                    return new CaseService.StoredScreening(screening.id, screening.orderId, screening.decision,
                            screening.riskScore);
                }).toList(), storing.submitter(), storing.now());
            });
            return stored;
        } catch (RuntimeException e) {
            stored.clear();
            if (chunk.size() == 1) {
                Log.errorf("Could not store the screening of order %s from %s: %s", chunk.get(0).result().orderId(),
                        chunk.get(0).result().source(), ErrorTrace.of(e));
                return stored;
            }
            Log.warnf("Storing %d screenings together failed (%s); storing them one by one", chunk.size(), e.getClass().getName());
        }
        for (Screener.Item item : chunk) {
            stored.putAll(storeChunk(List.of(item), storing));
        }
        return stored;
    }

    private Screening store(Screener.Item item, Storing storing) {
        ScreeningResult result = item.result();
        Screening screening = new Screening();
        screening.id = UUID.randomUUID();
        screening.orderId = result.orderId();
        screening.source = result.source();
        screening.decision = result.decision();
        screening.verdictUs = result.verdicts().get(Jurisdiction.US);
        screening.verdictEu = result.verdicts().get(Jurisdiction.EU);
        screening.verdictUk = result.verdicts().get(Jurisdiction.UK);
        screening.verdictJp = result.verdicts().get(Jurisdiction.JP);
        screening.applicability = ScreeningView.applicabilityJson(result.applicability());
        screening.rulePack = result.rulePack();
        screening.rulePackVersionId = storing.versionId();
        screening.listVersions = storing.listVersions();
        screening.asOf = result.asOf();
        screening.screenedAt = storing.now();
        screening.submittedBy = storing.submitter().name();
        screening.orderJson = item.parsed().document().json().toString();
        screening.countryRiskSet = storing.countryRiskSet(result.context().countryRisks(), countryRiskSets);
        screening.buyerHistory = ScreeningContext.buyerHistoryJson(result.context().buyerHistory());
        screening.citedLicences = RecordedLicences.json(result.context().citedLicences());
        OrderSearchTerms.of(item.parsed().document().json()).forEach(t -> screening.searchTerms.add(SearchTerm.of(t)));
        result.findings().forEach(f -> screening.findings.add(StoredFinding.of(f)));
        result.partyMatches().forEach(m -> screening.partyMatches.add(StoredPartyMatch.of(m)));
        if (result.risk() != null) {
            screening.riskScore = result.risk().score();
            screening.riskReviewScore = result.risk().reviewScore();
            result.risk().contributions().forEach(c -> screening.riskFactors.add(StoredRiskFactor.of(c)));
        }
        screening.persist();
        return screening;
    }
}
