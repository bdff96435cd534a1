package org.clearance.replay;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clearance.facts.Jurisdiction;
import org.clearance.screening.Decision;
import org.clearance.screening.FindingView;

/**
 * A stored screening screened again: with the pack and list versions it was made with ({@code mode} "original") or
 * with today's ({@code "current"}), and how the outcome compares. {@code context} says where the country risks and
 * the buyer history came from: {@value #CONTEXT_RECORDED} (stored with the screening), {@value #CONTEXT_NOT_RECORDED}
 * (a screening stored before they were recorded: today's) or {@value #CONTEXT_CURRENT}. Nothing of it is stored.
 */
public record ReplayReport(UUID screeningId, String orderId, String mode, Instant screenedAt, LocalDate asOf,
                           String rulePack, String listVersions, String context, boolean identical,
                           Decision storedDecision, Decision replayedDecision, Map<Jurisdiction, Decision> storedVerdicts,
                           Map<Jurisdiction, Decision> replayedVerdicts, List<FindingView> findings,
                           List<FindingView> added, List<FindingView> removed, List<String> notes) {

    public static final String CONTEXT_RECORDED = "recorded";
    public static final String CONTEXT_NOT_RECORDED = "not recorded";
    public static final String CONTEXT_CURRENT = "current";
}
