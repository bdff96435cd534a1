package org.clearance.reports;

/**
 * Where something is in an input or rule file: the file as given on the command line (null when the problem is in
 * no file, such as a command-line option) and, when known, the 1-based line and column (0 = unknown).
 */
public record Position(String file, int line, int column) {

    /** Nowhere in particular: a problem of the command line itself. */
    public static final Position NONE = new Position(null, 0, 0);

    public boolean hasLine() {
        return line > 0;
    }

    public boolean hasColumn() {
        return line > 0 && column > 0;
    }

    /** {@code file}, {@code file:line} or {@code file:line:column}, as much as is known; null without a file. */
    public String where() {
        if (file == null) {
            return null;
        }
        return file + (hasLine() ? ":" + line : "") + (hasColumn() ? ":" + column : "");
    }
}
