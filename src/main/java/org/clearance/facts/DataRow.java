package org.clearance.facts;

import java.util.Collection;
import java.util.TreeSet;
import java.util.List;
import java.util.Map;

/**
 * One row of a reference data file under {@code rules/data}. {@code dataset} is the file's path
 * relative to {@code rules/data} without {@code .csv} (e.g. {@code common/chpl}); {@code key} is
 * its first column. Rules join on it: {@code DataRow(dataset == "common/chpl", key == $l.hs6)}.
 */
public record DataRow(String dataset, String key, Map<String, String> values) {

    public DataRow {
        values = Map.copyOf(values);
    }

    /** The value of a column, or null when the column is empty or absent. */
    public String get(String column) {
        String value = values.get(column);
        return value == null || value.isBlank() ? null : value;
    }

    /** True when {@code column} holds an ISO date on or before {@code date} (e.g. a code listed from that date). */
    public boolean onOrBefore(String column, java.time.LocalDate date) {
        String value = get(column);
        return value != null && date != null && !java.time.LocalDate.parse(value).isAfter(date);
    }

    /** The distinct non-empty values of {@code column} over rows collected by a rule, sorted. */
    public static List<String> distinct(Collection<?> rows, String column) {
        TreeSet<String> values = new TreeSet<>();
        for (Object row : rows) {
            String value = ((DataRow) row).get(column);
            if (value != null) {
                values.add(value);
            }
        }
        return List.copyOf(values);
    }

    /** The first (in sort order) value of {@code column} over the collected rows, e.g. a name shared by all of them. */
    public static String first(Collection<?> rows, String column) {
        List<String> values = distinct(rows, column);
        return values.isEmpty() ? null : values.get(0);
    }
}
