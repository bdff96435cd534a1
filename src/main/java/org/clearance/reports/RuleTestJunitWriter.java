package org.clearance.reports;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.clearance.rules.cases.RuleCase;
import org.clearance.rules.cases.RuleTestReport;

/**
 * {@code clearance rules test --format junit}: a suite per {@code *.tests.yaml} file with a test case
 * per rule case (failures list every difference), a suite for unreadable test files (errors) and a
 * "rule coverage" suite with a case per decision rule that fires in no case or has no near miss.
 */
public final class RuleTestJunitWriter {

    public void write(RuleTestReport report, List<String> decisionRuleIds, PrintWriter out) {
        JunitXml xml = new JunitXml("clearance rules test");
        Map<String, List<String>> differences = report.failures().stream().collect(Collectors.groupingBy(
                RuleTestReport.Failure::testCase, Collectors.flatMapping(f -> f.differences().stream(), Collectors.toList())));
        Map<String, String> skipped = report.skipped().stream()
                .collect(Collectors.toMap(RuleTestReport.Skipped::testCase, RuleTestReport.Skipped::reason, (a, b) -> a));
        for (RuleCase ruleCase : report.cases()) {
            List<String> failed = differences.get(ruleCase.label());
            String name = "#" + ruleCase.number() + " " + ruleCase.name();
            String skip = skipped.get(ruleCase.label());
            xml.add(ruleCase.file(), ruleCase.file(), skip != null
                    ? new JunitXml.TestCase(ruleCase.file(), name, JunitXml.Outcome.SKIPPED, null, skip, null)
                    : failed == null
                    ? new JunitXml.TestCase(ruleCase.file(), name, null, null, null, null)
                    : new JunitXml.TestCase(ruleCase.file(), name, JunitXml.Outcome.FAILURE,
                            "rule-case", String.join("; ", failed), String.join("\n", failed)));
        }
        for (String error : report.fileErrors()) {
            xml.add("rule test files", null, new JunitXml.TestCase("rule test files", error, JunitXml.Outcome.ERROR,
                    "unreadable-test-file", error, error));
        }
        Map<String, RuleTestReport.Uncovered> uncovered = report.uncovered().stream()
                .collect(Collectors.toMap(RuleTestReport.Uncovered::ruleId, u -> u, (a, b) -> a));
        for (String ruleId : decisionRuleIds) {
            RuleTestReport.Uncovered gap = uncovered.get(ruleId);
            xml.add("rule coverage", null, gap == null
                    ? new JunitXml.TestCase("rule coverage", ruleId, null, null, null, null)
                    : new JunitXml.TestCase("rule coverage", ruleId, JunitXml.Outcome.FAILURE, "uncovered-rule",
                            ruleId + " " + String.join("; ", gap.gaps()), gap.file() + ": " + String.join("\n", gap.gaps())));
        }
        xml.write(out);
    }
}
