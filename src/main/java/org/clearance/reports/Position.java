package org.clearance.reports;

/**
 * Where something is in an input file: the file as given on the command line and, when known, the
 * 1-based line and column of the offending field (0 = unknown).
 */
public record Position(String file, int line, int column) {

    public boolean hasLine() {
        return line > 0;
    }
}
