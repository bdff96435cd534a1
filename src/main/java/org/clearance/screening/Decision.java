package org.clearance.screening;

import java.util.Collection;
import org.clearance.facts.Finding;
import org.clearance.facts.Severity;

/** The outcome of a screening: BLOCK if any BLOCK finding, else REVIEW if any REVIEW, else CLEAR. */
public enum Decision {
    CLEAR, REVIEW, BLOCK;

    public static Decision of(Collection<Finding> findings) {
        Decision decision = CLEAR;
        for (Finding finding : findings) {
            if (finding.severity() == Severity.BLOCK) {
                return BLOCK;
            }
            if (finding.severity() == Severity.REVIEW) {
                decision = REVIEW;
            }
        }
        return decision;
    }

    /** True when this decision is at least as severe as {@code threshold}. */
    public boolean atLeast(Decision threshold) {
        return compareTo(threshold) >= 0;
    }
}
