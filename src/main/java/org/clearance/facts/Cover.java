package org.clearance.facts;

import java.util.Map;
import org.kie.api.definition.rule.Rule;

/**
 * Derived fact: finding {@code coveredRuleId} on {@code subjectPointer} is covered by a valid authorisation, so it
 * counts with the covering rule's {@code severity} (REVIEW, or INFO where the provision leaves nothing to check) and
 * its message says which authorisation covers it. Inserted logically by the authorisation rules; the verdict builder
 * reads it. Rules never change a finding themselves.
 */
public record Cover(String orderId, String coveredRuleId, String subjectPointer, Severity severity, String ruleId,
                    String authorisation) implements OrderScoped {

    /** The firing rule covers {@code finding} with {@code authorisation}. */
    public static Cover of(Rule rule, Finding finding, Authorisation authorisation) {
        Map<String, Object> meta = rule.getMetaData();
        return new Cover(finding.orderId(), finding.ruleId(), finding.subjectPointer(),
                Severity.valueOf(String.valueOf(meta.get("severity"))), String.valueOf(meta.get("id")),
                authorisation.describe());
    }

    /** True when this cover concerns {@code finding}. */
    public boolean covers(Finding finding) {
        return orderId.equals(finding.orderId()) && coveredRuleId.equals(finding.ruleId())
                && subjectPointer.equals(finding.subjectPointer());
    }
}
