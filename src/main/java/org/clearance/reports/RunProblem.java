package org.clearance.reports;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import org.clearance.rules.RulePackProblem;

/**
 * A problem that stopped a command before it screened or tested anything, as the CI reports show it: its kind (the
 * SARIF rule id and the JUnit failure type), where it is and what it is. CI reads the report even when the step
 * failed, so a run that stops early must still say why in the report, not only on stderr.
 */
public record RunProblem(String kind, Position at, String message) {

    /** The rule pack does not load: a rule that does not compile, code the allow-list refuses, a bad data file. */
    public static final String RULE_PACK = "rule-pack";
    /** The command line or the input cannot be used. */
    public static final String INPUT = "input";

    /** A problem of the command line, which is in no file. */
    public static RunProblem input(String message) {
        return new RunProblem(INPUT, Position.NONE, message);
    }

    /**
     * The problems of the pack in {@code directory} (as given on the command line, so that a relative folder gives
     * paths relative to the checkout), each at its rule or data file and line when that file exists.
     */
    public static List<RunProblem> rulePack(Path directory, List<RulePackProblem> problems) {
        return problems.stream().map(p -> rulePack(directory, p)).toList();
    }

    private static RunProblem rulePack(Path directory, RulePackProblem problem) {
        String pack = directory.toString();
        if (problem.file().equals(pack)) {
            return new RunProblem(RULE_PACK, new Position(pack, 0, 0), problem.message());
        }
        try {
            Path file = directory.resolve(problem.file());
            if (Files.isRegularFile(file)) {
                return new RunProblem(RULE_PACK, new Position(file.toString(), problem.line(), 0), problem.message());
            }
        } catch (InvalidPathException e) {
            // Not a path (a package or generated class name): the pack folder, the problem naming what it is.
        }
        return new RunProblem(RULE_PACK, new Position(pack, 0, 0), problem.toString());
    }
}
