package org.clearance.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.clearance.facts.Jurisdiction;
import org.clearance.facts.Severity;
import org.clearance.rules.cases.RuleCaseRunner;
import org.clearance.rules.cases.RuleTestReport;
import org.clearance.testing.BesideTheApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Decision tables (CSV and XLSX) load like DRL files, and every problem names the table and the row. */
@BesideTheApplication
class DecisionTablesTest {

    /** Header rows of a table whose rules flag an order whose buyer is in the row's country. */
    private static final List<List<String>> HEADER = header("org.clearance.facts.Order, org.clearance.facts.Finding",
            "buyer.country == \"$param\"");

    @TempDir
    Path dir;

    @Test
    void shouldLoadTheShippedUkChpTableWithTheMetadataOfEachRow() {
        RulePack pack = RulePackLoader.load(Path.of("rules"));

        RuleInfo russia = rule(pack, "UK-CHP-RU-01");
        assertThat(russia.file()).isEqualTo("uk/chp-russia-belarus.table.csv");
        assertThat(russia.line()).isEqualTo(10);
        assertThat(russia.fromTable()).isTrue();
        assertThat(russia.testsFile()).isEqualTo("uk/chp-russia-belarus.tests.yaml");
        assertThat(russia.jurisdiction()).isEqualTo(Jurisdiction.UK);
        assertThat(russia.severity()).isEqualTo(Severity.BLOCK);
        assertThat(russia.citation()).isEqualTo(
                "The Russia (Sanctions) (EU Exit) Regulations 2019 (SI 2019/855), Part 5 (trade), Schedules 2A, 3E and 3I");
        assertThat(russia.effective()).hasToString("2024-02-23");
        assertThat(russia.confidence()).isEqualTo("verify");
        assertThat(russia.packageName()).isEqualTo("uk");
        assertThat(rule(pack, "UK-CHP-BY-01").line()).isEqualTo(11);
    }

    @Test
    void shouldCompileTheShippedCsvTableSavedAsXlsxToTheSameDrl() throws IOException {
        Path csv = Path.of("rules/uk/chp-russia-belarus.table.csv");
        List<List<String>> rows = new ArrayList<>();
        try (MappingIterator<List<String>> it = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY)
                .readerForListOf(String.class).readValues(csv.toFile())) {
            it.forEachRemaining(rows::add);
        }
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("UK CHP");
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    if (!rows.get(r).get(c).isEmpty()) {
                        row.createCell(c).setCellValue(rows.get(r).get(c));
                    }
                }
            }
            save(workbook, "uk/chp-russia-belarus.table.xlsx");
        }
        List<RulePackProblem> problems = new ArrayList<>();

        DecisionTables.TableDrl fromCsv = DecisionTables.toDrl(csv, "uk/chp-russia-belarus.table.csv", problems);
        DecisionTables.TableDrl fromXlsx = DecisionTables.toDrl(dir.resolve("uk/chp-russia-belarus.table.xlsx"),
                "uk/chp-russia-belarus.table.xlsx", problems);

        assertThat(problems).isEmpty();
        assertThat(fromXlsx.drl()).isEqualTo(fromCsv.drl()).contains("@id(\"UK-CHP-RU-01\")", "@id(\"UK-CHP-BY-01\")");
        assertThat(fromXlsx.rowsByDrlLine()).isEqualTo(fromCsv.rowsByDrlLine()).containsValues(10, 11);
    }

    @Test
    void shouldChangeThePackHashWhenATableRowChanges() throws IOException {
        writeCsv("t/buyers.table.csv", List.of(
                row("T-RU-01 fine", "T-RU-01", "EU", "BLOCK", "c", "2024-01-01", "RU", "Russian buyer")));
        String before = RulePackLoader.load(dir).hash();

        writeCsv("t/buyers.table.csv", List.of(
                row("T-RU-01 fine", "T-RU-01", "EU", "BLOCK", "c", "2024-01-02", "RU", "Russian buyer")));

        assertThat(RulePackLoader.load(dir).hash()).isNotEqualTo(before);
    }

    @Test
    void shouldRunTheCasesOfACsvTableAndCountItsCoverage() throws IOException {
        writeCsv("t/buyers.table.csv", List.of(
                row("T-RU-01 An order to a Russian buyer is blocked", "T-RU-01", "EU", "BLOCK", "Test citation", "2025-01-10", "RU", "Russian buyer"),
                row("T-BY-01 An order to a Belarusian buyer needs review", "T-BY-01", "EU", "REVIEW", "Test citation", "2025-01-10", "BY", "Belarusian buyer")));
        writeCases("t/buyers.tests.yaml");

        RuleTestReport report = new RuleCaseRunner(RulePackLoader.load(dir)).run(dir);

        assertThat(report.failures()).isEmpty();
        assertThat(report.passed()).isEqualTo(5);
        assertThat(report.uncovered()).isEmpty();
    }

    @Test
    void shouldCompileAnXlsxTableAndRunItsCases() throws IOException {
        writeXlsx("t/buyers.table.xlsx", List.of(
                row("T-RU-01 An order to a Russian buyer is blocked", "T-RU-01", "EU", "BLOCK", "Test citation", "2025-01-10", "RU", "Russian buyer"),
                row("T-BY-01 An order to a Belarusian buyer needs review", "T-BY-01", "EU", "REVIEW", "Test citation", "2025-01-10", "BY", "Belarusian buyer")));
        writeCases("t/buyers.tests.yaml");

        RulePack pack = RulePackLoader.load(dir);
        RuleTestReport report = new RuleCaseRunner(pack).run(dir);

        assertThat(rule(pack, "T-BY-01").file()).isEqualTo("t/buyers.table.xlsx");
        assertThat(rule(pack, "T-BY-01").line()).isEqualTo(10);
        assertThat(rule(pack, "T-BY-01").severity()).isEqualTo(Severity.REVIEW);
        assertThat(report.failures()).isEmpty();
        assertThat(report.passed()).isEqualTo(5);
        assertThat(report.uncovered()).isEmpty();
    }

    @Test
    void shouldNameTheRowOfASyntaxErrorInAConditionCell() throws IOException {
        write("t/buyers.table.csv", csv(header("org.clearance.facts.Order, org.clearance.facts.Finding", "$param"), List.of(
                row("T-RU-01 fine", "T-RU-01", "EU", "BLOCK", "c", "2024-01-01", "buyer != null", "any buyer"),
                row("T-BY-01 broken", "T-BY-01", "EU", "BLOCK", "c", "2024-01-01", "buyer !=", "broken"))));

        assertThat(problems()).isNotEmpty().allSatisfy(p -> {
            assertThat(p.file()).isEqualTo("t/buyers.table.csv");
            assertThat(p.line()).isEqualTo(10);
            assertThat(p.message()).startsWith("in the rule generated from this row:").doesNotContain("Line ");
        });
    }

    @Test
    void shouldRefuseARowOfTheShippedTableWhoseDestinationCellIsBlank() throws IOException {
        String table = Files.readString(Path.of("rules/uk/chp-russia-belarus.table.csv"));
        assertThat(table).contains(",2024-02-23,BY,");
        write("uk/chp-russia-belarus.table.csv", table.replace(",2024-02-23,BY,", ",2024-02-23,,"));

        // Without its destination the row must not compile, rather than block CHP items to every country.
        assertThat(problems()).isNotEmpty().allSatisfy(p -> assertThat(p.toString())
                .startsWith("uk/chp-russia-belarus.table.csv:11: in the rule generated from this row:"));
    }

    @Test
    void shouldNameTheRowOfAMalformedTableHeader() throws IOException {
        List<List<String>> header = new ArrayList<>(HEADER);
        header.set(4, List.of("NAME", "METADATA", "METADATA", "METADATA", "METADATA", "METADATA", "WHEN", "ACTION"));
        write("t/buyers.table.csv", csv(header, List.of(
                row("T-RU-01 fine", "T-RU-01", "EU", "BLOCK", "c", "2024-01-01", "RU", "Russian buyer"))));

        assertThat(problems()).extracting(RulePackProblem::toString).singleElement().asString()
                .isEqualTo("t/buyers.table.csv:5: cannot read the decision table: Invalid column header: WHEN, should be CONDITION, "
                        + "ACTION or attribute, in cell G5");
    }

    @Test
    void shouldNameTheRowOfAMissingMetadataCell() throws IOException {
        writeCsv("t/buyers.table.csv", List.of(
                row("T-RU-01 fine", "T-RU-01", "EU", "BLOCK", "c", "2024-01-01", "RU", "Russian buyer"),
                row("T-BY-01 no citation", "T-BY-01", "EU", "BLOCK", "", "2024-01-01", "BY", "Belarusian buyer")));

        assertThat(problems()).extracting(RulePackProblem::toString)
                .containsExactly("t/buyers.table.csv:10: rule \"T-BY-01 no citation\" lacks @citation");
    }

    @Test
    void shouldRejectAnIdUsedByATableRowAndByADrlRule() throws IOException {
        writeCsv("t/buyers.table.csv", List.of(
                row("T-RU-01 in the table", "T-RU-01", "EU", "BLOCK", "c", "2024-01-01", "RU", "Russian buyer")));
        write("t/other.drl", """
                package t;
                import org.clearance.facts.Order;
                rule "T-RU-01 in a DRL file"
                    @id("T-RU-01") @jurisdiction("EU") @severity("BLOCK") @citation("c") @effective("2024-01-01")
                when $o : Order() then end
                """);

        assertThat(problems()).extracting(RulePackProblem::toString).singleElement().asString()
                .matches("t/(buyers\\.table\\.csv:9|other\\.drl:3): duplicate rule id T-RU-01 \\(also t/(other\\.drl:3|buyers\\.table\\.csv:9)\\)");
    }

    @Test
    void shouldRejectAnUnreadableXlsx() throws IOException {
        write("t/buyers.table.xlsx", "this is not a workbook\n");

        assertThat(problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("t/buyers.table.xlsx");
            assertThat(p.message()).startsWith("cannot read the spreadsheet:");
        });
    }

    @Test
    void shouldIgnoreTheLockFileExcelWritesBesideAnOpenWorkbook() throws IOException {
        writeXlsx("t/buyers.table.xlsx", List.of(
                row("T-RU-01 fine", "T-RU-01", "EU", "BLOCK", "c", "2024-01-01", "RU", "Russian buyer")));
        write("t/~$buyers.table.xlsx", "owner name, not a workbook");

        assertThat(RulePackLoader.load(dir).rules()).extracting(RuleInfo::id).containsExactly("T-RU-01");
    }

    @Test
    void shouldRejectAWorkbookWithMoreThanOneSheet() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            fill(workbook.createSheet("Rules"), List.of(
                    row("T-RU-01 fine", "T-RU-01", "EU", "BLOCK", "c", "2024-01-01", "RU", "Russian buyer")));
            workbook.createSheet("Notes");
            save(workbook, "t/buyers.table.xlsx");
        }

        assertThat(problems()).extracting(RulePackProblem::toString).containsExactly(
                "t/buyers.table.xlsx: a decision table workbook must have exactly one sheet; this one has 2 [Rules, Notes]: "
                        + "move notes into the sheet above the RuleSet row");
    }

    @Test
    void shouldRejectATableWithoutRuleRows() throws IOException {
        write("t/buyers.table.csv", "\"Rules to come\"\nRuleSet,t\nImport,org.clearance.facts.Order\n");

        assertThat(problems()).extracting(RulePackProblem::toString)
                .containsExactly("t/buyers.table.csv: cannot read the decision table: No RuleTable cells in spreadsheet.");
    }

    @Test
    void shouldRejectFilesThatCouldBeDataOrATable() throws IOException {
        writeCsv("t/buyers.table.csv", List.of(
                row("T-RU-01 fine", "T-RU-01", "EU", "BLOCK", "c", "2024-01-01", "RU", "Russian buyer")));
        write("t/countries.csv", "code\nRU\n");
        write("t/countries.xls", "x");
        write("data/t/rules.table.csv", "# source: s\n# version: 1\n# completeness: complete\ncode\nRU\n");
        write("bases/lists/US-OFAC-SDN.csv", "id,name\n1,Fixture\n");

        assertThat(problems()).extracting(RulePackProblem::toString).containsExactlyInAnyOrder(
                "data/t/rules.table.csv: a decision table cannot be in data/ (reference data only): move it to its "
                        + "jurisdiction folder, or rename it without '.table' if it is a data file",
                "t/countries.csv: a .csv file outside data/ is neither reference data nor a decision table: "
                        + "name a decision table NAME.table.csv, or move reference data under data/",
                "t/countries.xls: spreadsheets are read only as decision tables saved as Excel workbooks: "
                        + "save it as .xlsx and name it NAME.table.xlsx");
    }

    @Test
    void shouldListTheDataFilesATableRuleReadsInTheCatalogue() throws IOException {
        write("data/t/countries.csv", "# source: s\n# version: 1\n# completeness: complete\ncode,blocked\nRU,yes\n");
        // A free-form CONDITION (no object type): the cell names the data column that marks the buyer's country.
        List<List<String>> header = new ArrayList<>(header(
                "org.clearance.facts.Order, org.clearance.facts.Finding, org.clearance.facts.DataRow",
                "$o : Order() DataRow( dataset == \"t/countries\", key == $o.buyer().country(), this.get(\"$param\") == \"yes\" )"));
        header.set(5, List.of("", "", "", "", "", "", "", ""));
        write("t/buyers.table.csv", csv(header, List.of(
                row("T-RU-01 listed buyer country", "T-RU-01", "EU", "BLOCK", "c", "2024-01-01", "blocked", "listed"))));

        String catalogue = RuleCatalogue.markdown(RulePackLoader.load(dir));

        assertThat(catalogue).contains("| T-RU-01 | listed buyer country | BLOCK | c | 2024-01-01 |  | t/countries |  | 0 |  | t/buyers.table.csv |");
    }

    /** The rows above the rules; the CONDITION column constrains {@code $o : Order} with {@code condition}. */
    private static List<List<String>> header(String imports, String condition) {
        return List.of(
                List.of("Test table: buyer countries"),
                List.of("RuleSet", "t"),
                List.of("Import", imports),
                List.of("RuleTable Buyer countries"),
                List.of("NAME", "METADATA", "METADATA", "METADATA", "METADATA", "METADATA", "CONDITION", "ACTION"),
                List.of("", "", "", "", "", "", "$o : Order", ""),
                List.of("", "id(\"$param\")", "jurisdiction(\"$param\")", "severity(\"$param\")", "citation(\"$param\")",
                        "effective(\"$param\")", condition, "insert(Finding.of(drools.getRule(), $o, \"$param\"));"),
                List.of("Rule", "Id", "Jurisdiction", "Severity", "Citation", "Effective", "Buyer", "Message"));
    }

    private List<RulePackProblem> problems() {
        try {
            RulePackLoader.load(dir);
        } catch (RulePackInvalidException e) {
            return e.problems();
        }
        throw new AssertionError("the pack loaded");
    }

    private static RuleInfo rule(RulePack pack, String id) {
        return pack.rules().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    private static List<String> row(String... cells) {
        return List.of(cells);
    }

    private void writeCases(String file) throws IOException {
        write(file, """
                cases:
                  - name: Russian buyer
                    order: %s
                    expect: { decision: BLOCK, rules: [T-RU-01] }
                  - name: Belarusian buyer
                    order: %s
                    expect: { decision: REVIEW, rules: [T-BY-01] }
                  - name: Near miss - Kazakh buyer
                    order: %s
                    expect: { decision: CLEAR, rules: [] }
                  - name: Near miss - Russian buyer the day before
                    order: %s
                    expect: { decision: CLEAR, rules: [] }
                  - name: Near miss - Belarusian buyer the day before
                    order: %s
                    expect: { decision: CLEAR, rules: [] }
                """.formatted(order("RU"), order("BY"), order("KZ"), dayBefore(order("RU")), dayBefore(order("BY"))));
    }

    private static String dayBefore(String order) {
        return order.replace("2025-01-10", "2025-01-09").replace("\"T-", "\"T0-");
    }

    private static String order(String buyerCountry) {
        return """
                {"id": "T-%s", "date": "2025-01-10", "seller": {"name": "Seller GmbH", "country": "DE"},
                 "buyer": {"name": "Buyer", "country": "%s"}, "route": ["DE", "%s"],
                 "lines": [{"description": "desk", "hs_code": "940360"}]}""".formatted(buyerCountry, buyerCountry, buyerCountry)
                .replace("\n", " ");
    }

    private void writeCsv(String file, List<List<String>> rules) throws IOException {
        write(file, csv(HEADER, rules));
    }

    private static String csv(List<List<String>> header, List<List<String>> rules) {
        StringBuilder csv = new StringBuilder();
        for (List<List<String>> rows : List.of(header, rules)) {
            for (List<String> row : rows) {
                csv.append(String.join(",", row.stream().map(c -> "\"" + c.replace("\"", "\"\"") + "\"").toList())).append('\n');
            }
        }
        return csv.toString();
    }

    private void writeXlsx(String file, List<List<String>> rules) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            fill(workbook.createSheet("Rules"), rules);
            save(workbook, file);
        }
    }

    private static void fill(Sheet sheet, List<List<String>> rules) {
        int r = 0;
        for (List<List<String>> rows : List.of(HEADER, rules)) {
            for (List<String> cells : rows) {
                Row row = sheet.createRow(r++);
                for (int c = 0; c < cells.size(); c++) {
                    if (!cells.get(c).isEmpty()) {
                        row.createCell(c).setCellValue(cells.get(c));
                    }
                }
            }
        }
    }

    private void save(XSSFWorkbook workbook, String file) throws IOException {
        Path target = dir.resolve(file);
        Files.createDirectories(target.getParent());
        try (OutputStream out = Files.newOutputStream(target)) {
            workbook.write(out);
        }
    }

    private void write(String file, String content) throws IOException {
        Path target = dir.resolve(file);
        Files.createDirectories(target.getParent());
        Files.writeString(target, content);
    }
}
