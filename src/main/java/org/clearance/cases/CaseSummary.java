package org.clearance.cases;

import java.time.Instant;
import java.util.UUID;
import org.clearance.screening.Decision;

/** A case in a list: enough to choose which to open. */
public record CaseSummary(UUID id, String orderId, CaseStatus status, Decision decision, Integer riskScore,
                          Priority priority, String assignee, Instant dueAt, boolean overdue, Instant openedAt,
                          Instant updatedAt, String releaseProposedBy) {

    static CaseSummary of(ComplianceCase c, Instant now) {
        return new CaseSummary(c.id, c.orderId, c.status, c.decision, c.riskScore, c.priority, c.assignee, c.dueAt,
                overdue(c, now), c.openedAt, c.updatedAt, c.releaseProposedBy);
    }

    static boolean overdue(ComplianceCase c, Instant now) {
        return !c.status.closed() && c.dueAt.isBefore(now);
    }
}
