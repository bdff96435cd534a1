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
 * with today's ({@code "current"}), and how the outcome compares. Nothing of it is stored.
 */
public record ReplayReport(UUID screeningId, String orderId, String mode, Instant screenedAt, LocalDate asOf,
                           String rulePack, String listVersions, boolean identical, Decision storedDecision,
                           Decision replayedDecision, Map<Jurisdiction, Decision> storedVerdicts,
                           Map<Jurisdiction, Decision> replayedVerdicts, List<FindingView> findings,
                           List<FindingView> added, List<FindingView> removed, List<String> notes) {
}
