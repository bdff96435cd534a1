package org.clearance.cli;

/** The closed set of report formats of {@code clearance screen}. */
public enum OutputFormat {
    /** One block per order with its decision, verdicts and a table of findings. */
    TEXT,
    /** One JSON object: rule pack, results and errors (docs/cli.md). */
    JSON
}
