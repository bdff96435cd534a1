package org.clearance.rules;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.clearance.facts.Jurisdiction;
import org.clearance.facts.Severity;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/** Reads and checks the metadata every rule must carry. */
final class RuleMetadata {

    private RuleMetadata() {
    }

    static List<RuleInfo> read(KieBase kieBase, Map<String, RulePackLoader.RuleLocation> locations,
                               List<RulePackProblem> problems) {
        List<RuleInfo> rules = new ArrayList<>();
        Map<String, RuleInfo> byId = new HashMap<>();
        for (KiePackage kiePackage : kieBase.getKiePackages()) {
            for (Rule rule : kiePackage.getRules()) {
                RulePackLoader.RuleLocation where = locations.getOrDefault(rule.getPackageName() + "." + rule.getName(),
                        new RulePackLoader.RuleLocation(rule.getPackageName(), 0));
                RuleInfo info = read(rule, where, problems);
                if (info == null) {
                    continue;
                }
                RuleInfo earlier = byId.putIfAbsent(info.id(), info);
                if (earlier != null) {
                    problems.add(new RulePackProblem(where.file(), where.line(), "duplicate rule id " + info.id()
                            + " (also " + earlier.file() + ":" + earlier.line() + ")"));
                    continue;
                }
                rules.add(info);
            }
        }
        rules.sort((a, b) -> a.id().compareTo(b.id()));
        return rules;
    }

    private static RuleInfo read(Rule rule, RulePackLoader.RuleLocation where, List<RulePackProblem> problems) {
        Map<String, Object> meta = rule.getMetaData();
        List<String> missing = new ArrayList<>();
        String kind = text(meta, "kind");
        boolean classification = RuleInfo.CLASSIFICATION.equals(kind) || RuleInfo.NEXUS.equals(kind);
        for (String key : List.of("id", "jurisdiction", "severity", "citation", "effective")) {
            if (text(meta, key) == null && !(classification && key.equals("severity"))) {
                missing.add("@" + key);
            }
        }
        String label = "rule \"" + rule.getName() + "\"";
        if (!missing.isEmpty()) {
            problems.add(new RulePackProblem(where.file(), where.line(), label + " lacks " + String.join(", ", missing)));
            return null;
        }
        int before = problems.size();
        Jurisdiction jurisdiction = parse(Jurisdiction.class, text(meta, "jurisdiction"), "@jurisdiction", label, where, problems);
        Severity severity = classification ? null : parse(Severity.class, text(meta, "severity"), "@severity", label, where, problems);
        if (kind != null && !classification) {
            problems.add(new RulePackProblem(where.file(), where.line(), label + " has unknown @kind(\"" + kind
                    + "\"); the kinds are \"classification\" and \"nexus\""));
        }
        if (classification && rule instanceof RuleImpl impl && impl.getSalienceValue() <= 0) {
            problems.add(new RulePackProblem(where.file(), where.line(), label
                    + " is a classification rule and needs a positive salience (e.g. salience 100), so that the facts it derives exist before decision rules read them"));
        }
        LocalDate effective = null;
        try {
            effective = LocalDate.parse(text(meta, "effective"));
        } catch (DateTimeParseException e) {
            problems.add(new RulePackProblem(where.file(), where.line(), label + " has @effective(\""
                    + text(meta, "effective") + "\"), which is not an ISO date (YYYY-MM-DD)"));
        }
        String url = text(meta, "url");
        if (url != null && !url.matches("https?://\\S+")) {
            problems.add(new RulePackProblem(where.file(), where.line(), label + " has @url(\"" + url
                    + "\"), which is not an http(s) address"));
        }
        if (problems.size() > before) {
            return null;
        }
        return new RuleInfo(text(meta, "id"), rule.getName(), rule.getPackageName(), jurisdiction, severity,
                text(meta, "citation"), effective, text(meta, "confidence"), kind, where.file(), where.line(), url);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String key, String label,
                                               RulePackLoader.RuleLocation where, List<RulePackProblem> problems) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            problems.add(new RulePackProblem(where.file(), where.line(), label + " has " + key + "(\"" + value
                    + "\"); expected one of " + List.of(type.getEnumConstants())));
            return null;
        }
    }

    private static String text(Map<String, Object> meta, String key) {
        Object value = meta.get(key);
        if (value == null) {
            return null;
        }
        String text = value.toString().strip();
        // Drools keeps the quotes of @key("value") in some versions; strip them either way.
        if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
            text = text.substring(1, text.length() - 1);
        }
        return text.isEmpty() ? null : text;
    }
}
