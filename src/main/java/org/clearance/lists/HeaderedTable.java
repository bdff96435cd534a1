package org.clearance.lists;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;

/**
 * A delimited file whose first row names the columns: the header checked for the columns a reader
 * needs, and the data rows, each checked to have as many cells as the header.
 */
public record HeaderedTable(String file, HeaderIndex columns, List<CsvRows.Row> rows) {

    public static HeaderedTable read(Path path, char separator, String... requiredColumns) throws IOException {
        String file = path.getFileName().toString();
        List<CsvRows.Row> all = CsvRows.read(new StringReader(TextFiles.read(path)), separator, file);
        if (all.isEmpty()) {
            throw ListFormatException.atLine(file, 1, "empty file: no header");
        }
        CsvRows.Row header = all.get(0);
        HeaderIndex columns = new HeaderIndex(header, file).require(requiredColumns);
        List<CsvRows.Row> rows = all.subList(1, all.size());
        for (CsvRows.Row row : rows) {
            if (row.size() != header.size()) {
                throw ListFormatException.atLine(file, row.line(),
                        "expected " + header.size() + " columns, found " + row.size());
            }
        }
        return new HeaderedTable(file, columns, List.copyOf(rows));
    }
}
