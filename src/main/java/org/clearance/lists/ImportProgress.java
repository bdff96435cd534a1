package org.clearance.lists;

/** Told how far a long import is, so the CLI can show progress; the HTTP API ignores it. */
@FunctionalInterface
public interface ImportProgress {

    ImportProgress NONE = (phase, done, total) -> {
    };

    /** {@code done} of {@code total} units of {@code phase} ("reading", "storing") are complete; total -1 if unknown. */
    void update(String phase, int done, int total);
}
