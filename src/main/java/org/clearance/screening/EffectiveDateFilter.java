package org.clearance.screening;

import java.time.LocalDate;
import java.util.Map;
import org.clearance.facts.OrderScoped;
import org.clearance.rules.RuleInfo;
import org.clearance.rules.RulePack;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.rule.AgendaFilter;
import org.kie.api.runtime.rule.Match;

/**
 * Lets a rule fire for an order only when the order's as-of date is on or after the rule's
 * {@code @effective} date, and never on facts of two different orders (several orders share a
 * session for speed; a rule that forgets to join on {@code orderId} must not mix them).
 */
final class EffectiveDateFilter implements AgendaFilter {

    private final RulePack pack;
    private final Map<String, LocalDate> asOfByOrder;

    EffectiveDateFilter(RulePack pack, Map<String, LocalDate> asOfByOrder) {
        this.pack = pack;
        this.asOfByOrder = asOfByOrder;
    }

    @Override
    public boolean accept(Match match) {
        String orderId = null;
        for (Object fact : match.getObjects()) {
            if (fact instanceof OrderScoped scoped) {
                if (orderId == null) {
                    orderId = scoped.orderId();
                } else if (!orderId.equals(scoped.orderId())) {
                    return false;
                }
            }
        }
        if (orderId == null) {
            return true;
        }
        Rule rule = match.getRule();
        LocalDate effective = pack.rule(rule.getPackageName(), rule.getName()).map(RuleInfo::effective).orElse(null);
        LocalDate asOf = asOfByOrder.get(orderId);
        return effective == null || asOf == null || !asOf.isBefore(effective);
    }
}
