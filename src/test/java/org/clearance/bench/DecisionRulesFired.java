package org.clearance.bench;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.clearance.rules.RuleInfo;
import org.clearance.rules.RulePack;
import org.clearance.screening.ScreeningResult;

/**
 * Which of a pack's decision rules (every rule that is not a classification or nexus rule, as {@code rules test}
 * counts them) fired in a set of screenings: a benchmark whose orders leave rules idle measures a lighter load than
 * production's.
 */
record DecisionRulesFired(Set<String> decisionRules, Set<String> fired) {

    static DecisionRulesFired of(RulePack pack, List<ScreeningResult> results) {
        Set<String> decision = new TreeSet<>();
        pack.rules().stream().filter(r -> !r.classification()).map(RuleInfo::id).forEach(decision::add);
        Set<String> fired = new TreeSet<>();
        results.forEach(r -> fired.addAll(r.ruleIds()));
        fired.retainAll(decision);
        return new DecisionRulesFired(Set.copyOf(decision), Set.copyOf(fired));
    }

    Set<String> missing() {
        Set<String> missing = new TreeSet<>(decisionRules);
        missing.removeAll(fired);
        return missing;
    }

    String summary() {
        return fired.size() + " of " + decisionRules.size() + " decision rules fired";
    }

    /** Throws, naming the rules that never fired, unless every decision rule fired. */
    DecisionRulesFired requireAll() {
        if (!missing().isEmpty()) {
            throw new IllegalStateException(summary() + "; never fired: " + String.join(", ", missing()));
        }
        return this;
    }
}
