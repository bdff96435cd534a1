package org.clearance.rules;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.kie.api.KieBase;

/**
 * A compiled, validated rule pack: the shared KieBase, its rules' metadata, its reference data
 * and its identity (a SHA-256 over every rule and data file). Immutable once built.
 */
public final class RulePack {

    private final Path directory;
    private final String hash;
    private final Instant loadedAt;
    private final KieBase kieBase;
    private final List<RuleInfo> rules;
    private final List<DataSet> dataSets;
    private final Map<String, RuleInfo> rulesByQualifiedName;
    private volatile Map<String, RuleCoverage> incompleteCoverage;
    private volatile WarmSessions warmSessions;

    RulePack(Path directory, String hash, Instant loadedAt, KieBase kieBase, List<RuleInfo> rules,
             List<DataSet> dataSets) {
        this.directory = directory;
        this.hash = hash;
        this.loadedAt = loadedAt;
        this.kieBase = kieBase;
        this.rules = List.copyOf(rules);
        this.dataSets = List.copyOf(dataSets);
        this.rulesByQualifiedName = rules.stream()
                .collect(Collectors.toUnmodifiableMap(RuleInfo::qualifiedName, Function.identity()));
    }

    /**
     * The rules that read a data file declared empty or partial, by id; worked out once, from the pack's files (for
     * {@code rules list}, the API and health).
     */
    public Map<String, RuleCoverage> incompleteCoverage() {
        Map<String, RuleCoverage> known = incompleteCoverage;
        if (known == null) {
            known = RuleCoverage.incomplete(this);
            incompleteCoverage = known;
        }
        return known;
    }

    /** Sessions of this pack that already hold its reference data, lent to screen a chunk of orders. */
    public WarmSessions warmSessions() {
        WarmSessions sessions = warmSessions;
        if (sessions == null) {
            synchronized (this) {
                if (warmSessions == null) {
                    warmSessions = new WarmSessions(kieBase, dataSets);
                }
                sessions = warmSessions;
            }
        }
        return sessions;
    }

    public Path directory() {
        return directory;
    }

    public String hash() {
        return hash;
    }

    /** The first 12 hex digits of the hash, enough to tell packs apart in reports. */
    public String shortHash() {
        return hash.substring(0, 12);
    }

    public Instant loadedAt() {
        return loadedAt;
    }

    public KieBase kieBase() {
        return kieBase;
    }

    public List<RuleInfo> rules() {
        return rules;
    }

    public List<DataSet> dataSets() {
        return dataSets;
    }

    /** The same compiled rules with other reference data (rule-test fixtures): same identity, so never stored. */
    RulePack withDataSets(List<DataSet> replacement) {
        return new RulePack(directory, hash, loadedAt, kieBase, rules, replacement);
    }

    /**
     * The same compiled rules and data with one rule's metadata replaced (matched by package and name): mutation
     * testing moves a rule's {@code @effective} date this way, since the date is read from the metadata.
     */
    public RulePack withRule(RuleInfo replacement) {
        List<RuleInfo> replaced = rules.stream()
                .map(r -> r.qualifiedName().equals(replacement.qualifiedName()) ? replacement : r).toList();
        return new RulePack(directory, hash, loadedAt, kieBase, replaced, dataSets);
    }

    public Optional<RuleInfo> rule(String packageName, String ruleName) {
        return Optional.ofNullable(rulesByQualifiedName.get(packageName + "." + ruleName));
    }
}
