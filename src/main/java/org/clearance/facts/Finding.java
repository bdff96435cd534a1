package org.clearance.facts;

import java.util.Map;
import org.kie.api.definition.rule.Rule;

/**
 * What a rule concluded about one order: the rule's metadata (id, jurisdiction, severity,
 * citation, confidence) copied at firing time, a plain-words message and what it concerns.
 */
public record Finding(String orderId, String ruleId, Jurisdiction jurisdiction, Severity severity,
                      String citation, String confidence, String message, String subjectPointer,
                      String subjectLabel) implements OrderScoped {

    /** Builds a finding from the firing rule; call as {@code Finding.of(drools.getRule(), $line, "...")}. */
    public static Finding of(Rule rule, Subject subject, String message) {
        Map<String, Object> meta = rule.getMetaData();
        return new Finding(subject.orderId(), text(meta, "id"),
                Jurisdiction.valueOf(text(meta, "jurisdiction")), Severity.valueOf(text(meta, "severity")),
                text(meta, "citation"), text(meta, "confidence"), message, subject.pointer(), subject.label());
    }

    /**
     * A finding reported under {@code regime} rather than the rule's own {@code @jurisdiction("ALL")}: for rules that
     * check an authorisation of any regime, so that a problem with a US licence counts in the US verdict only.
     */
    public static Finding of(Rule rule, Subject subject, Jurisdiction regime, String message) {
        Finding finding = of(rule, subject, message);
        return new Finding(finding.orderId(), finding.ruleId(), regime, finding.severity(), finding.citation(),
                finding.confidence(), message, finding.subjectPointer(), finding.subjectLabel());
    }

    private static String text(Map<String, Object> meta, String key) {
        Object value = meta.get(key);
        return value == null ? null : value.toString();
    }
}
