package org.clearance.rules;

import java.util.List;
import org.clearance.facts.DataRow;

/** A reference data file from {@code rules/data}, with the source and version its header names. */
public record DataSet(String name, String file, String source, String version, List<String> columns,
                      List<DataRow> rows) {

    public DataSet {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }
}
