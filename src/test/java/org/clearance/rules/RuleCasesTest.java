package org.clearance.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.clearance.rules.cases.RuleCaseRunner;
import org.clearance.rules.cases.RuleTestReport;
import org.clearance.testing.BesideTheApplication;
import org.junit.jupiter.api.Test;

/** The *.tests.yaml cases beside the shipped rules pass, and cover every rule, in every build. */
@BesideTheApplication
class RuleCasesTest {

    @Test
    void shouldPassEveryShippedRuleTestCaseWithFullCoverage() {
        Path rules = Path.of("rules");
        RuleTestReport report = new RuleCaseRunner(RulePackLoader.load(rules)).run(rules);

        assertThat(report.fileErrors()).isEmpty();
        assertThat(report.failures()).isEmpty();
        assertThat(report.uncovered()).isEmpty();
        assertThat(report.passed()).isGreaterThanOrEqualTo(2 * RulePackLoader.load(rules).rules().size());
    }
}
