package org.clearance.cli;

/** The documented exit codes of every command (docs/cli.md). */
public final class ExitCodes {

    /** Nothing at or above the --fail-on threshold; tests passed. */
    public static final int OK = 0;
    /** An order at or above --fail-on, or a failing rule test. */
    public static final int FINDINGS = 1;
    /** Input errors: unreadable path, malformed JSON, invalid order. */
    public static final int INPUT = 2;
    /** The rule pack does not load. */
    public static final int RULE_PACK = 3;
    /** A failure inside Clearance itself. */
    public static final int INTERNAL = 70;

    private ExitCodes() {
    }
}
