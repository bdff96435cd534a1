package org.clearance.rules.layers;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.clearance.rules.RulePackProblem;

/**
 * Row-level layering of a reference CSV (leading {@code #} comments, a header row, then rows keyed by their first
 * column): the overlay's rows appended to a base file, and rows left out by key.
 */
final class DataRows {

    private DataRows() {
    }

    record Merged(byte[] bytes, int added) {
    }

    /** The base file with the overlay's rows after its own; the overlay's header row must be the base's. */
    static Merged append(String file, byte[] base, byte[] overlay, List<RulePackProblem> problems) {
        Csv below = Csv.of(base);
        Csv above = Csv.of(overlay);
        if (above.header() == null || !above.header().strip().equals(below.header() == null ? null : below.header().strip())) {
            problems.add(new RulePackProblem(file, 0, "the overlay adds rows to this base data file, so its header row must be the base's: "
                    + below.header()));
            return null;
        }
        List<String> lines = new ArrayList<>(below.comments());
        // The overlay's own source and version lines, kept as comments the reader does not take for the base's.
        above.comments().forEach(c -> lines.add("# overlay " + c.substring(1).strip()));
        lines.add(below.header());
        lines.addAll(below.rows());
        lines.addAll(above.rows());
        return new Merged(join(lines), above.rows().size());
    }

    /** The file without the rows whose key is in {@code keys}; each key must name a row. */
    static byte[] remove(String file, byte[] data, List<String> keys, List<RulePackProblem> problems) {
        Csv csv = Csv.of(data);
        Set<String> unmatched = new LinkedHashSet<>(keys);
        List<String> lines = new ArrayList<>(csv.comments());
        lines.add(csv.header());
        for (String row : csv.rows()) {
            String key = key(row);
            if (keys.contains(key)) {
                unmatched.remove(key);
            } else {
                lines.add(row);
            }
        }
        if (!unmatched.isEmpty()) {
            problems.add(new RulePackProblem(file, 0, "overrides.yaml removes rows keyed " + unmatched
                    + ", which this data file does not have (the key is a row's first column)"));
            return null;
        }
        return join(lines);
    }

    private static String key(String row) {
        String first = row.split(",", 2)[0].strip();
        return first.length() >= 2 && first.startsWith("\"") && first.endsWith("\"") ? first.substring(1, first.length() - 1) : first;
    }

    private static byte[] join(List<String> lines) {
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private record Csv(List<String> comments, String header, List<String> rows) {

        static Csv of(byte[] bytes) {
            List<String> lines = new String(bytes, StandardCharsets.UTF_8).lines().toList();
            int i = 0;
            while (i < lines.size() && lines.get(i).startsWith("#")) {
                i++;
            }
            String header = i < lines.size() ? lines.get(i) : null;
            List<String> rows = i + 1 < lines.size() ? lines.subList(i + 1, lines.size()).stream()
                    .filter(l -> !l.isBlank()).toList() : List.of();
            return new Csv(lines.subList(0, i), header, rows);
        }
    }
}
