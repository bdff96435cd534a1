package org.clearance.reports;

import java.io.PrintWriter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.clearance.cli.ScreeningReport;
import org.clearance.order.InputProblem;
import org.clearance.screening.Decision;
import org.clearance.screening.FindingView;
import org.clearance.screening.ScreeningView;

/**
 * {@code clearance screen --format junit}: a suite per input file, a test case per order × finding
 * (an order without findings is one passing case). Findings at or above {@code --fail-on} are
 * failures, the others pass with their details in {@code system-out}; input errors are errors.
 * A case is named by order id (class name) and rule id + subject pointer (name), so the same
 * finding keeps its name from run to run. A run that stopped early (the rule pack does not load,
 * an unusable option) is a failing case per problem ({@link #writeStopped}).
 */
public final class JunitReportWriter {

    private final SourceMap sources;
    private final Decision failOn;

    public JunitReportWriter(SourceMap sources, Decision failOn) {
        this.sources = sources;
        this.failOn = failOn;
    }

    public void write(ScreeningReport report, PrintWriter out) {
        JunitXml xml = new JunitXml("clearance screen");
        Set<String> names = new HashSet<>();
        for (ScreeningView result : report.results()) {
            String suite = sources.file(result.source());
            if (result.findings().isEmpty()) {
                xml.add(suite, suite, new JunitXml.TestCase(result.orderId(), unique(names, result.orderId(), "no findings"),
                        null, null, null, "CLEAR as of " + result.asOf() + ", rule pack " + report.rulePack()));
                continue;
            }
            for (FindingView finding : result.findings()) {
                String pointer = finding.subject().pointer() == null || finding.subject().pointer().isEmpty()
                        ? "/" : finding.subject().pointer();
                String name = unique(names, result.orderId(), finding.ruleId() + " " + pointer);
                Position at = sources.locate(result.source(), finding.subject().pointer());
                String details = details(result, finding, at, report.rulePack());
                boolean fails = Thresholds.fails(finding.severity(), failOn);
                xml.add(suite, suite, new JunitXml.TestCase(result.orderId(), name,
                        fails ? JunitXml.Outcome.FAILURE : null, finding.severity().name(),
                        finding.severity() + " " + finding.ruleId() + ": " + finding.message(), details));
            }
        }
        for (InputProblem problem : report.errors()) {
            String suite = sources.file(problem.source());
            String pointer = problem.pointer().isEmpty() ? "/" : problem.pointer();
            Position at = sources.locate(problem.source(), problem.pointer());
            xml.add(suite, suite, new JunitXml.TestCase(problem.source(), unique(names, problem.source(), "input " + pointer),
                    JunitXml.Outcome.ERROR, "input-error", problem.message(), where(at) + ": " + problem.message()));
        }
        xml.write(out);
    }

    private static String details(ScreeningView result, FindingView finding, Position at, String rulePack) {
        return "order " + result.orderId() + " (" + result.decision() + ") at " + where(at) + "\n"
                + finding.subject().label() + ": " + finding.message() + "\n"
                + finding.jurisdiction() + " " + finding.severity() + ", " + finding.citation()
                + ("verify".equals(finding.confidence()) ? " [verify]" : "") + "\n"
                + "rule pack " + rulePack;
    }

    static String where(Position at) {
        return at.where();
    }

    /**
     * The report of a run that stopped before it screened or tested anything ({@code command} names it, e.g.
     * {@code clearance rules test}): a failing case per problem, in a suite per kind of problem, so that a CI test
     * report shows why the step failed instead of an empty or missing file.
     */
    public static void writeStopped(String command, List<RunProblem> problems, PrintWriter out) {
        JunitXml xml = new JunitXml(command);
        Set<String> names = new HashSet<>();
        for (RunProblem problem : problems) {
            String suite = problem.kind().equals(RunProblem.RULE_PACK) ? "rule pack" : "input";
            String where = problem.at().where();
            String classname = problem.at().file() != null ? problem.at().file() : suite;
            String name = unique(names, classname, where != null ? problem.kind() + " " + where : problem.kind());
            xml.add(suite, null, new JunitXml.TestCase(classname, name, JunitXml.Outcome.FAILURE, problem.kind(),
                    problem.message(), where != null ? where + ": " + problem.message() : problem.message()));
        }
        xml.write(out);
    }

    /** The name itself, or with " #2", " #3"… when the same order has the same rule twice on one subject. */
    private static String unique(Set<String> names, String classname, String name) {
        String candidate = name;
        for (int n = 2; !names.add(classname + "\u0000" + candidate); n++) {
            candidate = name + " #" + n;
        }
        return candidate;
    }
}
