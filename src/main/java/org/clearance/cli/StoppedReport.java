package org.clearance.cli;

import java.io.PrintWriter;
import java.util.List;
import org.clearance.reports.GithubReportWriter;
import org.clearance.reports.JunitReportWriter;
import org.clearance.reports.RunProblem;
import org.clearance.reports.SarifReportWriter;

/**
 * The report of a command that stopped before it screened or tested anything (exit 2 or 3), in the CI formats:
 * a CI step publishes its report even when it failed, and an empty file would hide why (and break the upload).
 * Text and JSON write nothing here: their readers see the problems on stderr.
 */
final class StoppedReport {

    private StoppedReport() {
    }

    /** Writes {@code problems} as {@code format} ({@code JUNIT}, {@code SARIF} or {@code GITHUB}); others write nothing. */
    static void write(String format, String command, List<RunProblem> problems, PrintWriter out) {
        switch (format) {
            case "JUNIT" -> JunitReportWriter.writeStopped(command, problems, out);
            case "SARIF" -> SarifReportWriter.writeStopped(problems, out);
            case "GITHUB" -> GithubReportWriter.writeStopped(problems, out);
            default -> {
                // text and json: the problems are on stderr
            }
        }
    }
}
