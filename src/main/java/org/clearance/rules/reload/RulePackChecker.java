package org.clearance.rules.reload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.clearance.rules.RulePack;
import org.clearance.rules.RulePackInvalidException;
import org.clearance.rules.RulePackLoader;
import org.clearance.rules.RulePackProblem;
import org.clearance.rules.RulePackRefusedException;
import org.clearance.rules.cases.RuleCaseRunner;
import org.clearance.rules.cases.RuleTestReport;
import org.clearance.rules.guard.TimeBudget;

/**
 * The gate a pack passes before it may go live: it compiles, its metadata lints clean (RulePackLoader and
 * RuleMetadata: metadata complete, ids unique, classification salience), every test file sits beside the
 * rule file it tests, and its rule tests pass with full coverage (RuleCaseRunner).
 */
public final class RulePackChecker {

    private static final String TESTS_SUFFIX = ".tests.yaml";
    /** The "file" of the problem saying the rule tests ran out of time. */
    static final String RULE_TESTS = "(rule tests)";

    private RulePackChecker() {
    }

    /** Checks the pack in {@code directory}; its rule tests get {@code budget} to finish. */
    public static PackCheck check(Path directory, Duration budget) {
        long start = System.nanoTime();
        RulePack pack = null;
        boolean refused = false;
        List<RulePackProblem> problems = new ArrayList<>();
        try {
            pack = RulePackLoader.load(directory);
        } catch (RulePackRefusedException e) {
            refused = true;
            problems.addAll(e.problems());
        } catch (RulePackInvalidException e) {
            problems.addAll(e.problems());
        } catch (UncheckedIOException e) {
            problems.add(new RulePackProblem(".", 0, "the pack cannot be read")); // no server path in the answer
        }
        problems.addAll(orphanTestFiles(directory));
        long compiled = System.nanoTime();
        RuleTestReport tests = null;
        if (pack != null) {
            try {
                tests = new RuleCaseRunner(pack).run(directory, budget);
            } catch (TimeBudget.ExceededException e) {
                problems.add(new RulePackProblem(RULE_TESTS, 0, e.getMessage()));
                refused = true;
                pack = null; // never goes live, and there is no report to show
            } catch (UncheckedIOException e) {
                problems.add(new RulePackProblem(".", 0, "the rule tests cannot be read"));
            }
        }
        long tested = System.nanoTime();
        return new PackCheck(pack, pack == null ? null : pack.hash(), pack == null ? null : pack.rules().size(),
                List.copyOf(problems), tests, millis(compiled - start), millis(tested - compiled), refused);
    }

    /** A test file without its rule file tests nothing: usually a rule file renamed without its tests. */
    static List<RulePackProblem> orphanTestFiles(Path directory) {
        Path root = directory.toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(TESTS_SUFFIX))
                    .filter(p -> !hasRuleFile(p))
                    .sorted()
                    .map(p -> new RulePackProblem(root.relativize(p).toString().replace('\\', '/'), 0,
                            "test file has no rule file beside it (expected "
                                    + p.getFileName().toString().replace(TESTS_SUFFIX, ".drl") + ")"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean hasRuleFile(Path testFile) {
        String base = testFile.getFileName().toString().replace(TESTS_SUFFIX, "");
        // Decision tables (.csv / .xlsx beside the tests) count as rule files too.
        try (Stream<Path> siblings = Files.list(testFile.getParent())) {
            return siblings.map(p -> p.getFileName().toString())
                    .anyMatch(name -> !name.endsWith(TESTS_SUFFIX) && name.startsWith(base + ".")
                            && (name.endsWith(".drl") || name.endsWith(".csv") || name.endsWith(".xlsx") || name.endsWith(".xls")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }
}
