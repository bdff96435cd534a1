package org.clearance.reports;

import java.io.PrintWriter;
import org.clearance.rules.diff.ImpactReport;
import org.clearance.rules.diff.PackChanges;

/** {@code clearance rules diff} for people: the pack changes, then each changed order with its gained and lost findings. */
public final class ImpactTextWriter {

    public void write(ImpactReport report, PrintWriter out) {
        out.printf("base %s (%s)%nhead %s (%s)%n", report.base().rulePack().substring(0, 12), report.base().label(),
                report.head().rulePack().substring(0, 12), report.head().label());
        PackChanges changes = report.changes();
        out.printf("%d rule change(s), %d data file change(s)%n", changes.rules().size(), changes.data().size());
        for (PackChanges.RuleChange rule : changes.rules()) {
            out.printf("  %s %s: %s%n", symbol(rule.change()), rule.ruleId(), String.join("; ", rule.details()));
        }
        for (PackChanges.DataChange data : changes.data()) {
            out.printf("  %s %s: %d row(s) added, %d removed (read by %s)%n", symbol(data.change()), data.file(),
                    data.rowsAdded(), data.rowsRemoved(),
                    data.readBy().isEmpty() ? "no rule" : String.join(", ", data.readBy()));
        }
        out.println();
        for (ImpactReport.OrderChange order : report.orders()) {
            out.printf("Order %s (%s): %s%n", order.orderId(), order.source(),
                    order.decisionChanged() ? order.before() + " -> " + order.after() : order.after() + " (unchanged)");
            order.gained().forEach(f -> out.printf("  + %s %s %s: %s%n", f.ruleId(), f.severity(), f.subject(), f.label()));
            order.lost().forEach(f -> out.printf("  - %s %s %s: %s%n", f.ruleId(), f.severity(), f.subject(), f.label()));
            order.causes().forEach(c -> out.printf("  because %s %s%n", c.ruleId(), c.change()));
        }
        long decisions = report.orders().stream().filter(ImpactReport.OrderChange::decisionChanged).count();
        out.printf("%d of %d order(s) change (%d decision(s), %d in findings only); %d input error(s)%n",
                report.orders().size(), report.ordersReplayed(), decisions, report.orders().size() - decisions,
                report.errors().size());
        out.flush();
    }

    private static String symbol(String change) {
        return switch (change) {
            case "added" -> "+";
            case "removed" -> "-";
            default -> "~";
        };
    }
}
