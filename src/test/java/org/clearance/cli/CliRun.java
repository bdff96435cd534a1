package org.clearance.cli;

import java.util.List;

/** One command's exit code and what it printed: standard output, and standard error with the problems it logged. */
public record CliRun(int exitCode, String output, String errors) {

    public List<String> outputLines() {
        return output.lines().toList();
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout\n" + output + "--- stderr\n" + errors;
    }
}
