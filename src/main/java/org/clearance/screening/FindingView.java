package org.clearance.screening;

import org.clearance.facts.Finding;
import org.clearance.facts.Jurisdiction;
import org.clearance.facts.Severity;

/**
 * A finding as reported by the API and the CLI. {@code confidence} is "verify" where the citation awaits checking;
 * {@code override} says what the company's overlay changed in the rule, why and who said so.
 */
public record FindingView(String ruleId, Jurisdiction jurisdiction, Severity severity, String citation,
                          String confidence, String message, Subject subject, String override) {

    public FindingView(String ruleId, Jurisdiction jurisdiction, Severity severity, String citation,
                       String confidence, String message, Subject subject) {
        this(ruleId, jurisdiction, severity, citation, confidence, message, subject, null);
    }

    /** What the finding concerns: a JSON pointer into the order and a readable label. */
    public record Subject(String pointer, String label) {
    }

    public static FindingView of(Finding finding) {
        return new FindingView(finding.ruleId(), finding.jurisdiction(), finding.severity(), finding.citation(),
                finding.confidence(), finding.message(), new Subject(finding.subjectPointer(), finding.subjectLabel()),
                finding.override());
    }
}
