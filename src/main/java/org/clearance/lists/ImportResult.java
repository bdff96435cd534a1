package org.clearance.lists;

/**
 * What an import did: stored a new active version, or found the identical file already active and changed nothing.
 * {@code previousVersion}: the version that was active before (null for a source's first import) and {@code versionId}
 * the active one now, by id; not reported.
 */
public record ImportResult(Status status, ListVersionView version,
                           @com.fasterxml.jackson.annotation.JsonIgnore java.util.UUID previousVersion,
                           @com.fasterxml.jackson.annotation.JsonIgnore java.util.UUID versionId) {

    /** Outcome of one import. */
    public enum Status {
        IMPORTED, UNCHANGED
    }

    public boolean changed() {
        return status == Status.IMPORTED;
    }
}
