package org.clearance.rules.diff;

import java.util.List;
import org.clearance.order.InputProblem;
import org.clearance.screening.Decision;

/**
 * The impact of a rule change on an order corpus: both packs, what differs between them, how many
 * orders were replayed and every order whose decision or findings change, with the rules that caused it.
 */
public record ImpactReport(Side base, Side head, PackChanges changes, int ordersReplayed,
                           List<OrderChange> orders, List<InputProblem> errors) {

    /** One of the two packs compared. */
    public record Side(String label, String rulePack) {
    }

    /** A finding as compared between packs: rule, what it concerns, and how severe. */
    public record FindingKey(String ruleId, String subject, String severity, String label) {
    }

    /** A rule behind a change of findings, and how that rule changed between the packs. */
    public record Cause(String ruleId, String change) {
    }

    /** An order whose screening differs between the packs. */
    public record OrderChange(String orderId, String source, Decision before, Decision after,
                              List<FindingKey> gained, List<FindingKey> lost, List<Cause> causes) {

        public boolean decisionChanged() {
            return before != after;
        }
    }

    public boolean changed() {
        return !orders.isEmpty();
    }
}
