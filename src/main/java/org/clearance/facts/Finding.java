package org.clearance.facts;

import java.util.Map;
import org.kie.api.definition.rule.Rule;

/**
 * What a rule concluded about one order: the rule's metadata (id, jurisdiction, severity,
 * citation, confidence) copied at firing time, a plain-words message and what it concerns. {@code override}: when a
 * company's overlay changed the rule, what it changed, why and who said so (its {@code @overriddenBy} metadata).
 */
public record Finding(String orderId, String ruleId, Jurisdiction jurisdiction, Severity severity,
                      String citation, String confidence, String message, String subjectPointer,
                      String subjectLabel, String override) implements OrderScoped {

    public Finding(String orderId, String ruleId, Jurisdiction jurisdiction, Severity severity, String citation,
                   String confidence, String message, String subjectPointer, String subjectLabel) {
        this(orderId, ruleId, jurisdiction, severity, citation, confidence, message, subjectPointer, subjectLabel, null);
    }

    /** Builds a finding from the firing rule; call as {@code Finding.of(drools.getRule(), $line, "...")}. */
    public static Finding of(Rule rule, Subject subject, String message) {
        Map<String, Object> meta = rule.getMetaData();
        return new Finding(subject.orderId(), text(meta, "id"),
                Jurisdiction.valueOf(text(meta, "jurisdiction")), Severity.valueOf(text(meta, "severity")),
                text(meta, "citation"), text(meta, "confidence"), message, subject.pointer(), subject.label(),
                text(meta, "overriddenBy"));
    }

    /**
     * A finding reported under {@code regime} rather than the rule's own {@code @jurisdiction("ALL")}: for rules that
     * check an authorisation of any regime, so that a problem with a US licence counts in the US verdict only.
     */
    public static Finding of(Rule rule, Subject subject, Jurisdiction regime, String message) {
        Finding finding = of(rule, subject, message);
        return new Finding(finding.orderId(), finding.ruleId(), regime, finding.severity(), finding.citation(),
                finding.confidence(), message, finding.subjectPointer(), finding.subjectLabel(), finding.override());
    }

    private static String text(Map<String, Object> meta, String key) {
        Object value = meta.get(key);
        if (value == null) {
            return null;
        }
        String text = value.toString();
        // Drools keeps the quotes of @key("value") in some versions.
        return text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"") ? text.substring(1, text.length() - 1) : text;
    }
}
