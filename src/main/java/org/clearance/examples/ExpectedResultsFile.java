package org.clearance.examples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads and writes examples/expected.csv: the header {@value #HEADER}, then one row per order in file-name order
 * (orders of one file in their order there), rule ids sorted and separated by spaces. No cell is quoted: file
 * names, order ids, decisions and rule ids of the examples hold no commas, and a value that would need quoting is
 * refused, so that the file stays a plain one-line-per-order diff.
 */
public final class ExpectedResultsFile {

    static final String HEADER = "file,order_id,decision,rule_ids";

    private ExpectedResultsFile() {
    }

    /** The rows of {@code file}; an {@link IllegalArgumentException} names the first line that is not a row. */
    public static List<ExpectedResult> read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).strip().equals(HEADER)) {
            throw new IllegalArgumentException(file + ":1: the first line must be the header " + HEADER);
        }
        List<ExpectedResult> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String[] cells = lines.get(i).split(",", -1);
            if (cells.length != 4) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": expected 4 cells (" + HEADER + "), found "
                        + cells.length);
            }
            List<String> ruleIds = Arrays.stream(cells[3].strip().split(" ")).filter(id -> !id.isBlank()).toList();
            rows.add(new ExpectedResult(cells[0].strip(), cells[1].strip(), cells[2].strip(), ruleIds));
        }
        return rows;
    }

    public static void write(Path file, List<ExpectedResult> rows) throws IOException {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (ExpectedResult row : rows) {
            for (String cell : List.of(row.file(), row.orderId(), row.decision(), String.join(" ", row.ruleIds()))) {
                if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
                    throw new IllegalArgumentException("cannot write " + row.key() + " to " + file
                            + ": a comma, quote or line break in \"" + cell + "\"");
                }
            }
            csv.append(row.file()).append(',').append(row.orderId()).append(',').append(row.decision()).append(',')
                    .append(String.join(" ", row.ruleIds())).append('\n');
        }
        Files.writeString(file, csv, StandardCharsets.UTF_8);
    }
}
