package org.clearance.rules.diff;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.clearance.facts.DataRow;
import org.clearance.rules.DataSet;
import org.clearance.rules.RuleCatalogue;
import org.clearance.rules.RuleInfo;
import org.clearance.rules.RulePack;

/**
 * What differs between two rule packs: rules added, removed or changed (metadata or source text) and
 * data files added, removed or changed, with the rules that read each data set.
 */
public record PackChanges(List<RuleChange> rules, List<DataChange> data) {

    /** How a rule differs: {@code added}, {@code removed} or {@code changed}, with what changed. */
    public record RuleChange(String ruleId, String change, List<String> details) {
    }

    /** How a data file differs (rows added and removed), and the rules (of either pack) that read it. */
    public record DataChange(String file, String change, int rowsAdded, int rowsRemoved, List<String> readBy) {
    }

    @JsonIgnore
    public boolean isEmpty() {
        return rules.isEmpty() && data.isEmpty();
    }

    public static PackChanges between(RulePack base, RulePack head) {
        Map<String, RuleInfo> before = byId(base);
        Map<String, RuleInfo> after = byId(head);
        Map<String, String> beforeSource = sources(base);
        Map<String, String> afterSource = sources(head);
        List<RuleChange> rules = new ArrayList<>();
        TreeSet<String> ids = new TreeSet<>(before.keySet());
        ids.addAll(after.keySet());
        for (String id : ids) {
            RuleInfo was = before.get(id);
            RuleInfo is = after.get(id);
            if (was == null) {
                rules.add(new RuleChange(id, "added", List.of(is.file())));
            } else if (is == null) {
                rules.add(new RuleChange(id, "removed", List.of(was.file())));
            } else {
                List<String> details = differences(was, is);
                if (!Objects.equals(beforeSource.get(id), afterSource.get(id)) && details.isEmpty()) {
                    details.add("conditions or consequence changed");
                }
                if (!details.isEmpty()) {
                    rules.add(new RuleChange(id, "changed", details));
                }
            }
        }
        return new PackChanges(rules, dataChanges(base, head, beforeSource, afterSource));
    }

    /**
     * The rules of both packs whose conditions or consequence differ, not only their name or annotations (severity,
     * citation …): their text without the header line and the annotations, spaces collapsed.
     */
    public static Set<String> logicChanged(RulePack base, RulePack head) {
        Map<String, String> before = sources(base);
        Map<String, String> after = sources(head);
        Set<String> changed = new TreeSet<>();
        before.forEach((id, text) -> {
            String now = after.get(id);
            if (now != null && !logic(text).equals(logic(now))) {
                changed.add(id);
            }
        });
        return changed;
    }

    private static final java.util.regex.Pattern ANNOTATION =
            java.util.regex.Pattern.compile("@\\w+\\s*\\(\\s*(?:\"(?:[^\"\\\\]|\\\\.)*\"|[^()\"])*\\)");

    private static String logic(String ruleText) {
        int header = ruleText.indexOf('\n');
        String body = header < 0 ? "" : ruleText.substring(header + 1);
        return ANNOTATION.matcher(body).replaceAll(" ").replaceAll("\\s+", " ").strip();
    }

    private static List<String> differences(RuleInfo was, RuleInfo is) {
        List<String> details = new ArrayList<>();
        compare(details, "severity", was.severity(), is.severity());
        compare(details, "jurisdiction", was.jurisdiction(), is.jurisdiction());
        compare(details, "effective", was.effective(), is.effective());
        compare(details, "citation", was.citation(), is.citation());
        compare(details, "confidence", was.confidence(), is.confidence());
        compare(details, "kind", was.kind(), is.kind());
        compare(details, "title", was.title(), is.title());
        compare(details, "file", was.file(), is.file());
        return details;
    }

    private static void compare(List<String> details, String what, Object was, Object is) {
        if (!Objects.equals(was, is)) {
            details.add(what + " " + was + " -> " + is);
        }
    }

    private static List<DataChange> dataChanges(RulePack base, RulePack head, Map<String, String> beforeSource,
                                                Map<String, String> afterSource) {
        Map<String, DataSet> before = new TreeMap<>();
        base.dataSets().forEach(d -> before.put(d.file(), d));
        Map<String, DataSet> after = new TreeMap<>();
        head.dataSets().forEach(d -> after.put(d.file(), d));
        TreeSet<String> files = new TreeSet<>(before.keySet());
        files.addAll(after.keySet());
        List<DataChange> changes = new ArrayList<>();
        for (String file : files) {
            DataSet was = before.get(file);
            DataSet is = after.get(file);
            String change = was == null ? "added" : is == null ? "removed"
                    : was.rows().equals(is.rows()) && was.columns().equals(is.columns()) ? null : "changed";
            if (change != null) {
                String name = (is != null ? is : was).name();
                TreeSet<String> readers = new TreeSet<>(readers(name, beforeSource));
                readers.addAll(readers(name, afterSource));
                Set<DataRow> wasRows = was == null ? Set.of() : new HashSet<>(was.rows());
                Set<DataRow> isRows = is == null ? Set.of() : new HashSet<>(is.rows());
                int added = (int) isRows.stream().filter(r -> !wasRows.contains(r)).count();
                int removed = (int) wasRows.stream().filter(r -> !isRows.contains(r)).count();
                changes.add(new DataChange(file, change, added, removed, List.copyOf(readers)));
            }
        }
        return changes;
    }

    private static List<String> readers(String dataSet, Map<String, String> sources) {
        return sources.entrySet().stream().filter(e -> RuleCatalogue.datasets(e.getValue()).contains(dataSet))
                .map(Map.Entry::getKey).toList();
    }

    private static Map<String, RuleInfo> byId(RulePack pack) {
        Map<String, RuleInfo> rules = new HashMap<>();
        pack.rules().forEach(r -> rules.put(r.id(), r));
        return rules;
    }

    /** Each rule's source text (header to the next rule), trailing blank lines dropped. */
    private static Map<String, String> sources(RulePack pack) {
        Map<String, String> files = new HashMap<>();
        Map<String, String> sources = new HashMap<>();
        for (RuleInfo rule : pack.rules()) {
            String text = files.computeIfAbsent(rule.file(), f -> read(pack.directory().resolve(f)));
            sources.put(rule.id(), RuleCatalogue.ruleBlock(text, rule.line()).strip());
        }
        return sources;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
