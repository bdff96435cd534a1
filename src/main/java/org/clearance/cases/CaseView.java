package org.clearance.cases;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.clearance.facts.Jurisdiction;
import org.clearance.facts.Severity;
import org.clearance.screening.Decision;

/**
 * A case with everything an officer works from: the screenings attached, the findings and party matches of the latest
 * one (each with its {@code key} for a disposition and its current disposition), every disposition made and the
 * timeline.
 */
public record CaseView(UUID id, String orderId, CaseStatus status, Decision decision, Integer riskScore,
                       Priority priority, String assignee, Instant dueAt, boolean overdue, Instant openedAt,
                       Instant updatedAt, Instant closedAt, ReleaseProposal releaseProposal, boolean fourEyesRequired,
                       List<AttachedScreening> screenings, List<FindingItem> findings, List<MatchItem> partyMatches,
                       List<DispositionView> dispositions, List<TimelineEntry> timeline) {

    /** A release waiting for a second officer. */
    public record ReleaseProposal(String by, Instant at) {
    }

    public record AttachedScreening(UUID id, Decision decision, Integer riskScore, Instant screenedAt, String submittedBy) {
    }

    public record FindingItem(String key, String ruleId, Jurisdiction jurisdiction, Severity severity, String citation,
                              String message, String pointer, String label, DispositionView disposition) {
    }

    public record MatchItem(String key, String partyPointer, String partyRole, String partyName, String partyCountry,
                            String list, String sourceId, String entryName, double score, boolean strong,
                            String listVersion, DispositionView disposition) {
    }

    public record DispositionView(UUID id, String subject, DispositionType disposition, String reason,
                                  String authorisation, String decidedBy, Instant decidedAt, UUID dismissalId) {

        static DispositionView of(CaseDisposition d) {
            return new DispositionView(d.id, d.subject, d.disposition, d.reason, d.authorisation, d.decidedBy,
                    d.decidedAt, d.dismissalId);
        }
    }

    public record TimelineEntry(long seq, Instant at, String actor, String action, String reason, String detail,
                                CaseStatus statusAfter) {

        static TimelineEntry of(CaseEvent e) {
            return new TimelineEntry(e.id, e.at, e.actor, e.action, e.reason, e.detail, e.statusAfter);
        }
    }
}
