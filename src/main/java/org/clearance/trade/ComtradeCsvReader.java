package org.clearance.trade;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.clearance.lists.Countries;

/**
 * Reads monthly trade statistics in the UN Comtrade bulk-download CSV layout (docs/trade.md): columns are found by
 * their Comtrade names, other columns are ignored. Collects every bad row with its line instead of stopping at the
 * first, so one run shows everything to fix. Rows Clearance does not analyse on purpose (world and area totals,
 * re-exports, breakdowns by mode of transport or customs procedure) are counted as skipped, not errors.
 */
public final class ComtradeCsvReader {

    static final List<String> REQUIRED = List.of("freqCode", "period", "reporterISO", "flowCode", "partnerISO",
            "cmdCode", "primaryValue");
    /** Comtrade breakdown columns and the value that means "all" (the total row Clearance keeps). */
    private static final Map<String, String> TOTALS = Map.of("partner2Code", "0", "motCode", "0", "customsCode", "C00",
            "mosCode", "0");

    private static final CsvMapper CSV = new CsvMapper();

    private ComtradeCsvReader() {
    }

    public static TradeFile read(Reader in, String fileName) throws IOException {
        List<TradeRow> rows = new ArrayList<>();
        List<TradeFileException.Problem> problems = new ArrayList<>();
        Map<String, Integer> skipped = new TreeMap<>();
        Map<TradeRow.Key, Long> seen = new HashMap<>();
        long[] rowStart = {1};
        try (JsonParser parser = CSV.readerFor(String[].class).with(CsvParser.Feature.WRAP_AS_ARRAY)
                .with(CsvParser.Feature.TRIM_SPACES).createParser(in)) {
            Map<String, Integer> header = null;
            JsonToken token = parser.nextToken(); // START_ARRAY of the whole file
            while (token != null && (token = parser.nextToken()) == JsonToken.START_ARRAY) {
                List<String> cells = new ArrayList<>();
                long line = -1;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    if (line < 0) {
                        line = parser.currentTokenLocation().getLineNr(); // where the row's first cell starts
                        rowStart[0] = line;
                    }
                    cells.add(parser.getText());
                }
                if (cells.stream().allMatch(String::isBlank)) {
                    continue;
                }
                if (header == null) {
                    header = header(cells, fileName);
                    continue;
                }
                Row row = new Row(header, cells);
                try {
                    Optional<TradeRow> parsed = parse(row, skipped);
                    if (parsed.isPresent()) {
                        Long first = seen.putIfAbsent(parsed.get().key(), line);
                        if (first != null) {
                            throw new BadRow("the same reporter, partner, cmdCode, period and flow as line " + first);
                        }
                        rows.add(parsed.get());
                    }
                } catch (BadRow e) {
                    problems.add(new TradeFileException.Problem(line, e.getMessage()));
                }
            }
            if (header == null) {
                problems.add(new TradeFileException.Problem(1, "empty file: expected a Comtrade header with columns "
                        + String.join(", ", REQUIRED)));
            }
        } catch (HeaderException e) {
            problems.add(new TradeFileException.Problem(1, e.getMessage()));
        } catch (JsonProcessingException e) {
            // Jackson reports where it gave up (for a missing closing quote: the end of the file); name the row it was in.
            long at = e.getLocation() == null ? rowStart[0] : e.getLocation().getLineNr();
            problems.add(new TradeFileException.Problem(rowStart[0], "not valid CSV: " + e.getOriginalMessage()
                    + (at != rowStart[0] ? " (noticed at line " + at + ")" : "")));
        }
        if (!problems.isEmpty()) {
            throw new TradeFileException(fileName, problems);
        }
        return new TradeFile(rows, skipped);
    }

    private static Map<String, Integer> header(List<String> cells, String fileName) {
        Map<String, Integer> header = new HashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            header.putIfAbsent(cells.get(i).replace("\uFEFF", "").strip(), i);
        }
        List<String> missing = REQUIRED.stream().filter(c -> !header.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw new HeaderException("header lacks the Comtrade column(s) " + String.join(", ", missing)
                    + " (see docs/trade.md for the layout)");
        }
        return header;
    }

    private static Optional<TradeRow> parse(Row row, Map<String, Integer> skipped) {
        for (Map.Entry<String, String> total : TOTALS.entrySet()) {
            String value = row.optional(total.getKey());
            if (value != null && !value.isEmpty() && !value.equals(total.getValue())) {
                return skip(skipped, "breakdown by " + total.getKey());
            }
        }
        String freq = row.required("freqCode");
        if (!freq.equals("M")) {
            throw new BadRow("freqCode '" + freq + "': only monthly data (M) can be compared month by month");
        }
        String flowCode = row.required("flowCode");
        TradeFlow flow = switch (flowCode) {
            case "X" -> TradeFlow.EXPORT;
            case "M" -> TradeFlow.IMPORT;
            default -> null;
        };
        if (flow == null) {
            return skip(skipped, "flowCode " + flowCode);
        }
        String partnerIso = row.required("partnerISO");
        if (partnerIso.equals("W00") || "0".equals(row.optional("partnerCode"))) {
            return skip(skipped, "partner World (W00)");
        }
        String reporter = country(row.required("reporterISO"), "reporterISO");
        String partner = country(partnerIso, "partnerISO");
        String hsCode = row.required("cmdCode");
        if (!hsCode.matches("\\d{6}")) {
            if (hsCode.equals("TOTAL") || hsCode.matches("\\d{2}|\\d{4}")) {
                return skip(skipped, "cmdCode not at HS-6 level");
            }
            throw new BadRow("cmdCode '" + hsCode + "' is not a 6-digit HS code");
        }
        return Optional.of(new TradeRow(reporter, partner, hsCode, month(row.required("period")), flow,
                value(row.required("primaryValue"))));
    }

    private static Optional<TradeRow> skip(Map<String, Integer> skipped, String reason) {
        skipped.merge(reason, 1, Integer::sum);
        return Optional.empty();
    }

    private static String country(String iso3, String column) {
        if (!iso3.matches("[A-Z]{3}")) {
            throw new BadRow(column + " '" + iso3 + "' is not an ISO 3166-1 alpha-3 code");
        }
        return Countries.toIso2(iso3).orElseThrow(() -> new BadRow(column + " '" + iso3 + "' is not a known country code"));
    }

    private static YearMonth month(String period) {
        if (!period.matches("\\d{6}")) {
            throw new BadRow("period '" + period + "' is not a month as YYYYMM");
        }
        int month = Integer.parseInt(period.substring(4));
        if (month < 1 || month > 12) {
            throw new BadRow("period '" + period + "' has no month " + month);
        }
        return YearMonth.of(Integer.parseInt(period.substring(0, 4)), month);
    }

    private static BigDecimal value(String text) {
        BigDecimal value;
        try {
            value = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new BadRow("primaryValue '" + text + "' is not a number");
        }
        if (value.signum() < 0) {
            throw new BadRow("primaryValue " + text + " is negative");
        }
        if (value.scale() > 2 || value.precision() - value.scale() > 16) {
            throw new BadRow("primaryValue " + text + " needs at most 16 digits before and 2 after the point");
        }
        return value;
    }

    /** One data row, read by Comtrade column name. */
    private record Row(Map<String, Integer> header, List<String> cells) {

        String required(String column) {
            String value = optional(column);
            if (value == null || value.isEmpty()) {
                throw new BadRow(column + " is empty");
            }
            return value;
        }

        String optional(String column) {
            Integer index = header.get(column);
            return index == null || index >= cells.size() ? null : cells.get(index).strip().toUpperCase(Locale.ROOT);
        }
    }

    private static final class BadRow extends RuntimeException {
        BadRow(String message) {
            super(message, null, false, false);
        }
    }

    private static final class HeaderException extends RuntimeException {
        HeaderException(String message) {
            super(message, null, false, false);
        }
    }
}
