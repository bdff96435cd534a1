package org.clearance.replay;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clearance.audit.CanonicalJson;
import org.clearance.facts.BuyerHistory;
import org.clearance.facts.CountryRisk;
import org.clearance.history.BuyerHistorySource;
import org.clearance.history.StoredBuyerHistory;
import org.clearance.licences.LicenceLookup;
import org.clearance.licences.LicenceRegister;
import org.clearance.licences.RecordedLicences;
import org.clearance.order.OrderInput;
import org.clearance.parties.ListedPartyFinder;
import org.clearance.parties.PartyIndex;
import org.clearance.rules.FileTrees;
import org.clearance.rules.RulePack;
import org.clearance.rules.RulePackLoader;
import org.clearance.rules.RulePackRegistry;
import org.clearance.rules.reload.RulePackContents;
import org.clearance.screening.CountryRiskSets;
import org.clearance.screening.CountryRiskSource;
import org.clearance.screening.FindingView;
import org.clearance.screening.Screener;
import org.clearance.screening.Screening;
import org.clearance.screening.ScreeningContext;
import org.clearance.screening.ScreeningResult;
import org.clearance.screening.ScreeningView;

/**
 * Screens a stored order again — with the rule pack (restored from its kept files), the list versions and the
 * dismissals it was screened with, and the country risks, buyer history and cited licences the screening recorded —
 * and compares the outcome with what was stored. Runs in a transaction that is always rolled back: a replay never
 * stores anything.
 */
@ApplicationScoped
public class ReplayService {

    private final RulePackRegistry registry;
    private final RulePackContents contents;
    private final PartyIndex parties;
    private final StoredBuyerHistory buyerHistory;
    private final CountryRiskSource countryRisks;
    private final CountryRiskSets countryRiskSets;
    private final LicenceRegister licences;
    /** Restored packs by hash: compiling one takes seconds, and an auditor often replays several screenings of one. */
    private final Map<String, RulePack> restored = java.util.Collections.synchronizedMap(new LinkedHashMap<>(4, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, RulePack> eldest) {
            return size() > 2;
        }
    });

    ReplayService(RulePackRegistry registry, RulePackContents contents, PartyIndex parties,
                  StoredBuyerHistory buyerHistory, CountryRiskSource countryRisks, CountryRiskSets countryRiskSets,
                  LicenceRegister licences) {
        this.licences = licences;
        this.registry = registry;
        this.contents = contents;
        this.parties = parties;
        this.buyerHistory = buyerHistory;
        this.countryRisks = countryRisks;
        this.countryRiskSets = countryRiskSets;
    }

    /**
     * Replays screening {@code id}; {@code current}: with today's pack, lists, country risks, buyer history and licence
     * register instead of the original ones.
     */
    public ReplayReport replay(UUID id, boolean current) {
        QuarkusTransaction.begin();
        try {
            Screening stored = Screening.findById(id);
            if (stored == null) {
                throw new NotFoundException("No screening with id " + id + ".");
            }
            List<String> notes = new ArrayList<>();
            RulePack pack = current ? registry.current() : pack(stored.rulePack);
            ListedPartyFinder finder = current ? parties.finder() : parties.finderAsOf(stored.listVersions, stored.screenedAt);
            if (!current && stored.listVersions == null) {
                notes.add("no list versions recorded with this screening: replayed without sanctions lists");
            }
            Context context = context(stored, current, notes);
            Screener.Batch batch = new Screener(pack, finder, context.buyerHistory(), context.countryRisks(),
                    licences(stored, current, notes))
                    .screenDocuments(OrderInput.split("replay", stored.orderJson).documents(), stored.asOf);
            if (batch.results().isEmpty()) {
                throw new ReplayUnavailableException("the stored order of screening " + id + " no longer validates: "
                        + batch.problems());
            }
            return compare(stored, batch.results().get(0), current, finder.versions(), context.origin(), notes);
        } finally {
            QuarkusTransaction.rollback(); // whatever screening touched, nothing of a replay is kept
        }
    }

    /** What the replay gives the rules besides the order, the pack and the lists, and where it comes from. */
    private record Context(CountryRiskSource countryRisks, BuyerHistorySource buyerHistory, String origin) {
    }

    private Context context(Screening stored, boolean current, List<String> notes) {
        if (current) {
            return new Context(countryRisks, buyerHistory, ReplayReport.CONTEXT_CURRENT);
        }
        if (stored.countryRiskSet == null) {
            notes.add("country risks and buyer history were not recorded with this screening (it was stored before "
                    + "Clearance recorded them): replayed with today's country risks and the buyer history of "
                    + "screenings stored before it, so a difference may come from a later trade import or re-screening");
            return new Context(countryRisks, buyerHistory.asOf(stored.screenedAt), ReplayReport.CONTEXT_NOT_RECORDED);
        }
        List<CountryRisk> risks = storedCountryRisks(stored.countryRiskSet);
        BuyerHistory history = ScreeningContext.buyerHistory(stored.buyerHistory);
        BuyerHistorySource recorded = orders -> {
            List<BuyerHistory> histories = new ArrayList<>(orders.size());
            orders.forEach(o -> histories.add(history)); // a replay screens the one stored order
            return histories;
        };
        return new Context(CountryRiskSource.of(risks), recorded, ReplayReport.CONTEXT_RECORDED);
    }

    /**
     * The register as the screening found the licences its order cites; today's with {@code current}, or for a
     * screening stored before it recorded them (the register keeps only what is left now, so a note says so).
     */
    private LicenceLookup licences(Screening stored, boolean current, List<String> notes) {
        if (!current && stored.citedLicences != null) {
            return LicenceLookup.of(RecordedLicences.read(stored.citedLicences));
        }
        if (!current && stored.orderJson.contains("\"authorisations\"")) {
            notes.add("the licences the order cites were not recorded with this screening (it was stored before "
                    + "Clearance recorded them): checked against today's licence register, so a shipment since the "
                    + "screening may have used part of a licence");
        }
        return licences;
    }

    private List<CountryRisk> storedCountryRisks(String sha) {
        String json = countryRiskSets.content(sha).orElseThrow(() -> new ReplayUnavailableException(
                "the country risks " + sha + " the screening was given are not kept"));
        String actual = CanonicalJson.sha256(json);
        if (!actual.equals(sha)) {
            throw new ReplayUnavailableException("the kept country risks " + sha + " hash to " + actual
                    + ": they were changed after the screening (see 'clearance audit verify')");
        }
        return ScreeningContext.countryRisks(json);
    }

    private ReplayReport compare(Screening stored, ScreeningResult replayed, boolean current, String listVersions,
                                 String context, List<String> notes) {
        ScreeningView before = ScreeningView.of(stored);
        List<FindingView> after = replayed.findings().stream().map(FindingView::of).toList();
        List<FindingView> added = after.stream().filter(f -> !before.findings().contains(f)).toList();
        List<FindingView> removed = before.findings().stream().filter(f -> !after.contains(f)).toList();
        boolean identical = before.decision() == replayed.decision() && before.verdicts().equals(replayed.verdicts())
                && before.findings().equals(after);
        return new ReplayReport(stored.id, stored.orderId, current ? "current" : "original", stored.screenedAt,
                stored.asOf, replayed.rulePack(), listVersions, context, identical, before.decision(), replayed.decision(),
                before.verdicts(), replayed.verdicts(), after, added, removed, notes);
    }

    private RulePack pack(String hash) {
        RulePack live = registry.current();
        if (live.hash().equals(hash)) {
            return live;
        }
        RulePack cached = restored.get(hash);
        if (cached != null) {
            return cached;
        }
        Path folder = null;
        try {
            folder = Files.createTempDirectory("clearance-replay");
            if (!contents.restore(hash, folder)) {
                throw new ReplayUnavailableException("rule pack " + hash + " was not kept: it went live before Clearance "
                        + "stored packs by content; replay with --current to see today's outcome");
            }
            RulePack pack = RulePackLoader.load(folder);
            if (!pack.hash().equals(hash)) {
                throw new ReplayUnavailableException("the kept files of rule pack " + hash + " hash to " + pack.hash());
            }
            restored.put(hash, pack);
            return pack;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (folder != null) {
                try {
                    FileTrees.delete(folder); // the compiled pack keeps what it needs in memory
                } catch (IOException e) {
                    io.quarkus.logging.Log.debugf("could not delete %s: %s", folder, e.getMessage());
                }
            }
        }
    }
}
