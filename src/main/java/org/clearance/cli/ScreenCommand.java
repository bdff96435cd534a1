package org.clearance.cli;

import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.clearance.order.InputProblem;
import org.clearance.order.OrderDocument;
import org.clearance.order.OrderInput;
import org.clearance.rules.RulePack;
import org.clearance.rules.RulePackRegistry;
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

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
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
    TextReportWriter textWriter;

    @Inject
    JsonReportWriter jsonWriter;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Optional<RulePack> loaded = rules.load(registry, err);
        if (loaded.isEmpty()) {
            return ExitCodes.RULE_PACK;
        }
        RulePack pack = loaded.get();
        List<OrderDocument> documents = new ArrayList<>();
        List<InputProblem> problems = new ArrayList<>();
        for (String path : paths) {
            read(path, documents, problems);
        }
        List<ScreeningService.Outcome> outcomes = screenings.screenAndStore(documents, asOf);
        outcomes.forEach(o -> problems.addAll(o.item().parsed().problems()));
        List<ScreeningView> results = outcomes.stream().map(ScreeningService.Outcome::view).filter(Objects::nonNull).toList();
        ScreeningReport report = new ScreeningReport(pack.hash(), results, problems);
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case TEXT -> textWriter.write(report, out);
            case JSON -> jsonWriter.write(report, out);
        }
        problems.forEach(err::println);
        err.flush();
        if (!problems.isEmpty()) {
            return ExitCodes.INPUT;
        }
        Decision threshold = failOn == FailOn.REVIEW ? Decision.REVIEW : Decision.BLOCK;
        return results.stream().anyMatch(r -> r.decision().atLeast(threshold)) ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    private void read(String path, List<OrderDocument> documents, List<InputProblem> problems) {
        try {
            if (path.equals("-")) {
                add("<stdin>", new String(System.in.readAllBytes(), StandardCharsets.UTF_8), documents, problems);
                return;
            }
            Path file = Path.of(path);
            if (Files.isDirectory(file)) {
                try (Stream<Path> files = Files.list(file)) {
                    List<Path> orders = files.filter(ScreenCommand::isOrderFile).sorted().toList();
                    if (orders.isEmpty()) {
                        problems.add(new InputProblem(path, "", "folder holds no *.json or *.ndjson files"));
                    }
                    for (Path order : orders) {
                        add(order.toString(), Files.readString(order, StandardCharsets.UTF_8), documents, problems);
                    }
                }
            } else if (Files.isRegularFile(file)) {
                add(path, Files.readString(file, StandardCharsets.UTF_8), documents, problems);
            } else {
                problems.add(new InputProblem(path, "", "no such file or folder"));
            }
        } catch (IOException e) {
            problems.add(new InputProblem(path, "", "cannot read: " + e.getMessage()));
        }
    }

    private static void add(String source, String text, List<OrderDocument> documents, List<InputProblem> problems) {
        OrderInput.Split split = OrderInput.split(source, text);
        documents.addAll(split.documents());
        problems.addAll(split.problems());
    }

    private static boolean isOrderFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(file) && (name.endsWith(".json") || name.endsWith(".ndjson"));
    }
}
