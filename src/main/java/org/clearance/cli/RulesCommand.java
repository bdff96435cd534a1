package org.clearance.cli;

import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.clearance.rules.RuleCatalogue;
import org.clearance.rules.RuleInfo;
import org.clearance.rules.RulePack;
import org.clearance.rules.RulePackRegistry;
import org.clearance.rules.cases.RuleCaseRunner;
import org.clearance.rules.cases.RuleTestReport;
import org.clearance.reports.RuleTestJunitWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code clearance rules list|test|doc}: inspect, test and document a rule pack. */
@Command(name = "rules", description = "List, test or document the rules of a rule pack.",
        subcommands = {RulesCommand.ListRules.class, RulesCommand.TestRules.class, RulesCommand.DocRules.class})
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
            for (RuleInfo rule : pack.rules()) {
                out.printf(row, rule.id(), rule.jurisdiction(), rule.classification() ? "(class.)" : rule.severity(),
                        rule.effective(), rule.confidence() == null ? "-" : rule.confidence(), rule.citation());
            }
            out.printf("%d rules, %d data files; rule pack %s%n", pack.rules().size(), pack.dataSets().size(), pack.hash());
            out.flush();
            return ExitCodes.OK;
        }
    }

    /** Runs the *.tests.yaml cases beside the rules. */
    @Command(name = "test", description = "Run the rule test cases (*.tests.yaml) of a rule pack; exit 1 on any failure or uncovered rule.")
    static class TestRules implements Callable<Integer> {

        /** The report formats of {@code rules test}. */
        enum Format {
            TEXT, JUNIT
        }

        @Spec
        CommandSpec spec;

        @Option(names = "--format", defaultValue = "text", description = "text or junit (JUnit XML, for CI test reports) (default: ${DEFAULT-VALUE}).")
        Format format;

        @Parameters(arity = "0..1", paramLabel = "DIR", description = "Rule pack folder (default: ./rules).")
        Path directory;

        @Inject
        RulePackRegistry registry;

        @Override
        public Integer call() {
            Path dir = directory != null ? directory : registry.configuredDirectory();
            Optional<RulePack> loaded = RulePackOption.load(registry, dir, spec.commandLine().getErr());
            if (loaded.isEmpty()) {
                return ExitCodes.RULE_PACK;
            }
            RulePack pack = loaded.get();
            RuleTestReport report = new RuleCaseRunner(pack).run(dir);
            PrintWriter out = spec.commandLine().getOut();
            if (format == Format.JUNIT) {
                new RuleTestJunitWriter().write(report,
                        pack.rules().stream().filter(r -> !r.classification()).map(RuleInfo::id).toList(), out);
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
            long decisionRules = pack.rules().stream().filter(r -> !r.classification()).count();
            out.printf("rule coverage: %d of %d rules fire in a case and have a near miss%n",
                    decisionRules - report.uncovered().size(), decisionRules);
            out.printf("%d passed, %d failed%n", report.passed(), report.failed());
            out.flush();
            return report.success() ? ExitCodes.OK : ExitCodes.FINDINGS;
        }
    }

    /** Writes docs/rules-catalogue.md (or --output) from the rules' metadata. */
    @Command(name = "doc", description = "Generate the rule catalogue (Markdown) from the rules' metadata: id, title, jurisdiction, severity, citation, effective date, confidence, data files and number of tests.")
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
            String markdown = RuleCatalogue.markdown(pack);
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
}
