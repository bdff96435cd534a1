package org.clearance.lists;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Column positions by header name, for formats whose columns are identified by a header row. */
public final class HeaderIndex {

    private final Map<String, Integer> positions = new HashMap<>();
    private final String fileName;
    private final long headerLine;

    public HeaderIndex(CsvRows.Row header, String fileName) {
        this.fileName = fileName;
        this.headerLine = header.line();
        List<String> cells = header.cells();
        for (int i = 0; i < cells.size(); i++) {
            positions.putIfAbsent(key(cells.get(i)), i);
        }
    }

    /** Fails with the header's line number if a column the reader needs is missing. */
    public HeaderIndex require(String... columns) {
        for (String column : columns) {
            if (!has(column)) {
                throw ListFormatException.atLine(fileName, headerLine, "missing column '" + column + "'");
            }
        }
        return this;
    }

    public boolean has(String column) {
        return positions.containsKey(key(column));
    }

    /** The cell of {@code column} in {@code row}, stripped; {@code null} if absent or blank. */
    public String get(CsvRows.Row row, String column) {
        Integer at = positions.get(key(column));
        return at == null ? null : Text.blankToNull(row.cell(at));
    }

    public int size() {
        return positions.size();
    }

    private static String key(String column) {
        return column.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
    }
}
