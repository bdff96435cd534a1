package org.clearance.reports;

import org.clearance.facts.Severity;
import org.clearance.screening.Decision;

/** Whether a finding counts as a policy failure under {@code --fail-on}. */
public final class Thresholds {

    private Thresholds() {
    }

    /** The decision a finding of this severity alone would cause (INFO never changes a decision). */
    public static Decision decisionOf(Severity severity) {
        return switch (severity) {
            case BLOCK -> Decision.BLOCK;
            case REVIEW -> Decision.REVIEW;
            case INFO -> Decision.CLEAR;
        };
    }

    /** True when a finding of {@code severity} makes the command fail at {@code failOn}. */
    public static boolean fails(Severity severity, Decision failOn) {
        Decision decision = decisionOf(severity);
        return decision != Decision.CLEAR && decision.atLeast(failOn);
    }
}
