package org.clearance.rules;

import java.util.List;
import java.util.stream.Collectors;

/** The rule pack has errors; nothing of it was loaded. */
public class RulePackInvalidException extends RuntimeException {

    private final List<RulePackProblem> problems;

    public RulePackInvalidException(List<RulePackProblem> problems) {
        super("rule pack is invalid:\n  " + problems.stream().map(RulePackProblem::toString)
                .collect(Collectors.joining("\n  ")));
        this.problems = List.copyOf(problems);
    }

    public List<RulePackProblem> problems() {
        return problems;
    }
}
