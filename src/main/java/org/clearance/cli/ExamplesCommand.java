package org.clearance.cli;

import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.clearance.examples.ExampleOrders;
import org.clearance.examples.ExpectedResult;
import org.clearance.examples.ExpectedResultsFile;
import org.clearance.rules.RulePack;
import org.clearance.rules.RulePackRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code clearance examples check [--update]}: the example orders against the results recorded for them. */
@Command(name = "examples", description = "Check the example orders against examples/expected.csv.",
        subcommands = ExamplesCommand.Check.class)
public class ExamplesCommand {

    /**
     * Screens the examples as the build does (rule pack only, no database) and compares each order with its row.
     * A separate command, not part of {@code rules test}: the examples are a corpus of the repository, not of a rule
     * pack, and a pack tested elsewhere ({@code rules test DIR}) has no expected results of its own.
     */
    @Command(name = "check", description = "Screen examples/orders with the rule pack and compare each order's decision and "
            + "rule ids with examples/expected.csv; exit 1 listing every difference. With --update, rewrite the file instead.")
    static class Check implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        RulePackOption rules;

        @Option(names = "--orders", paramLabel = "DIR", defaultValue = "examples/orders",
                description = "Folder of example orders (*.json, *.ndjson) (default: ${DEFAULT-VALUE}).")
        Path orders;

        @Option(names = "--expected", paramLabel = "FILE", defaultValue = "examples/expected.csv",
                description = "The expected results (default: ${DEFAULT-VALUE}).")
        Path expected;

        @Option(names = "--update", description = "Rewrite the expected results with what the orders screen to now (exit 0).")
        boolean update;

        @Inject
        RulePackRegistry registry;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Optional<String> missing = !Files.isDirectory(orders) ? Optional.of(orders + ": no such folder of example orders")
                    : !update && !Files.isRegularFile(expected) ? Optional.of(expected + ": no such file (create it with --update)")
                    : update && !Files.isDirectory(expected.toAbsolutePath().getParent())
                    ? Optional.of(expected.toAbsolutePath().getParent() + ": no such folder") : Optional.empty();
            if (missing.isPresent()) {
                err.println("clearance: " + missing.get());
                return ExitCodes.INPUT;
            }
            List<ExpectedResult> rows;
            try {
                rows = Files.isRegularFile(expected) ? ExpectedResultsFile.read(expected) : List.of();
            } catch (IllegalArgumentException e) {
                err.println("clearance: " + e.getMessage());
                return ExitCodes.INPUT;
            }
            Optional<RulePack> pack = rules.load(registry, err);
            if (pack.isEmpty()) {
                return ExitCodes.RULE_PACK;
            }
            ExampleOrders.Screened screened = ExampleOrders.screen(orders, pack.get());
            if (!screened.problems().isEmpty()) {
                screened.problems().forEach(err::println);
                err.println("clearance: " + screened.problems().size() + " problem(s) in the example orders: fix them first");
                return ExitCodes.INPUT;
            }
            List<ExampleOrders.Difference> differences = ExampleOrders.compare(rows, screened.results());
            differences.forEach(d -> out.println((update ? "UPDATED " : "DIFF ") + d));
            if (update) {
                ExpectedResultsFile.write(expected, screened.results());
                out.printf("%s: %d order(s), %d changed%n", expected, screened.results().size(), differences.size());
                return ExitCodes.OK;
            }
            if (differences.isEmpty()) {
                out.printf("%d example order(s) screen as %s says%n", screened.results().size(), expected);
                return ExitCodes.OK;
            }
            out.printf("%d difference(s) from %s: if each change is intended, run 'clearance examples check --update' "
                    + "and commit the file%n", differences.size(), expected);
            return ExitCodes.FINDINGS;
        }
    }
}
