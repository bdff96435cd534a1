package org.clearance.screening;

import java.util.Collection;
import org.clearance.facts.Finding;
import org.clearance.facts.Severity;

/**
 * The outcome of a screening: BLOCK if any BLOCK finding, else REVIEW if any REVIEW, else CLEAR. A regime's verdict
 * may also be NOT_APPLICABLE (the order has no nexus with it); an order's decision never is.
 */
public enum Decision {
    NOT_APPLICABLE, CLEAR, REVIEW, BLOCK;

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
