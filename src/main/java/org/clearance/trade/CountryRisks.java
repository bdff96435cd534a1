package org.clearance.trade;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.clearance.facts.CountryRisk;
import org.clearance.screening.CountryRiskSource;

/**
 * The country risks screening sees: the analysis with the configured defaults, computed at first use and again after
 * each import that changed statistics, so screening never waits on the database for them.
 */
@ApplicationScoped
public class CountryRisks implements CountryRiskSource {

    private final TradeAnalysisService analysis;
    private volatile List<CountryRisk> current;

    CountryRisks(TradeAnalysisService analysis) {
        this.analysis = analysis;
    }

    @Override
    public List<CountryRisk> risks() {
        List<CountryRisk> risks = current;
        if (risks == null) {
            synchronized (this) {
                if (current == null) {
                    refresh();
                }
                risks = current;
            }
        }
        return risks;
    }

    void onTradeStatisticsChanged(@Observes TradeStatisticsChanged event) {
        refresh();
    }

    /** Recomputes from the stored statistics and swaps the result in. */
    public synchronized void refresh() {
        long start = System.nanoTime();
        TradeAnalysis result = analysis.analyze(analysis.request(null, null, null));
        current = result.countries().stream().map(CountryTradeRisk::fact).toList();
        Log.infof("Country risks: %d countries from trade statistics %s vs %s in %d ms", current.size(), result.period(),
                result.baseline(), (System.nanoTime() - start) / 1_000_000);
    }
}
