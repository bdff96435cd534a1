package org.clearance.trade;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Set;
import org.clearance.rules.RulePackRegistry;

/** Runs the surge analysis over the stored statistics, with the CHP codes of the active rule pack. */
@ApplicationScoped
public class TradeAnalysisService {

    private final RulePackRegistry rules;
    private final TradeConfig config;

    TradeAnalysisService(RulePackRegistry rules, TradeConfig config) {
        this.rules = rules;
        this.config = config;
    }

    /** A request from optional overrides; null or blank means the configured default. */
    public AnalysisRequest request(String baseline, String period, List<String> neighbours) {
        return new AnalysisRequest(YearRange.parse(blank(baseline) ? config.baseline() : baseline),
                MonthRange.parse(blank(period) ? config.period() : period),
                Set.copyOf(neighbours == null || neighbours.isEmpty() ? config.neighbours() : neighbours),
                Set.copyOf(config.g7()));
    }

    @Transactional
    public TradeAnalysis analyze(AnalysisRequest request) {
        Set<String> chp = ChpCodes.of(rules.current());
        List<TradeRow> rows = chp.isEmpty() ? List.of() // "in ()" is no SQL
                : TradeStatistic.<TradeStatistic>list("periodYear between ?1 and ?2 and hsCode in ?3",
                        request.baseline().first(), request.period().last().getYear(), chp).stream()
                        .map(s -> s.row()).toList();
        return new TradeAnalysis(request.baseline().toString(), request.period().toString(), request.neighbours(),
                request.g7(), chp.size(), new TradeAnalyzer(chp).analyze(rows, request));
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
