package org.clearance.screening;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One contribution to a screening's risk score, as stored with the screening. */
@Embeddable
public class StoredRiskFactor {

    @Column(nullable = false, length = 64)
    public String factor;

    @Column(nullable = false)
    public int points;

    @Column(nullable = false, length = 100000)
    public String explanation;

    static StoredRiskFactor of(RiskView.Contribution contribution) {
        StoredRiskFactor stored = new StoredRiskFactor();
        stored.factor = contribution.factor();
        stored.points = contribution.points();
        stored.explanation = contribution.explanation();
        return stored;
    }

    RiskView.Contribution toContribution() {
        return new RiskView.Contribution(factor, points, explanation);
    }
}
