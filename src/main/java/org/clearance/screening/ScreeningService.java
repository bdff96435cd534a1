package org.clearance.screening;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.clearance.security.Actor;
import java.util.concurrent.TimeUnit;
import java.util.Map;
import org.clearance.audit.AuditAction;
import org.clearance.audit.AuditLog;
import org.clearance.facts.Jurisdiction;
import org.clearance.parties.ListedPartyFinder;
import org.clearance.security.Actor;
import org.clearance.history.ChpVolume;
import org.clearance.history.StoredBuyerHistory;
import org.clearance.order.OrderDocument;
import org.clearance.parties.PartyIndex;
import org.clearance.rules.RulePack;
import org.clearance.rules.RulePackRegistry;

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

    ScreeningService(RulePackRegistry registry, MeterRegistry meters, PartyIndex parties,
                     StoredBuyerHistory buyerHistory, CountryRiskSource countryRisks, AuditLog audit) {
        this.audit = audit;
        this.registry = registry;
        this.meters = meters;
        this.latency = Timer.builder("clearance.screening.duration")
                .description("Time to screen one order (validation and rules; in a batch, the batch time per order)")
                .publishPercentileHistogram().register(meters);
        this.parties = parties;
        this.buyerHistory = buyerHistory;
        this.countryRisks = countryRisks;
    }

    /** One input document and what became of it: its stored screening, or the problems that stopped it. */
    public record Outcome(Screener.Item item, ScreeningView view) {
    }

    /** Screens {@code documents} in one go and stores each valid order's screening as submitted by {@code submitter}. */
    @Transactional
    public List<Outcome> screenAndStore(List<OrderDocument> documents, LocalDate asOfOverride, Actor submitter) {
        RulePackRegistry.Live live = registry.live(); // once: a reload meanwhile does not change this batch's pack
        RulePack pack = live.pack();
        long versionId = registry.versionId(live);
        long start = System.nanoTime();
        ListedPartyFinder finder = parties.finder();
        Screener.Batch batch = new Screener(pack, finder, buyerHistory, countryRisks)
                .screenDocuments(documents, asOfOverride);
        java.util.Set<String> chpCodes = ChpVolume.chpCodes(pack);
        long perOrderNanos = (System.nanoTime() - start) / Math.max(1, batch.results().size());
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS); // what both databases keep
        List<Outcome> outcomes = new ArrayList<>();
        List<UUID> storedIds = new ArrayList<>();
        for (Screener.Item item : batch.items()) {
            if (!item.screened()) {
                outcomes.add(new Outcome(item, null));
                continue;
            }
            Screening stored = store(item, now, versionId, submitter, finder.versions());
            storedIds.add(stored.id);
            buyerHistory.record(item.parsed().order(), stored.id, chpCodes);
            ScreeningResult result = item.result();
            meters.counter("clearance.screenings", "decision", result.decision().name()).increment();
            latency.record(perOrderNanos, TimeUnit.NANOSECONDS);
            Log.infof("Screened order: decision=%s findings=%d pack=%s duration=%.2fms", result.decision(),
                    result.findings().size(), pack.shortHash(), perOrderNanos / 1e6);
            outcomes.add(new Outcome(item, ScreeningView.of(stored.id, result, stored.screenedAt)));
        }
        // Last, so that the chain head stays locked only from here to the commit.
        Map<UUID, String> hashes = audit.screeningHashes(storedIds);
        for (UUID id : storedIds) {
            audit.append(submitter, AuditAction.SCREENING_STORED, id.toString(), hashes.get(id));
        }
        return outcomes;
    }

    private Screening store(Screener.Item item, Instant now, long versionId, Actor submitter, String listVersions) {
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
        screening.rulePackVersionId = versionId;
        screening.listVersions = listVersions;
        screening.asOf = result.asOf();
        screening.screenedAt = now;
        screening.submittedBy = submitter.name();
        screening.orderJson = item.parsed().document().json().toString();
        result.findings().forEach(f -> screening.findings.add(StoredFinding.of(f)));
        if (result.risk() != null) {
            screening.riskScore = result.risk().score();
            screening.riskReviewScore = result.risk().reviewScore();
            result.risk().contributions().forEach(c -> screening.riskFactors.add(StoredRiskFactor.of(c)));
        }
        screening.persist();
        return screening;
    }
}
