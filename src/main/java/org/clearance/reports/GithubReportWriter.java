package org.clearance.reports;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.clearance.cli.ScreeningReport;
import org.clearance.facts.Severity;
import org.clearance.order.InputProblem;
import org.clearance.screening.Decision;
import org.clearance.screening.FindingView;
import org.clearance.screening.ScreeningView;

/**
 * {@code clearance screen --format github}: one GitHub Actions workflow command per finding
 * ({@code ::error file=…,line=…,col=…,title=…::message}), which the runner turns into an annotation
 * on the order file. Findings at or above {@code --fail-on} and input errors are {@code error}, other
 * REVIEW findings {@code warning}, INFO findings {@code notice}; a plain summary line follows.
 */
public final class GithubReportWriter {

    private final SourceMap sources;
    private final Decision failOn;

    public GithubReportWriter(SourceMap sources, Decision failOn) {
        this.sources = sources;
        this.failOn = failOn;
    }

    public void write(ScreeningReport report, PrintWriter out) {
        for (ScreeningView result : report.results()) {
            for (FindingView finding : result.findings()) {
                Position at = sources.locate(result.source(), finding.subject().pointer());
                String title = finding.ruleId() + " " + finding.jurisdiction() + " " + finding.severity()
                        + " (order " + result.orderId() + ")";
                String message = finding.subject().label() + ": " + finding.message() + "\n" + finding.citation()
                        + ("verify".equals(finding.confidence()) ? " [verify]" : "");
                out.println(command(level(finding.severity()), at, title, message));
            }
        }
        for (InputProblem problem : report.errors()) {
            Position at = sources.locate(problem.source(), problem.pointer());
            out.println(command("error", at, "input error",
                    (problem.pointer().isEmpty() ? "/" : problem.pointer()) + ": " + problem.message()));
        }
        long failing = report.results().stream().filter(r -> r.decision().atLeast(failOn)).count();
        out.printf("clearance: %d order(s) screened, %d at or above %s, %d input error(s)%n",
                report.results().size(), failing, failOn, report.errors().size());
        out.flush();
    }

    /** A run that stopped before screening: an error annotation per problem, at its rule or input file. */
    public static void writeStopped(List<RunProblem> problems, PrintWriter out) {
        for (RunProblem problem : problems) {
            String title = problem.kind().equals(RunProblem.RULE_PACK) ? "rule pack does not load" : "input error";
            out.println(command("error", problem.at(), title, problem.message()));
        }
        boolean pack = problems.stream().anyMatch(p -> p.kind().equals(RunProblem.RULE_PACK));
        out.printf("clearance: nothing screened: %d %s%n", problems.size(),
                pack ? "rule pack problem(s)" : "input error(s)");
        out.flush();
    }

    private String level(Severity severity) {
        if (Thresholds.fails(severity, failOn)) {
            return "error";
        }
        return severity == Severity.INFO ? "notice" : "warning";
    }

    static String command(String level, Position at, String title, String message) {
        List<String> properties = new ArrayList<>();
        if (at.file() != null) {
            properties.add("file=" + property(at.file()));
        }
        if (at.file() != null && at.hasLine()) {
            properties.add("line=" + at.line());
        }
        if (at.file() != null && at.hasColumn()) {
            properties.add("col=" + at.column());
        }
        properties.add("title=" + property(title));
        return "::" + level + " " + String.join(",", properties) + "::" + data(message);
    }

    /** Escapes the message of a workflow command (the runner's own escaping rules). */
    static String data(String value) {
        return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** Escapes a property value, where ':' and ',' also delimit. */
    static String property(String value) {
        return data(value).replace(":", "%3A").replace(",", "%2C");
    }
}
