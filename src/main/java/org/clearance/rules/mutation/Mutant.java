package org.clearance.rules.mutation;

import org.clearance.rules.RuleInfo;

/**
 * One changed copy of a rule: the rule it changes, where ({@code file:line}, a table row for a decision table),
 * what was changed in plain words, and either the rule's mutated DRL (compiled alone, with its file's package and
 * imports) or, for a moved {@code @effective} date, the rule's changed metadata.
 */
public record Mutant(RuleInfo rule, String file, int line, MutationOperator operator, String description,
                     String drl, RuleInfo metadata) {

    /** How an author names this mutant in an {@code equivalent_mutants:} record. */
    public String key() {
        return rule.id() + " " + description;
    }

    /** Where the mutant is and what it changes: {@code file:line: rule ID: description}. */
    public String where() {
        return file + ":" + line + ": rule " + rule.id() + ": " + description;
    }

    /** The report line for a mutant no case kills. */
    public String survivorMessage() {
        return where() + " changes no test result";
    }
}
