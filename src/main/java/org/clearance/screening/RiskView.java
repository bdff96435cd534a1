package org.clearance.screening;

import java.util.List;
import org.clearance.facts.RiskFactor;

/**
 * An order's risk score explained: the sum of its contributions (item tier, country, red flags, customer history),
 * the score at which it needs review (ALL-RISK-01; null when the pack has no threshold) and each contribution,
 * largest first.
 */
public record RiskView(int score, Integer reviewScore, List<Contribution> contributions) {

    /** One contribution: the factor (a CHP tier, {@code country-source} or a rule id), its points and why. */
    public record Contribution(String factor, int points, String explanation) {
    }

    public static RiskView of(List<RiskFactor> factors, Integer reviewScore) {
        List<RiskFactor> distinct = RiskFactor.distinct(factors);
        return new RiskView(RiskFactor.total(distinct), reviewScore, distinct.stream()
                .map(f -> new Contribution(f.factor(), f.points(), f.explanation())).toList());
    }
}
