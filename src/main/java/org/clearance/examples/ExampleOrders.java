package org.clearance.examples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.clearance.order.InputProblem;
import org.clearance.rules.RulePack;
import org.clearance.screening.Screener;

/**
 * Screens the example orders ({@code *.json} and {@code *.ndjson} of one folder, in name order) with a rule pack
 * and nothing else: no database, so no lists and no customer history, as examples/expected.csv records them.
 */
public final class ExampleOrders {

    /** What the orders screened to, in expected.csv order, and the orders that could not be read. */
    public record Screened(List<ExpectedResult> results, List<InputProblem> problems) {
    }

    /** One order whose result differs from its row (either side null when the order or the row is missing). */
    public record Difference(ExpectedResult expected, ExpectedResult actual) {

        @Override
        public String toString() {
            ExpectedResult either = expected != null ? expected : actual;
            return either.key() + ": expected " + (expected == null ? "no row in the expected results" : expected.outcome())
                    + ", actual " + (actual == null ? "no such order in the folder" : actual.outcome());
        }
    }

    private ExampleOrders() {
    }

    public static Screened screen(Path folder, RulePack pack) throws IOException {
        Screener screener = new Screener(pack);
        List<ExpectedResult> results = new ArrayList<>();
        List<InputProblem> problems = new ArrayList<>();
        for (Path file : orderFiles(folder)) {
            String name = file.getFileName().toString();
            Screener.Batch batch = screener.screen(file.toString(), Files.readString(file, StandardCharsets.UTF_8), null);
            problems.addAll(batch.problems());
            batch.results().forEach(r -> results.add(new ExpectedResult(name, r.orderId(), r.decision().name(), r.ruleIds())));
        }
        return new Screened(results, problems);
    }

    /** Every order whose result is not its row, and every row or order without the other, in expected.csv order. */
    public static List<Difference> compare(List<ExpectedResult> expected, List<ExpectedResult> actual) {
        Map<String, ExpectedResult> rows = byKey(expected);
        Map<String, ExpectedResult> screened = byKey(actual);
        List<Difference> differences = new ArrayList<>();
        for (ExpectedResult row : expected) {
            ExpectedResult result = screened.get(row.key());
            if (!row.equals(result)) {
                differences.add(new Difference(row, result));
            }
        }
        actual.stream().filter(r -> !rows.containsKey(r.key())).forEach(r -> differences.add(new Difference(null, r)));
        return differences;
    }

    private static Map<String, ExpectedResult> byKey(List<ExpectedResult> results) {
        Map<String, ExpectedResult> byKey = new LinkedHashMap<>();
        results.forEach(r -> byKey.putIfAbsent(r.key(), r));
        return byKey;
    }

    private static List<Path> orderFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> {
                        String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
                        return name.endsWith(".json") || name.endsWith(".ndjson");
                    })
                    .sorted(Comparator.comparing(f -> f.getFileName().toString()))
                    .toList();
        }
    }
}
