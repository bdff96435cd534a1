package org.clearance.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.clearance.rules.RulePack;
import org.clearance.rules.RulePackInvalidException;
import org.clearance.rules.RulePackProblem;
import org.clearance.rules.RulePackRegistry;
import picocli.CommandLine.Option;

/** The {@code --rules DIR} option shared by the commands that load a rule pack, and how they report a broken one. */
public class RulePackOption {

    @Option(names = "--rules", paramLabel = "DIR", description = "Rule pack folder (default: clearance.rules.directory, ./rules).")
    Path directory;

    /** The pack that loaded, or (pack null) the folder as given and the problems that stop it, for reports to name. */
    record Loaded(RulePack pack, Path directory, List<RulePackProblem> problems) {
    }

    /** Loads the chosen pack into the registry, or prints every problem and returns empty (exit code 3). */
    Optional<RulePack> load(RulePackRegistry registry, PrintWriter err) {
        return Optional.ofNullable(loadOrProblems(registry, err).pack());
    }

    /** Like {@link #load(RulePackRegistry, PrintWriter)}, keeping the problems for the report. */
    Loaded loadOrProblems(RulePackRegistry registry, PrintWriter err) {
        return loadOrProblems(registry, directory != null ? directory : registry.configuredDirectory(), err);
    }

    static Optional<RulePack> load(RulePackRegistry registry, Path directory, PrintWriter err) {
        return Optional.ofNullable(loadOrProblems(registry, directory, err).pack());
    }

    static Loaded loadOrProblems(RulePackRegistry registry, Path directory, PrintWriter err) {
        try {
            return new Loaded(registry.load(directory), directory, List.of());
        } catch (RulePackInvalidException e) {
            err.println("clearance: the rule pack does not load (" + e.problems().size() + " problem(s)); nothing was loaded:");
            for (RulePackProblem problem : e.problems()) {
                err.println(problem);
            }
            err.flush();
            return new Loaded(null, directory, e.problems());
        }
    }
}
