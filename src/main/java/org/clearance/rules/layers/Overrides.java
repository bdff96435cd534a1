package org.clearance.rules.layers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.clearance.facts.Severity;
import org.clearance.rules.RulePackProblem;

/**
 * An overlay's {@code overrides.yaml}: changes to base rules (a severity, an added condition, disabled) and rows
 * removed from base data files, each with the reason and the author the catalogue, the findings and the audit show.
 */
record Overrides(List<RuleOverride> rules, List<DataRemoval> removals) {

    static final String FILE = "overrides.yaml";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** Per field: a finding keeps the note of change, reason and author in 4,000 characters. */
    private static final int MAX_TEXT = 1000;

    static final Overrides NONE = new Overrides(List.of(), List.of());

    /** A change to one base rule; exactly one of {@code severity}, {@code condition} and {@code disable} is set. */
    record RuleOverride(String rule, Severity severity, String condition, boolean disable, String reason, String author) {
    }

    /** Rows of a base data file, by their key (first column), that the stack leaves out. */
    record DataRemoval(String file, List<String> keys, String reason, String author) {
    }

    static Overrides read(Path overlay, List<RulePackProblem> problems) {
        Path file = overlay.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return NONE;
        }
        JsonNode root;
        try {
            root = YAML.readTree(Files.readString(file));
        } catch (IOException e) {
            problems.add(new RulePackProblem(FILE, 0, "is not valid YAML: " + firstLine(e.getMessage())));
            return NONE;
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return NONE;
        }
        if (!root.isObject()) {
            problems.add(new RulePackProblem(FILE, 0, "must be a mapping with 'rules:' and 'data:' lists"));
            return NONE;
        }
        unknownFields(root, Set.of("rules", "data"), "", problems);
        List<RuleOverride> rules = new ArrayList<>();
        int n = 0;
        for (JsonNode entry : list(root, "rules", problems)) {
            String where = "rules[" + n++ + "]";
            unknownFields(entry, Set.of("rule", "severity", "condition", "disable", "reason", "author"), where, problems);
            String rule = text(entry, "rule", where, true, problems);
            String reason = text(entry, "reason", where, true, problems);
            String author = text(entry, "author", where, true, problems);
            String severityText = text(entry, "severity", where, false, problems);
            String condition = text(entry, "condition", where, false, problems);
            boolean disable = entry.path("disable").asBoolean(false);
            Severity severity = null;
            if (severityText != null) {
                try {
                    severity = Severity.valueOf(severityText.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    problems.add(new RulePackProblem(FILE, 0, where + ": severity '" + severityText
                            + "' is not one of " + List.of(Severity.values())));
                }
            }
            int changes = (severityText != null ? 1 : 0) + (condition != null ? 1 : 0) + (disable ? 1 : 0);
            if (changes != 1) {
                problems.add(new RulePackProblem(FILE, 0, where + (rule == null ? "" : " (" + rule + ")")
                        + ": give exactly one of severity, condition and disable: true"));
            }
            if (rule != null && reason != null && author != null && changes == 1 && (severityText == null || severity != null)) {
                rules.add(new RuleOverride(rule, severity, condition, disable, reason, author));
            }
        }
        List<DataRemoval> removals = new ArrayList<>();
        n = 0;
        for (JsonNode entry : list(root, "data", problems)) {
            String where = "data[" + n++ + "]";
            unknownFields(entry, Set.of("file", "remove", "reason", "author"), where, problems);
            String dataFile = text(entry, "file", where, true, problems);
            String reason = text(entry, "reason", where, true, problems);
            String author = text(entry, "author", where, true, problems);
            List<String> keys = new ArrayList<>();
            entry.path("remove").forEach(key -> keys.add(key.asText().strip()));
            if (keys.isEmpty()) {
                problems.add(new RulePackProblem(FILE, 0, where + ": 'remove' lists the keys (first column) of the rows to leave out"));
            } else if (dataFile != null && reason != null && author != null) {
                removals.add(new DataRemoval(dataFile, List.copyOf(keys), reason, author));
            }
        }
        return new Overrides(List.copyOf(rules), List.copyOf(removals));
    }

    private static List<JsonNode> list(JsonNode root, String field, List<RulePackProblem> problems) {
        JsonNode node = root.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            problems.add(new RulePackProblem(FILE, 0, "'" + field + ":' must be a list"));
            return List.of();
        }
        List<JsonNode> entries = new ArrayList<>();
        node.forEach(entries::add);
        return entries;
    }

    private static String text(JsonNode entry, String field, String where, boolean required, List<RulePackProblem> problems) {
        JsonNode node = entry.path(field);
        if (node.isMissingNode() || node.isNull() || node.asText().isBlank()) {
            if (required) {
                problems.add(new RulePackProblem(FILE, 0, where + ": '" + field + "' is required"));
            }
            return null;
        }
        if (!node.isValueNode()) {
            problems.add(new RulePackProblem(FILE, 0, where + ": '" + field + "' must be text"));
            return null;
        }
        String text = node.asText().strip();
        if (text.length() > MAX_TEXT) {
            problems.add(new RulePackProblem(FILE, 0, where + ": '" + field + "' is longer than " + MAX_TEXT + " characters"));
            return null;
        }
        return text;
    }

    private static void unknownFields(JsonNode node, Set<String> known, String where, List<RulePackProblem> problems) {
        if (!node.isObject()) {
            problems.add(new RulePackProblem(FILE, 0, (where.isEmpty() ? "" : where + ": ") + "must be a mapping"));
            return;
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                problems.add(new RulePackProblem(FILE, 0, (where.isEmpty() ? "" : where + ": ") + "unknown field '"
                        + name + "'; expected one of " + known.stream().sorted().toList()));
            }
        }
    }

    private static String firstLine(String message) {
        return String.valueOf(message).lines().findFirst().orElse("");
    }
}
