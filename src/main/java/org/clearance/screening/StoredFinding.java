package org.clearance.screening;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.clearance.facts.Finding;
import org.clearance.facts.Jurisdiction;
import org.clearance.facts.Severity;

/** A finding as stored with its screening. */
@Embeddable
public class StoredFinding {

    @Column(name = "rule_id", nullable = false)
    public String ruleId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Jurisdiction jurisdiction;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Severity severity;

    @Column(nullable = false, length = 1000)
    public String citation;

    public String confidence;

    @Column(nullable = false, length = 100000)
    public String message;

    @Column(name = "subject_pointer", length = 1000)
    public String subjectPointer;

    @Column(name = "subject_label", length = 100000)
    public String subjectLabel;

    /** What the company's overlay changed in the rule, why and who said so; null for a rule as published. */
    @Column(name = "override_note", length = 4000)
    public String override;

    static StoredFinding of(Finding finding) {
        StoredFinding stored = new StoredFinding();
        stored.ruleId = finding.ruleId();
        stored.jurisdiction = finding.jurisdiction();
        stored.severity = finding.severity();
        stored.citation = finding.citation();
        stored.confidence = finding.confidence();
        stored.message = finding.message();
        stored.subjectPointer = finding.subjectPointer();
        stored.subjectLabel = finding.subjectLabel();
        stored.override = finding.override();
        return stored;
    }

    Finding toFinding(String orderId) {
        return new Finding(orderId, ruleId, jurisdiction, severity, citation, confidence, message, subjectPointer,
                subjectLabel, override);
    }
}
