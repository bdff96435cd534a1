package org.clearance.rules;

/** One reason a rule pack cannot be loaded, located by file (relative to the pack) and line. */
public record RulePackProblem(String file, int line, String message) {

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }
}
