package org.clearance.cli;

import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.clearance.config.ClearanceConfig;
import org.clearance.security.Actor;
import java.util.concurrent.Callable;
import org.clearance.order.InputProblem;
import org.clearance.reports.GithubReportWriter;
import org.clearance.reports.JunitReportWriter;
import org.clearance.reports.RunProblem;
import org.clearance.reports.SarifReportWriter;
import org.clearance.rules.RulePack;
import org.clearance.rules.RulePackRegistry;
import org.clearance.rules.active.RulePackActivation;
import org.clearance.screening.Decision;
import org.clearance.screening.ScreeningService;
import org.clearance.screening.ScreeningView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code clearance screen PATH...}: screens orders from files, folders or stdin, stores and reports them. */
@Command(name = "screen", description = "Screen orders and report a decision per order.",
        footer = {"", "Exit codes: 0 nothing at or above --fail-on, 1 something is, 2 input errors, 3 rule pack errors."})
public class ScreenCommand implements Callable<Integer> {

    /** The decision at which the command fails. */
    enum FailOn {
        BLOCK, REVIEW
    }

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH",
            description = "An order file (.json: one order or an array; .ndjson: one order per line), a folder (its *.json and *.ndjson files) or - for stdin.")
    List<String> paths;

    @Option(names = "--format", defaultValue = "text",
            description = "text, json, junit (JUnit XML), sarif (SARIF 2.1.0) or github (GitHub Actions annotations) (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Option(names = "--fail-on", defaultValue = "block", description = "Exit 1 when an order is at or above this decision: block or review (default: ${DEFAULT-VALUE}).")
    FailOn failOn;

    @Mixin
    RulePackOption rules;

    @Option(names = "--as-of", paramLabel = "DATE", description = "Evaluate every order as of this ISO date instead of its own date.")
    LocalDate asOf;

    @Inject
    RulePackRegistry registry;

    @Inject
    ScreeningService screenings;

    @Inject
    RulePackActivation activations;

    @Inject
    TextReportWriter textWriter;

    @Inject
    JsonReportWriter jsonWriter;

    @Inject
    ClearanceConfig config;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        RulePackOption.Loaded loaded = rules.loadOrProblems(registry, err);
        if (loaded.pack() == null) {
            // CI publishes the report even when the step failed: it must say why, not be empty.
            StoppedReport.write(format.name(), "clearance screen", RunProblem.rulePack(loaded.directory(), loaded.problems()),
                    spec.commandLine().getOut());
            return ExitCodes.RULE_PACK;
        }
        RulePack pack = loaded.pack();
        if (rules.directory == null) {
            // The folder decides, as it always did (reproducible in CI); say so when servers run another pack.
            activations.folderDiffers(pack, loaded.directory()).ifPresent(err::println);
        }
        OrderFiles.Read input = OrderFiles.read(paths, System.in);
        List<InputProblem> problems = new ArrayList<>(input.problems());
        List<ScreeningService.Outcome> outcomes;
        try (ProgressLine progress = ProgressLine.on(err, config.cli().progress())) {
            outcomes = screenings.screenAndStore(input.documents(), asOf, Actor.cliOperator(), progress::update);
        }
        outcomes.forEach(o -> problems.addAll(o.item().parsed().problems()));
        List<String> notStored = outcomes.stream().filter(ScreeningService.Outcome::storageFailed)
                .map(o -> o.item().parsed().document().location() + ": screened but not stored (the database refused it; "
                        + "see the log); screen it again").toList();
        List<ScreeningView> results = outcomes.stream().map(ScreeningService.Outcome::view).filter(Objects::nonNull).toList();
        ScreeningReport report = new ScreeningReport(pack.hash(), results, problems);
        PrintWriter out = spec.commandLine().getOut();
        Decision threshold = failOn == FailOn.REVIEW ? Decision.REVIEW : Decision.BLOCK;
        switch (format) {
            case TEXT -> textWriter.write(report, out);
            case JSON -> jsonWriter.write(report, out);
            case JUNIT -> new JunitReportWriter(input.sources(), threshold).write(report, out);
            case SARIF -> new SarifReportWriter(input.sources(), pack.rules()).write(report, out);
            case GITHUB -> new GithubReportWriter(input.sources(), threshold).write(report, out);
        }
        problems.forEach(err::println);
        notStored.forEach(line -> err.println(org.clearance.order.Printable.escape(line)));
        err.flush();
        if (!notStored.isEmpty()) {
            return ExitCodes.INTERNAL;
        }
        if (!problems.isEmpty()) {
            return ExitCodes.INPUT;
        }
        return results.stream().anyMatch(r -> r.decision().atLeast(threshold)) ? ExitCodes.FINDINGS : ExitCodes.OK;
    }
}
