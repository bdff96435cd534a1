package org.clearance.cases;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import org.clearance.screening.Decision;

/** How soon a case should be worked: a BLOCK first, then a REVIEW with a high risk score, then the other REVIEWs. */
public enum Priority {
    HIGH, MEDIUM, LOW;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Priority of(Decision decision, Integer riskScore, int mediumFromRiskScore) {
        if (decision == Decision.BLOCK) {
            return HIGH;
        }
        return riskScore != null && riskScore >= mediumFromRiskScore ? MEDIUM : LOW;
    }
}
