package org.clearance.trade;

import java.math.BigDecimal;
import org.clearance.facts.CountryRisk;

/**
 * The analysis of one reporter: its CHP exports to Russia, Belarus and neighbours now and in the baseline (average of
 * the same months), its CHP imports from the G7 now and then, the mirror figures (what it says it exported to
 * neighbours that report, and what those say they imported from it), the score and the evidence in words. Ratios and
 * shares are null when their denominator is zero.
 */
public record CountryTradeRisk(int rank, String country, int score, BigDecimal exportsUsd, BigDecimal baselineExportsUsd,
                               Double exportRatio, BigDecimal g7ImportsUsd, BigDecimal baselineG7ImportsUsd,
                               Double g7ImportChange, BigDecimal mirrorExportsUsd, BigDecimal mirrorPartnerImportsUsd,
                               Double mirrorGap, RiskScore.Parts scoreParts, String evidence) {

    public CountryRisk fact() {
        return new CountryRisk(country, score, evidence);
    }

    CountryTradeRisk ranked(int newRank) {
        return new CountryTradeRisk(newRank, country, score, exportsUsd, baselineExportsUsd, exportRatio, g7ImportsUsd,
                baselineG7ImportsUsd, g7ImportChange, mirrorExportsUsd, mirrorPartnerImportsUsd, mirrorGap, scoreParts,
                evidence);
    }
}
