package org.clearance.rules.mutation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Locale;
import org.clearance.reports.JunitXml;

/** Writes a {@link MutationReport} as text, JSON or JUnit XML (a suite per rule file, a surviving mutant = a failure). */
public final class MutationReportWriter {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private MutationReportWriter() {
    }

    public static void text(MutationReport report, PrintWriter out) {
        for (String problem : report.problems()) {
            out.println("ERROR " + problem);
        }
        for (MutantResult survivor : report.survivors()) {
            out.println("SURVIVED " + survivor.mutant().survivorMessage());
        }
        report.withStatus(MutantResult.Status.NOT_RUN).stream().map(r -> r.mutant().rule().id()).distinct()
                .forEach(rule -> out.println("NOT RUN rule " + rule + ": " + MutationWorker.NOT_SWAPPABLE.substring("not run: ".length())));
        for (MutantResult timedOut : report.withStatus(MutantResult.Status.TIMED_OUT)) {
            out.println("TIMED OUT " + timedOut.mutant().where() + ": " + timedOut.detail() + " (counts as killed)");
        }
        for (MutationReport.Score rule : report.byRule()) {
            out.println(line("rule", rule));
        }
        for (MutationReport.Score file : report.byFile()) {
            out.println(line("file", file));
        }
        out.println(line("mutation score", report.overall()).replace("mutation score pack", "mutation score"));
        out.printf(Locale.ROOT, "%d mutants in %.1f s (%.1f mutants/s, %d thread%s)%n", report.results().size(),
                report.elapsed().toMillis() / 1000.0, report.mutantsPerSecond(), report.threads(),
                report.threads() == 1 ? "" : "s");
        out.flush();
    }

    private static String line(String kind, MutationReport.Score score) {
        return String.format(Locale.ROOT, "%s %s: %.1f %% (%d killed, %d timed out, %d survived, %d equivalent, %d did not compile, %d not run)",
                kind, score.name(), score.percent(), score.killed(), score.timedOut(), score.survived(), score.equivalent(),
                score.notCompiled(), score.notRun());
    }

    public static void json(MutationReport report, PrintWriter out) {
        ObjectNode root = JSON.createObjectNode();
        root.set("overall", score(report.overall()));
        ArrayNode files = root.putArray("files");
        report.byFile().forEach(f -> files.add(score(f)));
        ArrayNode rules = root.putArray("rules");
        report.byRule().forEach(r -> rules.add(score(r)));
        ArrayNode mutants = root.putArray("mutants");
        for (MutantResult result : report.results()) {
            ObjectNode m = mutants.addObject();
            m.put("rule", result.mutant().rule().id());
            m.put("file", result.mutant().file());
            m.put("line", result.mutant().line());
            m.put("operator", result.mutant().operator().label());
            m.put("mutant", result.mutant().description());
            m.put("status", result.status().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            if (result.status() == MutantResult.Status.SURVIVED) {
                m.put("message", result.mutant().survivorMessage());
            } else if (result.detail() != null) {
                m.put(switch (result.status()) {
                    case EQUIVALENT -> "reason";
                    case KILLED -> "killedBy";
                    default -> "detail";
                }, result.detail());
            }
        }
        ArrayNode problems = root.putArray("problems");
        report.problems().forEach(problems::add);
        ObjectNode timing = root.putObject("timing");
        timing.put("seconds", report.elapsed().toMillis() / 1000.0);
        timing.put("mutantsPerSecond", Math.round(report.mutantsPerSecond() * 10) / 10.0);
        timing.put("threads", report.threads());
        try {
            out.println(JSON.writeValueAsString(root));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a report tree always serialises", e);
        }
        out.flush();
    }

    private static ObjectNode score(MutationReport.Score score) {
        ObjectNode node = JSON.createObjectNode();
        node.put("name", score.name());
        node.put("score", Math.round(score.percent() * 10) / 10.0);
        node.put("killed", score.killed());
        node.put("timedOut", score.timedOut());
        node.put("survived", score.survived());
        node.put("equivalent", score.equivalent());
        node.put("notCompiled", score.notCompiled());
        node.put("notRun", score.notRun());
        return node;
    }

    /**
     * A suite per rule file, a test case per mutant: survivors fail; equivalent, timed-out and uncompilable mutants
     * pass with what became of them in the name.
     */
    public static void junit(MutationReport report, PrintWriter out) {
        JunitXml xml = new JunitXml("clearance rules test --mutate");
        for (MutantResult result : report.results()) {
            Mutant mutant = result.mutant();
            String name = mutant.line() + ": " + mutant.description()
                    + (result.status() == MutantResult.Status.EQUIVALENT ? " (equivalent)"
                    : result.status() == MutantResult.Status.NOT_COMPILED ? " (does not compile, skipped)"
                    : result.status() == MutantResult.Status.TIMED_OUT ? " (timed out, counts as killed)"
                    : result.status() == MutantResult.Status.NOT_RUN ? " (not run: the rule cannot be swapped in place)" : "");
            xml.add(mutant.file(), mutant.file(), result.status() == MutantResult.Status.SURVIVED
                    ? new JunitXml.TestCase(mutant.rule().id(), name, JunitXml.Outcome.FAILURE, "surviving-mutant",
                            mutant.survivorMessage(), mutant.survivorMessage())
                    : new JunitXml.TestCase(mutant.rule().id(), name, null, null, null, null));
        }
        for (String problem : report.problems()) {
            xml.add("mutation records", null, new JunitXml.TestCase("mutation records", problem, JunitXml.Outcome.ERROR,
                    "mutation-record", problem, problem));
        }
        xml.write(out);
    }
}
