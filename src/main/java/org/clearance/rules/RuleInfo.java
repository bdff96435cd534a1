package org.clearance.rules;

import java.time.LocalDate;
import org.clearance.facts.Jurisdiction;
import org.clearance.facts.Severity;

/**
 * A loaded rule's metadata, as declared with {@code @id}, {@code @jurisdiction}, {@code @severity},
 * {@code @citation}, {@code @effective} and the optional {@code @confidence}, {@code @kind} and
 * {@code @url} (where the official text of the citation can be read; reports use it as help link).
 * Classification rules ({@code @kind("classification")}) derive facts and carry no severity; nexus rules
 * ({@code @kind("nexus")}) are classification rules that decide whether their regime applies to an order (they
 * insert {@code Applicability} facts) and, unlike other classification rules, need test cases of their own.
 */
public record RuleInfo(String id, String name, String packageName, Jurisdiction jurisdiction,
                       Severity severity, String citation, LocalDate effective, String confidence,
                       String kind, String file, int line, String url) {

    public static final String CLASSIFICATION = "classification";
    public static final String NEXUS = "nexus";

    /** True for rules that derive facts rather than findings: classification and nexus rules. */
    public boolean classification() {
        return CLASSIFICATION.equals(kind) || NEXUS.equals(kind);
    }

    public boolean nexus() {
        return NEXUS.equals(kind);
    }

    /** The rule's title: its name without the leading id. */
    public String title() {
        return name.startsWith(id) ? name.substring(id.length()).strip() : name;
    }

    /** The test cases beside the rule's file: {@code NAME.tests.yaml} for {@code NAME.drl} or {@code NAME.table.csv}. */
    public String testsFile() {
        return DecisionTables.stem(file) + ".tests.yaml";
    }

    /** True when the rule comes from a decision table rather than a DRL file; {@link #line()} is then the table row. */
    public boolean fromTable() {
        return DecisionTables.isTable(file);
    }

    public String qualifiedName() {
        return packageName + "." + name;
    }
}
