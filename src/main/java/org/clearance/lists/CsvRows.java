package org.clearance.lists;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads delimited text (RFC 4180 quoting) into rows that remember the line they started on, so readers can
 * name the exact line of a broken record. Hand-rolled rather than Jackson CSV because exact start lines and
 * strict errors (unterminated quote, text after a closing quote) matter more here than speed.
 */
public final class CsvRows {

    /** One parsed row and the 1-based line it started on. */
    public record Row(long line, List<String> cells) {

        public String cell(int index) {
            return index < cells.size() ? cells.get(index) : null;
        }

        public int size() {
            return cells.size();
        }

        /** Blank rows and the DOS end-of-file mark (0x1A) that OFAC files end with carry no data. */
        public boolean isBlank() {
            return cells.stream().allMatch(c -> c.isBlank() || c.strip().equals("\u001A"));
        }
    }

    private CsvRows() {
    }

    public static List<Row> read(Reader in, char separator, String fileName) throws IOException {
        String text = readAll(in);
        List<Row> rows = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        long line = 1;
        long rowStart = 1;
        int i = 0;
        int n = text.length();
        if (n > 0 && text.charAt(0) == '\uFEFF') {
            i = 1;
        }
        boolean cellStarted = false;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '"' && !cellStarted) {
                long quoteLine = line;
                i++;
                while (true) {
                    if (i >= n) {
                        throw ListFormatException.atLine(fileName, quoteLine, "unterminated quoted field");
                    }
                    char q = text.charAt(i);
                    if (q == '"') {
                        if (i + 1 < n && text.charAt(i + 1) == '"') {
                            cell.append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    if (q == '\n') {
                        line++;
                    }
                    cell.append(q);
                    i++;
                }
                cellStarted = true;
                if (i < n && text.charAt(i) != separator && text.charAt(i) != '\r' && text.charAt(i) != '\n') {
                    throw ListFormatException.atLine(fileName, line,
                            "unexpected '" + text.charAt(i) + "' after closing quote");
                }
                continue;
            }
            if (c == separator) {
                cells.add(cell.toString());
                cell.setLength(0);
                cellStarted = false;
                i++;
            } else if (c == '\r' || c == '\n') {
                cells.add(cell.toString());
                cell.setLength(0);
                cellStarted = false;
                addRow(rows, rowStart, cells);
                cells = new ArrayList<>();
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                i++;
                line++;
                rowStart = line;
            } else {
                cell.append(c);
                cellStarted = true;
                i++;
            }
        }
        if (cellStarted || !cells.isEmpty()) {
            cells.add(cell.toString());
            addRow(rows, rowStart, cells);
        }
        return rows;
    }

    private static void addRow(List<Row> rows, long line, List<String> cells) {
        Row row = new Row(line, List.copyOf(cells));
        if (!row.isBlank()) {
            rows.add(row);
        }
    }

    private static String readAll(Reader in) throws IOException {
        StringBuilder all = new StringBuilder();
        char[] buffer = new char[64 * 1024];
        int read;
        while ((read = in.read(buffer)) > 0) {
            all.append(buffer, 0, read);
        }
        return all.toString();
    }
}
