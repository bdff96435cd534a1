package org.clearance.cli;

import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
        PrintWriter out = spec.commandLine().getOut();
        Decision threshold = failOn == FailOn.REVIEW ? Decision.REVIEW : Decision.BLOCK;
        // Text and JSON are written as the run goes; the other formats are one document that points into the input.
        boolean streamed = format == OutputFormat.TEXT || format == OutputFormat.JSON;
        List<InputProblem> problems = new ArrayList<>();
        List<String> notStored = new ArrayList<>();
        boolean[] atThreshold = {false};
        try (OrderFiles input = OrderFiles.open(paths, System.in, !streamed);
             ProgressLine progress = ProgressLine.on(err, config.cli().progress())) {
            ReportSink report = switch (format) {
                case TEXT -> textWriter.open(pack.hash(), out);
                case JSON -> jsonWriter.open(pack.hash(), out);
                default -> whole(pack, input, threshold, out);
            };
            screenings.screenAndStore(max -> {
                OrderFiles.Chunk chunk = input.next(max);
                problems.addAll(chunk.problems());
                return chunk.documents();
            }, asOf, Actor.cliOperator(), progress::update, outcome -> {
                problems.addAll(outcome.item().parsed().problems());
                if (outcome.storageFailed()) {
                    notStored.add(outcome.item().parsed().document().location() + ": screened but not stored (the "
                            + "database refused it; see the log); screen it again");
                }
                if (outcome.view() != null) {
                    progress.clear(); // the report may go to the same terminal
                    report.add(outcome.view());
                    atThreshold[0] |= outcome.view().decision().atLeast(threshold);
                }
            });
            report.finish(problems);
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
        return atThreshold[0] ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    /** A report of one document (JUnit, SARIF, GitHub annotations): kept until the run ends, then written. */
    private ReportSink whole(RulePack pack, OrderFiles input, Decision threshold, PrintWriter out) {
        List<ScreeningView> results = new ArrayList<>();
        return new ReportSink() {
            @Override
            public void add(ScreeningView result) {
                results.add(result);
            }

            @Override
            public void finish(List<InputProblem> errors) {
                ScreeningReport report = new ScreeningReport(pack.hash(), results, errors);
                switch (format) {
                    case JUNIT -> new JunitReportWriter(input.sources(), threshold).write(report, out);
                    case SARIF -> new SarifReportWriter(input.sources(), pack.rules()).write(report, out);
                    case GITHUB -> new GithubReportWriter(input.sources(), threshold).write(report, out);
                    default -> throw new IllegalStateException("streamed format " + format);
                }
            }
        };
    }
}
