package org.clearance.rules.reload;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.ArrayList;
import java.util.List;
import org.clearance.rules.RulePack;
import org.clearance.rules.RulePackProblem;
import org.clearance.rules.cases.RuleTestReport;

/**
 * What checking a candidate pack found: compile and lint problems (file:line), the rule-test report
 * (null when the pack does not compile, as there is nothing to test) and how long each step took.
 * {@code refusedCode}: the pack uses code rules may not run, or its tests ran out of time; none of it ran
 * (or it was stopped), and the API answers 422 rather than a report.
 */
public record PackCheck(@JsonIgnore RulePack pack, String rulePack, Integer rules, List<RulePackProblem> problems,
                        RuleTestReport tests, long compileMillis, long testMillis, @JsonIgnore boolean refusedCode) {

    /** The pack compiles, lints clean, passes every rule test and keeps full coverage. */
    public boolean valid() {
        return pack != null && problems.isEmpty() && tests != null && tests.success();
    }

    /**
     * The pack compiled and passed the allow-list and metadata lint, so its rule tests ran (and failed, or ran out of
     * time); false when it does not load at all.
     */
    public boolean loads() {
        return tests != null || problems.stream().anyMatch(p -> RulePackChecker.RULE_TESTS.equals(p.file()));
    }

    /** Every reason the pack cannot go live, one line each, in the order a reader fixes them. */
    public List<String> reasons() {
        List<String> reasons = new ArrayList<>();
        problems.forEach(p -> reasons.add(p.toString()));
        if (tests != null) {
            tests.fileErrors().forEach(reasons::add);
            tests.failures().forEach(f -> reasons.add("test \"" + f.testCase() + "\" failed: " + String.join("; ", f.differences())));
            tests.uncovered().forEach(u -> reasons.add(u.file() + ": rule " + u.ruleId() + " " + String.join(" and ", u.gaps())));
        }
        return reasons;
    }
}
