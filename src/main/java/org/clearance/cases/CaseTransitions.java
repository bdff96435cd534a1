package org.clearance.cases;

import org.clearance.security.Actor;

/**
 * The state machine of a case, without the database: what an action makes of a case's status and pending release, or
 * which rule refuses it.
 * <pre>
 *   open ──assign──> in_review ──escalate──> escalated
 *   open | in_review | escalated ──release──> released          (four-eyes not required)
 *                                ──release──> same, release proposed ──approve (another officer)──> released
 *                                ──reject───> rejected
 *   released | rejected ──reopen──> open
 * </pre>
 * Comments are allowed in every status; requests for information, assignments and escalations only while open.
 */
final class CaseTransitions {

    /** The state after an action: status, who proposed a pending release (null: none) and a note for the timeline. */
    record Next(CaseStatus status, String releaseProposedBy, String detail) {
    }

    private CaseTransitions() {
    }

    static Next apply(CaseStatus status, String releaseProposedBy, CaseAction action, Actor actor, boolean fourEyes) {
        if (action == CaseAction.COMMENT) {
            return new Next(status, releaseProposedBy, null);
        }
        if (action == CaseAction.REOPEN) {
            if (!status.closed()) {
                throw new CaseConflictException("case-not-closed", "The case is " + status.label() + "; only a released "
                        + "or rejected case can be reopened.");
            }
            return new Next(CaseStatus.OPEN, null, "reopened from " + status.label());
        }
        if (status.closed()) {
            throw new CaseConflictException("case-closed", "The case is " + status.label() + "; reopen it first ("
                    + action.label() + " is allowed only on an open case).");
        }
        return switch (action) {
            case ASSIGN -> new Next(status == CaseStatus.OPEN ? CaseStatus.IN_REVIEW : status, releaseProposedBy, null);
            case REQUEST_INFORMATION -> new Next(status, releaseProposedBy, null);
            case ESCALATE -> {
                if (status == CaseStatus.ESCALATED) {
                    throw new CaseConflictException("already-escalated", "The case is already escalated.");
                }
                yield new Next(CaseStatus.ESCALATED, releaseProposedBy, null);
            }
            case RELEASE -> release(status, releaseProposedBy, actor, fourEyes);
            case APPROVE -> approve(releaseProposedBy, actor);
            case REJECT -> new Next(CaseStatus.REJECTED, null, releaseProposedBy == null ? null
                    : "the release proposed by " + releaseProposedBy + " is withdrawn");
            default -> throw new IllegalStateException("handled above: " + action);
        };
    }

    private static Next release(CaseStatus status, String releaseProposedBy, Actor actor, boolean fourEyes) {
        if (releaseProposedBy != null) {
            throw new CaseConflictException("release-pending", "A release proposed by " + releaseProposedBy
                    + " is waiting for a second officer's approval; approve or reject it.");
        }
        if (fourEyes) {
            return new Next(status, actor.name(), "release proposed; a second officer must approve it (four-eyes)");
        }
        return new Next(CaseStatus.RELEASED, null, null);
    }

    private static Next approve(String releaseProposedBy, Actor actor) {
        if (releaseProposedBy == null) {
            throw new CaseConflictException("no-release-proposed", "No release is waiting for approval; an officer "
                    + "proposes one with the release action first.");
        }
        if (releaseProposedBy.equals(actor.name())) {
            throw new CaseConflictException("four-eyes", "Four-eyes rule: " + actor.name() + " proposed this release "
                    + "and cannot also approve it; a second officer must.");
        }
        return new Next(CaseStatus.RELEASED, null, "approves the release proposed by " + releaseProposedBy);
    }
}
