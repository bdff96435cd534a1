package org.clearance.audit;

/**
 * One thing verification found wrong: what kind, which audit record ({@code seq}, 0 when none) and which subject
 * (a screening id, a pack hash…), in a sentence that names them.
 */
public record AuditProblem(Kind kind, long seq, String subject, String message) {

    /** What was found. */
    public enum Kind {
        /** A sequence number is missing: a record was deleted. */
        RECORD_MISSING,
        /** A record's chain value does not follow from the one before: it was changed, inserted or moved. */
        RECORD_CHANGED,
        /** The chain head names a later record than the last one present: records at the end were deleted. */
        HEAD_MISMATCH,
        /** The chain value at an anchor kept outside the system differs: the chain was rewritten. */
        ANCHOR_MISMATCH,
        /** A screening's rows no longer hash to the content its audit record holds. */
        SCREENING_CHANGED,
        /** A screening named by an audit record is gone. */
        SCREENING_DELETED,
        /** A screening has no audit record: it was inserted without going through Clearance. */
        SCREENING_NOT_AUDITED,
        /** A kept country risk list no longer hashes to the name its screenings know it by: it was changed. */
        COUNTRY_RISKS_CHANGED
    }
}
