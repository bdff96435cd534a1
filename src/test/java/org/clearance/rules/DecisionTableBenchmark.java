package org.clearance.rules;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What decision tables add to loading a pack: converting the shipped table (CSV, and the same rows saved as
 * XLSX) to DRL, next to loading the whole shipped pack. Run with
 * {@code java -cp ... org.openjdk.jmh.Main DecisionTableBenchmark} (see docs/performance.md).
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class DecisionTableBenchmark {

    private static final Path CSV = Path.of("rules/uk/chp-russia-belarus.table.csv");
    private Path xlsx;

    @Setup
    public void saveTheTableAsXlsx() throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (MappingIterator<List<String>> it = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY)
                .readerForListOf(String.class).readValues(CSV.toFile())) {
            it.forEachRemaining(rows::add);
        }
        xlsx = Files.createTempFile("chp-russia-belarus", ".table.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(xlsx)) {
            Sheet sheet = workbook.createSheet("UK CHP");
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    row.createCell(c).setCellValue(rows.get(r).get(c));
                }
            }
            workbook.write(out);
        }
    }

    @Benchmark
    public DecisionTables.TableDrl csvTableToDrl() {
        return DecisionTables.toDrl(CSV, "uk/chp-russia-belarus.table.csv", new ArrayList<>());
    }

    @Benchmark
    public DecisionTables.TableDrl xlsxTableToDrl() {
        return DecisionTables.toDrl(xlsx, "uk/chp-russia-belarus.table.xlsx", new ArrayList<>());
    }

    @Benchmark
    public RulePack loadShippedPack() {
        return RulePackLoader.load(Path.of("rules"));
    }
}
