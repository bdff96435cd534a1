package org.clearance.rules.cases;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * The outcome of running a pack's rule test cases; {@code cases} are all the cases read, in file order. {@code skipped}:
 * cases of a base layer that expect rules no layer of the stack holds (they test that base with a pack not stacked).
 */
public record RuleTestReport(int passed, int failed, List<Failure> failures, List<String> fileErrors,
                             List<Uncovered> uncovered, List<Skipped> skipped,
                             // For report writers (JUnit XML): each case's whole order is not part of the API's answer.
                             @JsonIgnore List<RuleCase> cases) {

    /** A case that did not come out as expected, with each difference in plain words. */
    public record Failure(String testCase, List<String> differences) {
    }

    /** A case not run, and why. */
    public record Skipped(String testCase, String reason) {
    }

    /** A rule that the cases do not exercise fully. */
    public record Uncovered(String ruleId, String file, List<String> gaps) {
    }

    public boolean success() {
        return failed == 0 && fileErrors.isEmpty() && uncovered.isEmpty();
    }
}
