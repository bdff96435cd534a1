package org.clearance.facts;

import java.util.Map;
import org.kie.api.definition.rule.Rule;

/**
 * Derived fact: whether one regime binds one order, and why. Inserted by the nexus rules
 * ({@code rules/<jurisdiction>/nexus.drl}); the verdict builder reads it. {@code known} is false when the regime
 * applies only because a deciding field is missing ({@code settledBy} names that field as a JSON pointer): unknown
 * never means "not applicable". A regime applies when at least one of its facts says so.
 */
public record Applicability(String orderId, Jurisdiction jurisdiction, boolean applies, boolean known,
                            String reason, String settledBy, String ruleId, String citation, String confidence)
        implements OrderScoped {

    /** A criterion of the firing rule holds: the regime applies. */
    public static Applicability applies(Rule rule, Order order, String reason) {
        return of(rule, order, true, true, reason, null);
    }

    /** A deciding field is missing, so the regime is treated as applying; {@code settledBy} is its pointer. */
    public static Applicability unknown(Rule rule, Order order, String reason, String settledBy) {
        return of(rule, order, true, false, reason, settledBy);
    }

    /** No criterion of the regime holds. */
    public static Applicability notApplicable(Rule rule, Order order, String reason) {
        return of(rule, order, false, true, reason, null);
    }

    private static Applicability of(Rule rule, Order order, boolean applies, boolean known, String reason,
                                    String settledBy) {
        Map<String, Object> meta = rule.getMetaData();
        return new Applicability(order.id(), Jurisdiction.valueOf(text(meta, "jurisdiction")), applies, known, reason,
                settledBy, text(meta, "id"), text(meta, "citation"), text(meta, "confidence"));
    }

    private static String text(Map<String, Object> meta, String key) {
        Object value = meta.get(key);
        return value == null ? null : value.toString();
    }
}
