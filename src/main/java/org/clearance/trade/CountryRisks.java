package org.clearance.trade;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.clearance.facts.CountryRisk;
import org.clearance.screening.CountryRiskSource;

/**
 * The country risks screening sees: the analysis with the configured defaults, computed at first use and again after
 * each import that changed statistics, by this process or another (the CLI, a second server on the database).
 */
@ApplicationScoped
public class CountryRisks implements CountryRiskSource {

    private static final long CHECK_EVERY_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(2);

    private final TradeAnalysisService analysis;
    private volatile List<CountryRisk> current;
    /** The statistics {@link #current} was computed from (row count and newest import), to notice other processes' imports. */
    private volatile String computedFrom;
    private volatile long checkedAt;

    private final jakarta.enterprise.event.Event<CountryRisksChanged> risksChanged;

    CountryRisks(TradeAnalysisService analysis, jakarta.enterprise.event.Event<CountryRisksChanged> risksChanged) {
        this.analysis = analysis;
        this.risksChanged = risksChanged;
    }

    /**
     * The risks, recomputed first when the statistics changed since (an import by the CLI or another server). The
     * statistics are looked at once per {@link #CHECK_EVERY_NANOS} at most: counting them on every screening would
     * cost more than the screening.
     */
    @Override
    public List<CountryRisk> risks() {
        long now = System.nanoTime();
        if (current != null && now - checkedAt < CHECK_EVERY_NANOS) {
            return current;
        }
        checkedAt = now;
        String statistics = statistics();
        List<CountryRisk> risks = current;
        if (risks == null || !statistics.equals(computedFrom)) {
            synchronized (this) {
                if (current == null || !statistics.equals(computedFrom)) {
                    refresh();
                }
                risks = current;
            }
        }
        return risks;
    }

    private static String statistics() {
        return QuarkusTransaction.joiningExisting().call(() -> {
            Object[] row = TradeStatistic.getEntityManager()
                    .createQuery("select count(t), max(t.importedAt) from TradeStatistic t", Object[].class).getSingleResult();
            return row[0] + "@" + row[1];
        });
    }

    /** After this process imported statistics: recompute, and say which countries' risk changed. */
    void onTradeStatisticsChanged(@Observes TradeStatisticsChanged event) {
        List<CountryRisk> before = current == null ? List.of() : current;
        refresh();
        java.util.Set<String> countries = changedCountries(before, current);
        if (!countries.isEmpty()) {
            risksChanged.fire(new CountryRisksChanged(countries));
        }
    }

    /** The countries whose score differs between the two analyses, or that have a score in only one of them. */
    static java.util.Set<String> changedCountries(List<CountryRisk> before, List<CountryRisk> after) {
        java.util.Map<String, Integer> was = new java.util.HashMap<>();
        before.forEach(r -> was.put(r.country(), r.score()));
        java.util.Set<String> countries = new java.util.TreeSet<>();
        for (CountryRisk risk : after) {
            if (!Integer.valueOf(risk.score()).equals(was.remove(risk.country()))) {
                countries.add(risk.country());
            }
        }
        countries.addAll(was.keySet());
        return countries;
    }

    /** Recomputes from the stored statistics and swaps the result in. */
    public synchronized void refresh() {
        long start = System.nanoTime();
        computedFrom = statistics();
        TradeAnalysis result = analysis.analyze(analysis.request(null, null, null));
        current = result.countries().stream().map(CountryTradeRisk::fact).toList();
        Log.infof("Country risks: %d countries from trade statistics %s vs %s in %d ms", current.size(), result.period(),
                result.baseline(), (System.nanoTime() - start) / 1_000_000);
    }
}
