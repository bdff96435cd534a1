package org.clearance.reports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.clearance.cli.ScreeningReport;
import org.clearance.facts.Severity;
import org.clearance.rules.RuleInfo;
import org.clearance.screening.FindingView;
import org.clearance.screening.ScreeningView;

/**
 * {@code clearance screen --format sarif}: a SARIF 2.1.0 log with one run. Every decision rule of
 * the pack is a reportingDescriptor (id, title, citation, jurisdiction, severity, confidence and,
 * where the rule gives {@code @url}, helpUri); every finding is a result whose level follows its
 * severity, located at the order file and the line and column of the field it concerns. Input
 * errors, and the problems of a run that stopped early ({@link #writeStopped}), make the invocation
 * unsuccessful: each is a tool execution notification and an error result of the rule {@code input}
 * or {@code rule-pack}.
 */
public final class SarifReportWriter {

    /** The $id of the OASIS SARIF 2.1.0 schema (oasis-tcs/sarif-spec, Schemata/sarif-schema-2.1.0.json). */
    static final String SCHEMA = "https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final SourceMap sources;
    private final List<RuleInfo> rules;

    public SarifReportWriter(SourceMap sources, List<RuleInfo> rules) {
        this.sources = sources;
        this.rules = rules.stream().filter(r -> !r.classification()).toList();
    }

    public void write(ScreeningReport report, PrintWriter out) {
        ObjectNode log = log();
        ObjectNode run = (ObjectNode) log.get("runs").get(0);
        Map<String, Integer> ruleIndex = new HashMap<>();
        ArrayNode descriptors = (ArrayNode) run.get("tool").get("driver").get("rules");
        for (RuleInfo rule : rules) {
            ruleIndex.put(rule.id(), descriptors.size());
            descriptors.add(descriptor(rule));
        }
        List<RunProblem> problems = report.errors().stream().map(p -> new RunProblem(RunProblem.INPUT,
                sources.locate(p.source(), p.pointer()), (p.pointer().isEmpty() ? "/" : p.pointer()) + ": " + p.message()))
                .toList();
        ArrayNode results = problems(run, problems);
        for (ScreeningView screening : report.results()) {
            for (FindingView finding : screening.findings()) {
                results.add(result(screening, finding, ruleIndex));
            }
        }
        if (report.rulePack() != null) {
            run.putObject("properties").put("rule_pack", report.rulePack());
        }
        print(log, out);
    }

    /**
     * The log of a run that stopped before screening (the rule pack does not load, an option cannot be used): no
     * decision rules, a failed invocation, and each problem as an error result, so code scanning shows it.
     */
    public static void writeStopped(List<RunProblem> problems, PrintWriter out) {
        ObjectNode log = log();
        problems((ObjectNode) log.get("runs").get(0), problems);
        print(log, out);
    }

    private static ObjectNode log() {
        ObjectNode log = JSON.createObjectNode();
        log.put("$schema", SCHEMA);
        log.put("version", "2.1.0");
        ObjectNode run = log.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "Clearance");
        driver.putArray("rules");
        return log;
    }

    /**
     * Records {@code problems} in {@code run}: the invocation fails and lists them as notifications, and each is also an
     * error result of the rule named by its kind (notifications alone are not shown as code scanning alerts).
     * Returns the results array, for the findings to follow.
     */
    private static ArrayNode problems(ObjectNode run, List<RunProblem> problems) {
        ObjectNode invocation = run.putArray("invocations").addObject();
        invocation.put("executionSuccessful", problems.isEmpty());
        ArrayNode notifications = invocation.putArray("toolExecutionNotifications");
        ArrayNode results = run.putArray("results");
        ArrayNode descriptors = (ArrayNode) run.get("tool").get("driver").get("rules");
        Map<String, Integer> kinds = new HashMap<>();
        for (RunProblem problem : problems) {
            ObjectNode notification = notifications.addObject();
            notification.put("level", "error");
            notification.putObject("message").put("text", problem.message());
            location(problem.at(), notification.putArray("locations"));
            ObjectNode result = results.addObject();
            result.put("ruleId", problem.kind());
            result.put("ruleIndex", kinds.computeIfAbsent(problem.kind(), kind -> {
                descriptors.add(problemDescriptor(kind));
                return descriptors.size() - 1;
            }));
            result.put("level", "error");
            result.putObject("message").put("text", problem.message());
            location(problem.at(), result.putArray("locations"));
        }
        return results;
    }

    /** The rule that results for problems refer to: what the kind means and what to do about it. */
    private static ObjectNode problemDescriptor(String kind) {
        boolean pack = kind.equals(RunProblem.RULE_PACK);
        String title = pack ? "The rule pack does not load" : "Input that cannot be screened";
        ObjectNode descriptor = JSON.createObjectNode();
        descriptor.put("id", kind);
        descriptor.put("name", title);
        descriptor.putObject("shortDescription").put("text", title);
        descriptor.putObject("fullDescription").put("text", pack
                ? "A rule file does not compile, uses code the rule pack allow-list refuses, or a data file is invalid; "
                        + "nothing was screened."
                : "An order file that cannot be read, an order that is invalid, or an option that cannot be used; "
                        + "what it concerns was not screened.");
        descriptor.putObject("help").put("text", pack
                ? "Run 'clearance rules test' on the pack and fix every problem it names (docs/authoring.md)."
                : "Fix the order as the message says (docs/order-format.md) or the command line (docs/cli.md).");
        descriptor.putObject("defaultConfiguration").put("level", "error");
        return descriptor;
    }

    private static void print(ObjectNode log, PrintWriter out) {
        try {
            out.println(JSON.writeValueAsString(log));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the SARIF report", e);
        }
        out.flush();
    }

    private static ObjectNode descriptor(RuleInfo rule) {
        ObjectNode descriptor = JSON.createObjectNode();
        descriptor.put("id", rule.id());
        descriptor.put("name", rule.title());
        descriptor.putObject("shortDescription").put("text", rule.title());
        descriptor.putObject("fullDescription").put("text", rule.citation());
        if (rule.url() != null) {
            descriptor.put("helpUri", rule.url());
        }
        descriptor.putObject("help").put("text", rule.citation()
                + ("verify".equals(rule.confidence()) ? " (verify against the official text)" : "")
                + "; in force from " + rule.effective() + ". Rule " + rule.file() + ":" + rule.line());
        descriptor.putObject("defaultConfiguration").put("level", level(rule.severity()));
        ObjectNode properties = descriptor.putObject("properties");
        properties.put("jurisdiction", rule.jurisdiction().name());
        properties.put("severity", rule.severity().name());
        properties.put("citation", rule.citation());
        if (rule.confidence() != null) {
            properties.put("confidence", rule.confidence());
        }
        properties.put("effective", rule.effective().toString());
        properties.putArray("tags").add("export-control").add(rule.jurisdiction().name());
        return descriptor;
    }

    private ObjectNode result(ScreeningView screening, FindingView finding, Map<String, Integer> ruleIndex) {
        ObjectNode result = JSON.createObjectNode();
        result.put("ruleId", finding.ruleId());
        Integer index = ruleIndex.get(finding.ruleId());
        if (index != null) {
            result.put("ruleIndex", index);
        }
        result.put("level", level(finding.severity()));
        result.putObject("message").put("text", "Order " + screening.orderId() + ", " + finding.subject().label()
                + ": " + finding.message());
        location(sources.locate(screening.source(), finding.subject().pointer()), result.putArray("locations"));
        // Lets code scanning recognise the same finding across runs even when lines move.
        result.putObject("partialFingerprints").put("clearanceFinding/v1",
                screening.orderId() + "|" + finding.ruleId() + "|" + finding.subject().pointer());
        ObjectNode properties = result.putObject("properties");
        properties.put("order_id", screening.orderId());
        properties.put("decision", screening.decision().name());
        properties.put("jurisdiction", finding.jurisdiction().name());
        properties.put("severity", finding.severity().name());
        properties.put("citation", finding.citation());
        if (finding.confidence() != null) {
            properties.put("confidence", finding.confidence());
        }
        if (finding.override() != null) {
            properties.put("override", finding.override());
        }
        properties.put("subject", finding.subject().pointer());
        return result;
    }

    private static void location(Position at, ArrayNode locations) {
        String uri = at.file() == null ? null : uri(at.file());
        if (uri == null) {
            return;
        }
        ObjectNode physical = locations.addObject().putObject("physicalLocation");
        physical.putObject("artifactLocation").put("uri", uri);
        if (at.hasLine()) {
            ObjectNode region = physical.putObject("region");
            region.put("startLine", at.line());
            if (at.hasColumn()) {
                region.put("startColumn", at.column());
            }
        }
    }

    /**
     * A relative URI reference for a relative path (resolved against the checkout by code scanning), a file: URI for an
     * absolute one, null for stdin. Whatever the file name holds (spaces, '#', '%', '?', control characters, non-ASCII)
     * is percent-encoded as UTF-8, and a first segment with ':' gets "./" so that it is not read as a scheme
     * (RFC 3986, section 4.2).
     */
    static String uri(String file) {
        if (file.equals("<stdin>")) {
            return null; // stdin has no artifact
        }
        String name = wellFormed(file);
        try {
            if (Path.of(name).isAbsolute()) {
                return Path.of(name).toUri().toASCIIString();
            }
        } catch (InvalidPathException e) {
            // not a path this system could open (e.g. a NUL character): still a name to show, as a relative reference
        }
        String path = name.replace('\\', '/');
        if (path.split("/", 2)[0].contains(":")) {
            path = "./" + path;
        }
        try {
            return new URI(null, null, path, null).toASCIIString();
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** {@code text} with each lone surrogate replaced by U+FFFD: it has no UTF-8 form to percent-encode. */
    private static String wellFormed(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.appendCodePoint(
                c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE ? 0xFFFD : c));
        return out.toString();
    }

    static String level(Severity severity) {
        return switch (severity) {
            case BLOCK -> "error";
            case REVIEW -> "warning";
            case INFO -> "note";
        };
    }
}
