package org.clearance.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.clearance.config.ClearanceConfig;
import org.clearance.order.InputProblem;
import org.clearance.parties.PartyIndex;
import org.clearance.reports.ImpactTextWriter;
import org.clearance.rules.RulePackInvalidException;
import org.clearance.rules.RulePackLoader;
import org.clearance.rules.diff.BaseCheckout;
import org.clearance.rules.diff.BasePackException;
import org.clearance.rules.diff.ImpactReport;
import org.clearance.rules.diff.RuleImpact;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.clearance.rules.RuleCatalogue;
import org.clearance.rules.RuleCoverage;
import org.clearance.rules.RuleInfo;
import org.clearance.rules.RulePack;
import org.clearance.rules.RulePackRegistry;
import org.clearance.rules.cases.RuleCase;
import org.clearance.rules.cases.RuleCaseFiles;
import org.clearance.rules.cases.RuleCaseRunner;
import org.clearance.rules.cases.RuleTestReport;
import org.clearance.rules.guard.TimeBudget;
import org.clearance.rules.reload.ReloadConfig;
import org.clearance.rules.mutation.MutationInputs;
import org.clearance.rules.mutation.MutationReport;
import org.clearance.rules.mutation.MutationReportWriter;
import org.clearance.rules.mutation.MutationScores;
import org.clearance.rules.mutation.MutationTester;
import org.clearance.reports.RuleTestJunitWriter;
import org.clearance.reports.RunProblem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code clearance rules list|test|activate|doc|diff}: inspect, test, activate, document and compare rule packs. */
@Command(name = "rules", description = "List, test, activate, document or compare the rules of a rule pack.",
        subcommands = {RulesCommand.ListRules.class, RulesCommand.TestRules.class, ActivateCommand.class, RulesCommand.DocRules.class,
                RulesCommand.DiffRules.class})
public class RulesCommand {

    /** Prints every rule with its metadata, so a regulator sees what to check. */
    @Command(name = "list", description = "List every rule with its id, jurisdiction, severity, effective date, confidence and citation.")
    static class ListRules implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        RulePackOption rules;

        @Inject
        RulePackRegistry registry;

        @Override
        public Integer call() {
            Optional<RulePack> loaded = rules.load(registry, spec.commandLine().getErr());
            if (loaded.isEmpty()) {
                return ExitCodes.RULE_PACK;
            }
            RulePack pack = loaded.get();
            PrintWriter out = spec.commandLine().getOut();
            String row = "%-20s %-4s %-8s %-10s %-10s %s%n";
            out.printf(row, "ID", "JUR", "SEVERITY", "EFFECTIVE", "CONFIDENCE", "CITATION");
            Map<String, RuleCoverage> incomplete = pack.incompleteCoverage();
            for (RuleInfo rule : pack.rules()) {
                out.printf(row, rule.id(), rule.jurisdiction(), rule.nexus() ? "(nexus)" : rule.classification() ? "(class.)" : rule.severity(),
                        rule.effective(), rule.confidence() == null ? "-" : rule.confidence(), rule.citation());
                if (incomplete.containsKey(rule.id())) {
                    out.printf("%20s ! %s%n", "", incomplete.get(rule.id()).summary());
                }
            }
            long cannotFire = incomplete.values().stream().filter(RuleCoverage::cannotFire).count();
            out.printf("%d rules, %d data files; rule pack %s%n", pack.rules().size(), pack.dataSets().size(), pack.hash());
            out.printf("%d rule(s) cannot fire on real orders (a data file they read is empty), %d read partial data (marked !)%n",
                    cannotFire, incomplete.size() - cannotFire);
            out.flush();
            return ExitCodes.OK;
        }
    }

    /** Runs the *.tests.yaml cases beside the rules. */
    @Command(name = "test", description = "Run the rule test cases (*.tests.yaml) of a rule pack; exit 1 on any failure or uncovered rule. "
            + "With --mutate, also change each rule condition in turn and exit 1 when a change no case notices brings the mutation score below --fail-under.")
    static class TestRules implements Callable<Integer> {

        /** The report formats of {@code rules test}. */
        enum Format {
            TEXT, JSON, JUNIT
        }

        private static final String COMMAND = "clearance rules test";

        @Spec
        CommandSpec spec;

        @Option(names = "--format", defaultValue = "text", description = "text, junit (JUnit XML, for CI test reports) or, with --mutate, json (default: ${DEFAULT-VALUE}).")
        Format format;

        @Option(names = "--mutate", description = "Mutation testing: run each rule's cases against mutants of its conditions and report those no case kills.")
        boolean mutate;

        @Option(names = "--mutate-only", paramLabel = "FILE",
                description = "With --mutate: mutate only the rules of this rule file (relative to DIR, e.g. us/de-minimis.drl); "
                        + "its scores replace theirs in mutation-scores.json.")
        String mutateOnly;

        @Option(names = "--fail-under", paramLabel = "PERCENT", defaultValue = "100",
                description = "With --mutate: exit 1 when the mutation score is below this percentage (default: ${DEFAULT-VALUE}).")
        double failUnder;

        @Option(names = "--threads", paramLabel = "N", description = "With --mutate: threads to run mutants on (default: the number of processors, at most 4).")
        Integer threads;

        @Parameters(arity = "0..1", paramLabel = "DIR", description = "Rule pack folder (default: ./rules).")
        Path directory;

        @Inject
        RulePackRegistry registry;

        @Inject
        ClearanceConfig config;

        @Inject
        ReloadConfig reloadConfig;

        @Override
        public Integer call() {
            Path dir = directory != null ? directory : registry.configuredDirectory();
            RulePackOption.Loaded loaded = RulePackOption.loadOrProblems(registry, dir, spec.commandLine().getErr());
            if (loaded.pack() == null) {
                // CI publishes the report even when the step failed: it must say why, not be empty.
                StoppedReport.write(format.name(), COMMAND, RunProblem.rulePack(dir, loaded.problems()), spec.commandLine().getOut());
                return ExitCodes.RULE_PACK;
            }
            RulePack pack = loaded.pack();
            if (format == Format.JSON && !mutate) {
                spec.commandLine().getErr().println("--format json needs --mutate (rules test writes text or junit)");
                return ExitCodes.INPUT;
            }
            if (failUnder < 0 || failUnder > 100 || (threads != null && threads < 1)) {
                String problem = "--fail-under must be a percentage from 0 to 100 and --threads at least 1";
                spec.commandLine().getErr().println(problem);
                StoppedReport.write(format.name(), COMMAND, List.of(RunProblem.input(problem)), spec.commandLine().getOut());
                return ExitCodes.INPUT;
            }
            String onlyFile = null;
            if (mutateOnly != null) {
                List<String> files = MutationTester.ruleFiles(pack);
                onlyFile = mutateOnly.replace('\\', '/').replaceFirst("^(\\./)+", "");
                String problem = !mutate ? "--mutate-only needs --mutate"
                        : files.contains(onlyFile) ? null
                        : "--mutate-only " + mutateOnly + ": no rule file of the pack in " + dir
                                + " has that name; give a path relative to it, one of: " + String.join(", ", files);
                if (problem != null) {
                    spec.commandLine().getErr().println(problem);
                    StoppedReport.write(format.name(), COMMAND, List.of(RunProblem.input(problem)), spec.commandLine().getOut());
                    return ExitCodes.INPUT;
                }
            }
            RuleTestReport report;
            try (ProgressLine progress = ProgressLine.on(spec.commandLine().getErr(), config.cli().progress())) {
                report = new RuleCaseRunner(pack).reportingTo(progress::update).run(dir, reloadConfig.checkTimeout());
            } catch (TimeBudget.ExceededException e) {
                spec.commandLine().getErr().println("clearance: " + e.getMessage());
                spec.commandLine().getErr().flush();
                StoppedReport.write(format.name(), COMMAND, List.of(new RunProblem(RunProblem.RULE_PACK,
                        new org.clearance.reports.Position(dir.toString(), 0, 0), e.getMessage())), spec.commandLine().getOut());
                return ExitCodes.FINDINGS;
            }
            PrintWriter out = spec.commandLine().getOut();
            List<String> decisionRules = pack.rules().stream().filter(r -> !r.classification()).map(RuleInfo::id).toList();
            if (mutate) {
                return mutate(dir, pack, report, decisionRules, onlyFile, out);
            }
            if (format == Format.JUNIT) {
                new RuleTestJunitWriter().write(report, decisionRules, out);
                return report.success() ? ExitCodes.OK : ExitCodes.FINDINGS;
            }
            for (String error : report.fileErrors()) {
                out.println("ERROR " + error);
            }
            for (RuleTestReport.Failure failure : report.failures()) {
                out.println("FAIL " + failure.testCase());
                failure.differences().forEach(d -> out.println("     " + d));
            }
            for (RuleTestReport.Uncovered gap : report.uncovered()) {
                out.println("UNCOVERED " + gap.ruleId() + " (" + gap.file() + "): " + String.join("; ", gap.gaps()));
            }
            out.printf("rule coverage: %d of %d rules fire in a case and have a near miss%n",
                    decisionRules.size() - report.uncovered().size(), decisionRules.size());
            for (RuleTestReport.Skipped skipped : report.skipped()) {
                out.println("SKIP " + skipped.testCase() + ": " + skipped.reason());
            }
            out.printf("%d passed, %d failed%s%n", report.passed(), report.failed(), report.skipped().isEmpty() ? ""
                    : ", " + report.skipped().size() + " skipped (they expect rules of packs this stack does not hold)");
            out.flush();
            return report.success() ? ExitCodes.OK : ExitCodes.FINDINGS;
        }

        /** Mutation testing needs a green run: a mutant is killed when a case that passes starts to fail. */
        private int mutate(Path dir, RulePack pack, RuleTestReport report, List<String> decisionRules, String onlyFile,
                           PrintWriter out) {
            if (!report.success()) {
                spec.commandLine().getErr().println("rules test fails (" + report.failed() + " failed, "
                        + report.fileErrors().size() + " unreadable files, " + report.uncovered().size()
                        + " uncovered rules): run 'clearance rules test' and fix it before mutation testing");
                if (format == Format.JUNIT) {
                    new RuleTestJunitWriter().write(report, decisionRules, out); // the failures that stop mutation testing
                }
                return ExitCodes.FINDINGS;
            }
            int n = threads != null ? threads : Math.min(4, Runtime.getRuntime().availableProcessors());
            MutationReport mutation = MutationTester.run(dir, n, onlyFile, results -> { });
            // Kept beside the pack for rules doc, GET /api/v1/rules and the build, with what each rule was tested on.
            try {
                List<RuleCase> cases = RuleCaseFiles.readAll(pack.directory(), new ArrayList<>());
                Map<String, String> sources = RuleCatalogue.ruleSources(pack);
                MutationScores scores = MutationScores.of(mutation, sources, MutationInputs.of(pack, sources, cases),
                        LocalDate.now());
                if (onlyFile != null) {
                    scores = MutationScores.read(dir).updatedBy(scores);
                }
                if (scores != null) {
                    scores.write(dir);
                } else {
                    spec.commandLine().getErr().println("clearance: the scores are not kept: " + MutationScores.FILE
                            + " is of another day and this run covers only " + onlyFile + "; run without --mutate-only to renew it");
                    spec.commandLine().getErr().flush();
                }
            } catch (MutationScores.UnreadableException e) {
                spec.commandLine().getErr().println("clearance: " + e.getMessage() + " (the scores are not kept; the report follows)");
                spec.commandLine().getErr().flush();
            } catch (java.io.UncheckedIOException e) {
                spec.commandLine().getErr().println("clearance: " + e.getMessage() + " (the scores are not kept; the report follows)");
                spec.commandLine().getErr().flush();
            }
            switch (format) {
                case JSON -> MutationReportWriter.json(mutation, out);
                case JUNIT -> MutationReportWriter.junit(mutation, out);
                default -> MutationReportWriter.text(mutation, out);
            }
            return mutation.success(failUnder) ? ExitCodes.OK : ExitCodes.FINDINGS;
        }
    }

    /** Writes docs/rules-catalogue.md (or --output) from the rules' metadata. */
    @Command(name = "doc", description = "Generate the rule catalogue (Markdown) from the rules' metadata: id, title, jurisdiction, severity, citation, effective date, confidence, data files, number of tests and the mutation score of the last rules test --mutate.")
    static class DocRules implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        RulePackOption rules;

        @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Where to write the catalogue (default: docs/rules-catalogue.md; '-' for stdout).")
        String output;

        @Inject
        RulePackRegistry registry;

        @Override
        public Integer call() {
            Optional<RulePack> loaded = rules.load(registry, spec.commandLine().getErr());
            if (loaded.isEmpty()) {
                return ExitCodes.RULE_PACK;
            }
            RulePack pack = loaded.get();
            String markdown;
            try {
                markdown = RuleCatalogue.markdown(pack);
            } catch (MutationScores.UnreadableException e) {
                spec.commandLine().getErr().println("clearance: " + e.getMessage());
                spec.commandLine().getErr().flush();
                return ExitCodes.INPUT;
            }
            PrintWriter out = spec.commandLine().getOut();
            if ("-".equals(output)) {
                out.print(markdown);
                out.flush();
                return ExitCodes.OK;
            }
            Path target = Path.of(output != null ? output : "docs/rules-catalogue.md");
            try {
                if (target.getParent() != null) {
                    Files.createDirectories(target.getParent());
                }
                Files.writeString(target, markdown, StandardCharsets.UTF_8);
            } catch (IOException e) {
                spec.commandLine().getErr().println("clearance: cannot write " + target + ": " + e.getMessage());
                spec.commandLine().getErr().flush();
                return ExitCodes.INPUT;
            }
            out.printf("wrote %s (%d rules)%n", target, pack.rules().size());
            out.flush();
            return ExitCodes.OK;
        }
    }

    /** Replays an order corpus on a base pack and the current one and reports what a rule change does. */
    @Command(name = "diff", description = "Compare a base rule pack (folder or git ref) with this one on an order corpus: every order whose decision or findings change, and the rules that caused it.",
            footer = {"", "Exit codes: 0 compared (and nothing changed, with --fail-on-change), 1 something changed and --fail-on-change is set, 2 unreadable corpus or --base, 3 a pack does not load or its screenings do not finish within clearance.reload.check-timeout."})
    static class DiffRules implements Callable<Integer> {

        /** The report formats of {@code rules diff}. */
        enum Format {
            TEXT, JSON
        }

        @Spec
        CommandSpec spec;

        @Mixin
        RulePackOption rules;

        @Option(names = "--base", required = true, paramLabel = "DIR_OR_GIT_REF",
                description = "The pack to compare with: a rules folder, or a git ref (commit, branch, tag) whose copy of the rules folder is used.")
        String base;

        @Option(names = "--corpus", required = true, arity = "1..*", paramLabel = "PATH",
                description = "Orders to replay: files or folders as 'screen' reads them (nothing is stored).")
        List<String> corpus;

        @Option(names = "--fail-on-change", description = "Exit 1 when an order's decision or findings change.")
        boolean failOnChange;

        @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
        Format format;

        @Option(names = "--as-of", paramLabel = "DATE", description = "Replay every order as of this ISO date instead of its own date.")
        LocalDate asOf;

        @Inject
        RulePackRegistry registry;

        @Inject
        PartyIndex parties;

        @Inject
        ReloadConfig reloadConfig;

        @Inject
        ObjectMapper mapper;

        @Inject
        ClearanceConfig config;

        @Override
        @ActivateRequestContext
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            Path headDir = rules.directory != null ? rules.directory : registry.configuredDirectory();
            OrderFiles.Read input = OrderFiles.read(corpus, System.in);
            if (input.documents().isEmpty() && !input.problems().isEmpty()) {
                input.problems().forEach(err::println); // nothing to replay: say so before compiling two packs
                err.flush();
                return ExitCodes.INPUT;
            }
            try (BaseCheckout checkout = BaseCheckout.resolve(base, headDir)) {
                Optional<RulePack> basePack = compile("base", checkout.directory(), err);
                Optional<RulePack> headPack = compile("head", headDir, err);
                if (basePack.isEmpty() || headPack.isEmpty()) {
                    return ExitCodes.RULE_PACK;
                }
                ImpactReport report;
                try (ProgressLine progress = ProgressLine.on(err, config.cli().progress())) {
                    report = new RuleImpact(parties.finder(), reloadConfig.checkTimeout(), progress::update)
                            .compare(basePack.get(), checkout.label(), headPack.get(), headDir.toString(), input.documents(), asOf);
                }
                List<InputProblem> problems = new ArrayList<>(input.problems());
                problems.addAll(report.errors());
                report = new ImpactReport(report.base(), report.head(), report.changes(), report.ordersReplayed(),
                        report.orders(), problems);
                PrintWriter out = spec.commandLine().getOut();
                if (format == Format.JSON) {
                    out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(report));
                    out.flush();
                } else {
                    new ImpactTextWriter().write(report, out);
                }
                problems.forEach(err::println);
                err.flush();
                if (!problems.isEmpty()) {
                    return ExitCodes.INPUT;
                }
                return failOnChange && report.changed() ? ExitCodes.FINDINGS : ExitCodes.OK;
            } catch (BasePackException e) {
                err.println("clearance: " + e.getMessage());
                err.flush();
                return ExitCodes.INPUT;
            } catch (TimeBudget.ExceededException e) {
                err.println("clearance: " + e.getMessage());
                err.flush();
                return ExitCodes.RULE_PACK;
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot serialise the diff report", e);
            }
        }

        private static Optional<RulePack> compile(String which, Path directory, PrintWriter err) {
            try {
                return Optional.of(RulePackLoader.load(directory));
            } catch (RulePackInvalidException e) {
                err.println("clearance: the " + which + " rule pack (" + directory + ") does not load ("
                        + e.problems().size() + " problem(s)):");
                e.problems().forEach(err::println);
                err.flush();
                return Optional.empty();
            }
        }
    }
}
