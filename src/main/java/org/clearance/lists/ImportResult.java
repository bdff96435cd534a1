package org.clearance.lists;

/** What an import did: stored a new active version, or found the identical file already active and changed nothing. */
public record ImportResult(Status status, ListVersionView version) {

    /** Outcome of one import. */
    public enum Status {
        IMPORTED, UNCHANGED
    }

    public boolean changed() {
        return status == Status.IMPORTED;
    }
}
