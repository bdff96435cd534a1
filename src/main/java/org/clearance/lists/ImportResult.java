package org.clearance.lists;

import java.util.List;

/**
 * What an import did: stored a new active version, or found the identical file already active and changed nothing.
 * {@code previousVersion}: the version that was active before (null for a source's first import) and {@code versionId}
 * the active one now, by id; not reported. {@code unmappedLists}: the file's list codes the rule pack does not map,
 * whose matches are reviewed by default (the import warns about them).
 */
public record ImportResult(Status status, ListVersionView version,
                           @com.fasterxml.jackson.annotation.JsonIgnore java.util.UUID previousVersion,
                           @com.fasterxml.jackson.annotation.JsonIgnore java.util.UUID versionId,
                           List<UnmappedList> unmappedLists) {

    /** Outcome of one import. */
    public enum Status {
        IMPORTED, UNCHANGED
    }

    public ImportResult {
        unmappedLists = unmappedLists == null ? List.of() : List.copyOf(unmappedLists);
    }

    public ImportResult(Status status, ListVersionView version, java.util.UUID previousVersion, java.util.UUID versionId) {
        this(status, version, previousVersion, versionId, List.of());
    }

    public ImportResult withUnmappedLists(List<UnmappedList> unmapped) {
        return new ImportResult(status, version, previousVersion, versionId, unmapped);
    }

    public boolean changed() {
        return status == Status.IMPORTED;
    }
}
