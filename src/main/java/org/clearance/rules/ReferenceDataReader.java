package org.clearance.rules;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.clearance.facts.DataCompleteness;
import org.clearance.facts.DataRow;

/**
 * Reads a reference CSV: leading {@code #} comment lines, which must include {@code # source: …},
 * {@code # version: …} and (for the pack's own data files) {@code # completeness: complete|partial|empty - reason},
 * then a header row; the first column is the row key.
 */
final class ReferenceDataReader {

    private static final CsvMapper CSV = CsvMapper.builder()
            .enable(CsvParser.Feature.TRIM_SPACES)
            .build();

    private ReferenceDataReader() {
    }

    static DataSet read(Path file, String relativeFile, String name, List<RulePackProblem> problems,
                        boolean completenessRequired) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        int header = 0;
        String source = null;
        String version = null;
        String completeness = null;
        while (header < lines.size() && lines.get(header).startsWith("#")) {
            String comment = lines.get(header).substring(1).strip();
            String lower = comment.toLowerCase(Locale.ROOT);
            if (lower.startsWith("source:")) {
                source = comment.substring("source:".length()).strip();
            } else if (lower.startsWith("version:")) {
                version = comment.substring("version:".length()).strip();
            } else if (lower.startsWith("completeness:")) {
                completeness = comment.substring("completeness:".length()).strip();
            }
            header++;
        }
        if (source == null || source.isEmpty()) {
            problems.add(new RulePackProblem(relativeFile, 1, "data file needs a '# source: …' header line naming where the data comes from"));
        }
        if (version == null || version.isEmpty()) {
            problems.add(new RulePackProblem(relativeFile, 1, "data file needs a '# version: …' header line naming the version or date of the data"));
        }
        DataCompleteness declared = null;
        if (completeness != null || completenessRequired) {
            declared = DataCompleteness.parse(name, completeness);
            if (declared == null) {
                problems.add(new RulePackProblem(relativeFile, 1, "data file needs a '# completeness: complete|partial|empty - reason' "
                        + "header line saying whether it holds the whole official list (a reason is required for partial and empty)"));
            }
        }
        if (header >= lines.size()) {
            problems.add(new RulePackProblem(relativeFile, header, "data file has no header row"));
            return null;
        }
        String body = String.join("\n", lines.subList(header, lines.size()));
        List<DataRow> rows = new ArrayList<>();
        List<String> columns;
        try (MappingIterator<Map<String, String>> it = CSV.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader())
                .readValues(body)) {
            columns = new ArrayList<>();
            int rowIndex = 0;
            while (it.hasNextValue()) {
                Map<String, String> row = it.nextValue();
                int line = header + 2 + rowIndex++; // 1-based: the header row is line header + 1
                if (columns.isEmpty()) {
                    columns.addAll(row.keySet());
                }
                String key = row.values().iterator().next();
                if (key == null || key.isBlank()) {
                    problems.add(new RulePackProblem(relativeFile, header + it.getCurrentLocation().getLineNr(),
                            "row has an empty key (first column)"));
                    continue;
                }
                typed(row, relativeFile, line, problems);
                rows.add(new DataRow(name, key.strip(), new LinkedHashMap<>(row)));
            }
        } catch (RuntimeException e) {
            problems.add(new RulePackProblem(relativeFile, header + 1, "malformed CSV: " + e.getMessage().lines().findFirst().orElse("")));
            return null;
        }
        if (columns.isEmpty()) {
            columns = List.of(lines.get(header).split(","));
        }
        return new DataSet(name, relativeFile, source, version, columns, rows, declared);
    }

    /** Columns whose values rules compute with: a bad value must stop the pack, not a screening. */
    private static final java.util.Set<String> NUMBER_COLUMNS = java.util.Set.of("number", "points", "amount");

    /** Checks typed columns: {@code number}, {@code points} and {@code amount} hold numbers, {@code date} ISO dates. */
    private static void typed(Map<String, String> row, String file, int line, List<RulePackProblem> problems) {
        row.forEach((column, value) -> {
            if (value == null || value.isBlank()) {
                return;
            }
            try {
                if (NUMBER_COLUMNS.contains(column)) {
                    new java.math.BigDecimal(value.strip());
                } else if (column.equals("date")) {
                    java.time.LocalDate.parse(value.strip());
                }
            } catch (RuntimeException e) {
                problems.add(new RulePackProblem(file, line, "column '" + column + "' must hold "
                        + (column.equals("date") ? "an ISO date (YYYY-MM-DD)" : "a number") + ", got '" + value.strip() + "'"));
            }
        });
    }
}
