package org.clearance.trade;

import java.util.List;
import java.util.Set;

/** The result of one analysis: what was compared and the ranked countries (the JSON of the CLI and the API). */
public record TradeAnalysis(String baseline, String period, Set<String> neighbours, Set<String> g7, int chpCodes,
                            List<CountryTradeRisk> countries) {
}
