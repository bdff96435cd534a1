package org.clearance.rules.mutation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.clearance.rules.cases.RuleCaseFiles;

/**
 * The {@code equivalent_mutants:} lists of a pack's {@code *.tests.yaml} files: mutants an author has shown to
 * behave exactly like the rule (so no case can kill them), each with the rule id, the mutant as the report
 * describes it and the reason, and the line of the rule file when the same words name mutants on other lines too.
 */
record EquivalentMutants(List<Entry> entries, List<String> problems) {

    /** One recorded equivalent mutant; {@code line} is null when the record names the mutant on whatever line. */
    record Entry(String file, int number, String rule, String mutant, String reason, Integer line) {

        String key() {
            return key(rule, mutant, line);
        }

        /** How a record is looked up: by rule and words, and by line when it gives one. */
        static String key(String rule, String mutant, Integer line) {
            return rule + " " + mutant + (line == null ? "" : " @" + line);
        }

        String where() {
            return file + " equivalent_mutants " + number;
        }
    }

    static final String KEY = "equivalent_mutants";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    static EquivalentMutants read(Path root) {
        List<Entry> entries = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Path file : RuleCaseFiles.testFiles(root)) {
            String relative = root.relativize(file).toString().replace('\\', '/');
            JsonNode list;
            try {
                JsonNode tree = YAML.readTree(file.toFile());
                list = tree == null ? null : tree.get(KEY);
            } catch (IOException e) {
                continue; // the case runner reports unreadable test files
            }
            if (list == null) {
                continue;
            }
            if (!list.isArray()) {
                problems.add(relative + ": '" + KEY + "' must be a list of {rule, mutant, reason}");
                continue;
            }
            for (int i = 0; i < list.size(); i++) {
                JsonNode entry = list.get(i);
                String rule = entry.path("rule").asText("");
                String mutant = entry.path("mutant").asText("");
                String reason = entry.path("reason").asText("");
                JsonNode line = entry.get("line");
                if (rule.isBlank() || mutant.isBlank() || reason.isBlank()) {
                    problems.add(relative + " " + KEY + " " + (i + 1)
                            + ": needs 'rule' (the rule id), 'mutant' (as the mutation report words it) and 'reason'");
                    continue;
                }
                if (line != null && !(line.canConvertToInt() && line.intValue() > 0)) {
                    problems.add(relative + " " + KEY + " " + (i + 1)
                            + ": 'line' must be a line number of the rule file");
                    continue;
                }
                entries.add(new Entry(relative, i + 1, rule.strip(), mutant.strip(), reason.strip(),
                        line == null ? null : line.intValue()));
            }
        }
        return new EquivalentMutants(List.copyOf(entries), List.copyOf(problems));
    }
}
