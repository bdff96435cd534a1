package org.clearance.screening;

/** Told how far a long run is, so that the command line can show it; the HTTP API and streams ignore it. */
@FunctionalInterface
public interface Progress {

    Progress NONE = (phase, done, total) -> {
    };

    /** {@code done} of {@code total} items of {@code phase} ("screening", "storing") are complete; total -1 if unknown. */
    void update(String phase, int done, int total);
}
