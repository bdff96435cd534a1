package org.clearance.licences;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clearance.lists.CsvRows;
import org.clearance.lists.ListFormatException;
import org.clearance.order.InputProblem;
import org.clearance.order.OrderInput;
import org.clearance.order.StrictUtf8;

/**
 * Reads licences from a JSON document (one licence object or an array of them) or a CSV file (docs/licences.md,
 * "Import format"); every problem is named by JSON pointer or file:line and column. All or nothing: a file with any
 * problem yields no licence.
 */
public final class LicenceFiles {

    /** Licences per import: generous for a register, small enough to validate in one transaction. */
    public static final int MAX_LICENCES = 10_000;

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    private static final Set<String> LIST_COLUMNS = Set.of("items", "destinations");
    private static final Set<String> PARTY_COLUMNS = Set.of("consignees", "end_users");
    private static final Set<String> NUMBER_COLUMNS = Set.of("quantity", "value");
    private static final Pattern PARTY = Pattern.compile("(.*\\S)\\s*\\(([A-Za-z]{2})\\)");

    private LicenceFiles() {
    }

    /** The licences in {@code file}: CSV when its name ends in .csv, JSON otherwise. */
    public static List<LicenceRequest> read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String name = file.getFileName().toString();
        String text;
        try {
            text = StrictUtf8.decode(bytes);
        } catch (StrictUtf8.InvalidUtf8Exception e) {
            throw invalid(List.of(new InputProblem(name, "", "is not UTF-8 text (invalid byte at offset " + e.offset() + ")")));
        }
        return name.toLowerCase(Locale.ROOT).endsWith(".csv") ? csv(name, text) : json(name, text);
    }

    /** Licences from JSON text: one object or an array of objects. */
    public static List<LicenceRequest> json(String source, String text) {
        OrderInput.Json json = OrderInput.readJson(source, text);
        if (json.problem() != null) {
            throw invalid(List.of(json.problem()));
        }
        JsonNode node = json.node();
        List<InputProblem> problems = new ArrayList<>();
        List<LicenceRequest> licences = new ArrayList<>();
        if (node.isArray()) {
            if (node.isEmpty() || node.size() > MAX_LICENCES) {
                throw invalid(List.of(new InputProblem(source, "", "must hold 1 to " + MAX_LICENCES + " licences; it holds " + node.size())));
            }
            for (int i = 0; i < node.size(); i++) {
                add(licences, LicenceParser.parse(source, "/" + i, node.get(i), problems));
            }
        } else {
            add(licences, LicenceParser.parse(source, "", node, problems));
        }
        return finish(licences, problems);
    }

    /**
     * A licence register held in memory, for rule tests: the licences in {@code node} (JSON, one or an array) as
     * registered with nothing used yet.
     */
    public static List<LicenceView> fixtures(String source, JsonNode node) {
        List<InputProblem> problems = new ArrayList<>();
        List<LicenceRequest> licences = new ArrayList<>();
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                add(licences, LicenceParser.parse(source, "/" + i, node.get(i), problems));
            }
        } else {
            add(licences, LicenceParser.parse(source, "", node, problems));
        }
        return finish(licences, problems).stream().map(LicenceView::fixture).toList();
    }

    /** Licences from CSV text: a header row of column names, then one licence per row. */
    public static List<LicenceRequest> csv(String source, String text) {
        List<CsvRows.Row> rows;
        try {
            rows = CsvRows.read(new StringReader(text), ',', source);
        } catch (ListFormatException e) {
            throw invalid(List.of(new InputProblem(source + ":" + e.location().replaceAll("[^0-9]", ""), "", e.problem())));
        } catch (IOException e) {
            throw new IllegalStateException(e); // a StringReader does not fail
        }
        rows = rows.stream().filter(r -> !r.isBlank()).toList();
        if (rows.isEmpty()) {
            throw invalid(List.of(new InputProblem(source, "", "is empty; expected a header row and one licence per row")));
        }
        CsvRows.Row header = rows.get(0);
        List<InputProblem> problems = new ArrayList<>();
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String column = header.cell(i).strip().toLowerCase(Locale.ROOT);
            boolean known = LicenceParser.FIELDS.contains(column) && !column.equals("holder")
                    || column.equals("holder_name") || column.equals("holder_country");
            if (!known) {
                problems.add(new InputProblem(source + ":" + header.line(), "", "unknown column \"" + column
                        + "\"; the columns are " + String.join(", ", csvColumns())));
            } else if (columns.put(column, i) != null) {
                problems.add(new InputProblem(source + ":" + header.line(), "", "column \"" + column + "\" appears twice"));
            }
        }
        if (!problems.isEmpty()) {
            throw invalid(problems);
        }
        if (rows.size() - 1 > MAX_LICENCES) {
            throw invalid(List.of(new InputProblem(source, "", "holds " + (rows.size() - 1) + " licences; at most "
                    + MAX_LICENCES + " per import")));
        }
        List<LicenceRequest> licences = new ArrayList<>();
        for (CsvRows.Row row : rows.subList(1, rows.size())) {
            String where = source + ":" + row.line();
            if (row.size() > header.size()) {
                problems.add(new InputProblem(where, "", "has " + row.size() + " cells; the header has " + header.size()));
                continue;
            }
            List<InputProblem> rowProblems = new ArrayList<>();
            add(licences, LicenceParser.parse(where, "", object(row, columns, where, rowProblems), rowProblems));
            rowProblems.forEach(p -> problems.add(new InputProblem(p.source(), column(p.pointer()), p.message())));
        }
        return finish(licences, problems);
    }

    /** The CSV column a pointer into the row's licence JSON stands for: /holder/country → holder_country, /items/2 → items. */
    private static String column(String pointer) {
        String[] parts = pointer.split("/");
        if (parts.length < 2) {
            return pointer;
        }
        return parts[1].equals("holder") && parts.length > 2 ? "holder_" + parts[2] : parts[1];
    }

    /** The CSV columns, in the documented order. */
    static List<String> csvColumns() {
        return List.of("jurisdiction", "type", "reference", "holder_name", "holder_country", "items", "destinations",
                "consignees", "end_users", "quantity", "quantity_unit", "value", "value_currency", "valid_from",
                "valid_until", "conditions");
    }

    /** One CSV row as the licence JSON it stands for. */
    private static ObjectNode object(CsvRows.Row row, Map<String, Integer> columns, String where, List<InputProblem> problems) {
        ObjectNode node = NODES.objectNode();
        columns.forEach((column, index) -> {
            String cell = row.cell(index);
            if (cell == null || cell.isBlank()) {
                return;
            }
            cell = cell.strip();
            if (column.startsWith("holder_")) {
                ObjectNode holder = node.has("holder") ? (ObjectNode) node.get("holder") : node.putObject("holder");
                holder.put(column.substring("holder_".length()), cell);
            } else if (LIST_COLUMNS.contains(column)) {
                ArrayNode list = node.putArray(column);
                for (String part : cell.split(";")) {
                    if (!part.isBlank()) {
                        list.add(part.strip());
                    }
                }
            } else if (PARTY_COLUMNS.contains(column)) {
                ArrayNode list = node.putArray(column);
                for (String part : cell.split(";")) {
                    Matcher party = PARTY.matcher(part.strip());
                    if (party.matches()) {
                        list.addObject().put("name", party.group(1)).put("country", party.group(2));
                    } else if (!part.isBlank()) {
                        problems.add(new InputProblem(where, "/" + column, "\"" + part.strip()
                                + "\" must be written Name (CC): a name and its ISO country code in brackets, entries separated by ;"));
                    }
                }
            } else if (NUMBER_COLUMNS.contains(column)) {
                try {
                    node.put(column, new BigDecimal(cell));
                } catch (NumberFormatException e) {
                    node.put(column, cell); // the parser reports "must be a number"
                }
            } else {
                node.put(column, cell);
            }
        });
        return node;
    }

    private static void add(List<LicenceRequest> licences, LicenceRequest licence) {
        if (licence != null) {
            licences.add(licence);
        }
    }

    private static List<LicenceRequest> finish(List<LicenceRequest> licences, List<InputProblem> problems) {
        Set<String> keys = new java.util.HashSet<>();
        for (LicenceRequest licence : licences) {
            if (!keys.add(licence.key().toUpperCase(Locale.ROOT))) {
                problems.add(new InputProblem("input", "", "licence " + licence.key() + " appears twice"));
            }
        }
        if (!problems.isEmpty()) {
            throw invalid(problems);
        }
        return List.copyOf(licences);
    }

    private static InvalidLicencesException invalid(List<InputProblem> problems) {
        return new InvalidLicencesException(problems.size() + " problem(s) in the licences; nothing was stored.", problems);
    }
}
