package org.clearance.rules;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;

/**
 * Decision tables: rules written as rows of a CSV ({@code NAME.table.csv}) or Excel ({@code NAME.table.xlsx})
 * file in the Drools decision-table layout. Each table is converted to DRL here and compiled beside the
 * DRL files, so its rules carry the same metadata (METADATA columns) and pass the same checks. The
 * generated DRL marks where each rule comes from ({@code // rule values at A14, ...}); {@link TableDrl}
 * turns a line of that DRL back into the table row, so every problem points at the row an author edits.
 */
public final class DecisionTables {

    static final String CSV_SUFFIX = ".table.csv";
    static final String XLSX_SUFFIX = ".table.xlsx";
    private static final Pattern ROW_MARKER = Pattern.compile("^// rule values at [A-Z]+(\\d+)");
    private static final Pattern CELL = Pattern.compile("\\b[A-Z]{1,3}(\\d{1,7})\\b");

    private DecisionTables() {
    }

    /** True for a file the loader compiles as a decision table. */
    public static boolean isTable(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        return name.endsWith(CSV_SUFFIX) || name.endsWith(XLSX_SUFFIX);
    }

    /**
     * True for hidden files and the lock files spreadsheet programs write beside an open workbook
     * ({@code ~$x.table.xlsx}, {@code .~lock.x.table.xlsx#}): never part of the pack.
     */
    static boolean isScratch(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith(".") || name.startsWith("~$");
    }

    /** The rule file name without its suffix ({@code .drl}, {@code .table.csv}, {@code .table.xlsx}). */
    static String stem(String ruleFile) {
        return ruleFile.replaceFirst("(?i)(\\.drl|\\.table\\.csv|\\.table\\.xlsx)$", "");
    }

    /**
     * Why a file in a rule pack is ambiguous, or null when it is not: a CSV outside {@code data/} that is not
     * named as a table, a spreadsheet not named as a table, or a table inside {@code data/} or {@code bases/}.
     * {@code relative} is the path under the pack root with forward slashes.
     */
    static String ambiguity(String relative) {
        String name = relative.toLowerCase(Locale.ROOT);
        boolean inData = name.startsWith(RulePackLoader.DATA_DIR + "/");
        boolean inBases = name.startsWith("bases/");
        boolean spreadsheet = name.endsWith(".xlsx") || name.endsWith(".xls") || name.endsWith(".xlsm") || name.endsWith(".ods");
        if (isTable(name) && (inData || inBases)) {
            return "a decision table cannot be in " + (inData ? "data/ (reference data only)" : "bases/ (base orders only)")
                    + ": move it to its jurisdiction folder, or rename it without '.table' if it is a data file";
        }
        if (inData || inBases || isTable(name)) {
            return null;
        }
        if (name.endsWith(".csv")) {
            return "a .csv file outside data/ is neither reference data nor a decision table: name a decision table "
                    + "NAME.table.csv, or move reference data under data/";
        }
        if (spreadsheet) {
            return "spreadsheets are read only as decision tables saved as Excel workbooks: save it as .xlsx and name it NAME.table.xlsx";
        }
        return null;
    }

    /**
     * Converts a decision table to DRL. Returns null, with a problem naming the file (and the row, where the
     * table says), when the table cannot be read or does not follow the decision-table layout.
     */
    static TableDrl toDrl(Path file, String relative, List<RulePackProblem> problems) {
        boolean csv = relative.toLowerCase(Locale.ROOT).endsWith(CSV_SUFFIX);
        try {
            if (!csv && !singleSheet(file, relative, problems)) {
                return null;
            }
            String drl;
            try (InputStream in = Files.newInputStream(file)) {
                drl = new SpreadsheetCompiler().compile(in, csv ? InputType.CSV : InputType.XLS);
            }
            TableDrl table = TableDrl.of(relative, drl);
            if (table.rowsByDrlLine().isEmpty()) {
                problems.add(new RulePackProblem(relative, 0, "decision table has no rules: it needs a 'RuleSet' row, "
                        + "a 'RuleTable' row, the column header rows and at least one rule row (docs/authoring.md)"));
                return null;
            }
            return table;
        } catch (IOException | RuntimeException e) {
            // POI and the Drools table parser throw unchecked exceptions for unreadable or malformed files.
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
            problems.add(new RulePackProblem(relative, rowIn(message), (csv ? "cannot read the decision table: "
                    : "cannot read the spreadsheet: ") + message.replaceAll("\\s+", " ")));
            return null;
        }
    }

    /** A workbook must hold exactly one sheet, so that a row number names one row. */
    private static boolean singleSheet(Path file, String relative, List<RulePackProblem> problems) throws IOException {
        try (InputStream in = Files.newInputStream(file); Workbook workbook = WorkbookFactory.create(in)) {
            if (workbook.getNumberOfSheets() == 1) {
                return true;
            }
            List<String> names = new ArrayList<>();
            for (Sheet sheet : workbook) {
                names.add(sheet.getSheetName());
            }
            problems.add(new RulePackProblem(relative, 0, "a decision table workbook must have exactly one sheet; "
                    + "this one has " + names.size() + " " + names + ": move notes into the sheet above the RuleSet row"));
            return false;
        }
    }

    /** The row of the first cell reference (e.g. {@code C14}) in a parser message, or 0. */
    private static int rowIn(String message) {
        Matcher m = CELL.matcher(message);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    /** A table converted to DRL, with the table row each generated rule comes from. */
    record TableDrl(String file, String drl, NavigableMap<Integer, Integer> rowsByDrlLine) {

        static TableDrl of(String file, String drl) {
            NavigableMap<Integer, Integer> rows = new TreeMap<>();
            String[] lines = drl.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                Matcher m = ROW_MARKER.matcher(lines[i].strip());
                if (m.find()) {
                    rows.put(i + 1, Integer.parseInt(m.group(1)));
                }
            }
            return new TableDrl(file, drl, rows);
        }

        /** The table row of a 1-based line of the generated DRL; 0 for the lines before the first rule. */
        int row(int drlLine) {
            Map.Entry<Integer, Integer> marker = rowsByDrlLine.floorEntry(drlLine);
            return marker == null ? 0 : marker.getValue();
        }
    }
}
