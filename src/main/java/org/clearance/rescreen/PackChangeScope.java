package org.clearance.rescreen;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.clearance.rules.RuleInfo;
import org.clearance.rules.RulePack;
import org.clearance.rules.diff.PackChanges;

/**
 * Which orders screened with one rule pack another pack can decide differently, from what {@code rules diff} computes
 * between them. A rule that is removed, or changes only its annotations (severity, jurisdiction, citation …), or loses
 * rows of a data file only it and other finding rules read, changes outcomes only where it fired: the orders whose
 * screening has a finding of it (rules that read findings react to those findings only). A rule added, a change of
 * conditions, of {@code @effective} or of {@code @kind}, a classification rule changed, or rows added to a data file can
 * make rules fire anywhere: then every order.
 *
 * @param findingRules the rules whose findings mark the affected orders (empty: none is affected)
 * @param allBecause   why every order must be screened again, or {@code null}
 */
record PackChangeScope(Set<String> findingRules, String allBecause) {

    static PackChangeScope all(String because) {
        return new PackChangeScope(Set.of(), because);
    }

    boolean everyOrder() {
        return allBecause != null;
    }

    static PackChangeScope between(RulePack base, RulePack head) {
        PackChanges changes = PackChanges.between(base, head);
        Map<String, RuleInfo> before = base.rules().stream().collect(Collectors.toMap(RuleInfo::id, r -> r));
        Map<String, RuleInfo> after = head.rules().stream().collect(Collectors.toMap(RuleInfo::id, r -> r));
        Set<String> logicChanged = PackChanges.logicChanged(base, head);
        Set<String> rules = new TreeSet<>();
        List<String> everywhere = new ArrayList<>();
        for (PackChanges.RuleChange change : changes.rules()) {
            String id = change.ruleId();
            RuleInfo was = before.get(id);
            RuleInfo is = after.get(id);
            if (was == null) {
                everywhere.add("rule " + id + " added");
            } else if (was.classification() || (is != null && is.classification())) {
                everywhere.add("classification rule " + id + " " + change.change());
            } else if (is != null && (logicChanged.contains(id) || !Objects.equals(was.effective(), is.effective()))) {
                everywhere.add("rule " + id + (logicChanged.contains(id) ? " conditions changed" : " @effective changed"));
            } else {
                rules.add(id);
            }
        }
        for (PackChanges.DataChange data : changes.data()) {
            if (data.rowsAdded() > 0) {
                everywhere.add(data.file() + ": " + data.rowsAdded() + " row(s) added");
            } else if (data.rowsRemoved() == 0) {
                everywhere.add(data.file() + ": columns changed");
            } else if (data.readBy().stream().anyMatch(id -> classification(id, before, after))) {
                everywhere.add(data.file() + ": rows removed from data a classification rule reads");
            } else {
                rules.addAll(data.readBy());
            }
        }
        return everywhere.isEmpty() ? new PackChangeScope(Set.copyOf(rules), null)
                : all(String.join("; ", everywhere.subList(0, Math.min(3, everywhere.size())))
                        + (everywhere.size() > 3 ? " and " + (everywhere.size() - 3) + " more" : ""));
    }

    private static boolean classification(String id, Map<String, RuleInfo> before, Map<String, RuleInfo> after) {
        RuleInfo rule = after.containsKey(id) ? after.get(id) : before.get(id);
        return rule == null || rule.classification();
    }
}
