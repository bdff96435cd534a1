package org.clearance.rules;

import java.util.List;
import org.clearance.facts.DataCompleteness;
import org.clearance.facts.DataRow;

/**
 * A reference data file from {@code rules/data}, with the source, version and completeness its header names
 * ({@code # completeness: complete|partial|empty - reason}: whether the file holds the whole official list).
 */
public record DataSet(String name, String file, String source, String version, List<String> columns,
                      List<DataRow> rows, DataCompleteness completeness) {

    public DataSet {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /** A data set whose completeness is not declared (rule-test fixtures extend a declared one). */
    public DataSet(String name, String file, String source, String version, List<String> columns, List<DataRow> rows) {
        this(name, file, source, version, columns, rows, null);
    }
}
