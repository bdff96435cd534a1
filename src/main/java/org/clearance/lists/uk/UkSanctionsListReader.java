package org.clearance.lists.uk;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clearance.lists.CsvRows;
import org.clearance.lists.FileHash;
import org.clearance.lists.HeaderIndex;
import org.clearance.lists.ListEntry;
import org.clearance.lists.ListFormat;
import org.clearance.lists.ListFormatException;
import org.clearance.lists.ListReader;
import org.clearance.lists.ListSnapshot;
import org.clearance.lists.TextFiles;

/**
 * Reads the FCDO UK Sanctions List CSV: a {@code Report Date: dd-Mon-yyyy} banner (the publication date),
 * the header, then one row per name and address of a designation; rows are grouped by {@code Unique ID}.
 */
public final class UkSanctionsListReader implements ListReader {

    private static final Pattern BANNER = Pattern.compile("(?i)^\\s*Report Date:\\s*(\\S+)\\s*$");
    private static final DateTimeFormatter BANNER_DATE = DateTimeFormatter.ofPattern("d-MMM-uuuu", Locale.ENGLISH);
    static final String[] REQUIRED = {"Unique ID", "Name 6", "Name type", "Designation Type", "Regime Name"};

    @Override
    public ListFormat format() {
        return ListFormat.UK_SANCTIONS_LIST_CSV;
    }

    @Override
    public ListSnapshot read(Path path) throws IOException {
        String file = path.getFileName().toString();
        List<CsvRows.Row> rows = CsvRows.read(new StringReader(TextFiles.read(path)), ',', file);
        if (rows.size() < 2) {
            throw ListFormatException.atLine(file, 1, "expected a 'Report Date:' banner and a header");
        }
        LocalDate reportDate = reportDate(rows.get(0), file);
        CsvRows.Row headerRow = rows.get(1);
        HeaderIndex columns = new HeaderIndex(headerRow, file).require(REQUIRED);
        Map<String, UkDesignationMapper> byId = new LinkedHashMap<>();
        for (CsvRows.Row row : rows.subList(2, rows.size())) {
            if (row.size() != headerRow.size()) {
                throw ListFormatException.atLine(file, row.line(),
                        "expected " + headerRow.size() + " columns, found " + row.size());
            }
            String id = columns.get(row, "Unique ID");
            if (id == null) {
                throw ListFormatException.atLine(file, row.line(), "row has no Unique ID");
            }
            byId.computeIfAbsent(id, UkDesignationMapper::new).add(columns, row, file);
        }
        List<ListEntry> entries = new ArrayList<>(byId.size());
        for (UkDesignationMapper mapper : byId.values()) {
            entries.add(mapper.build(file));
        }
        return ListSnapshot.of(format(), FileHash.sha256(path), reportDate, entries);
    }

    private static LocalDate reportDate(CsvRows.Row banner, String file) {
        Matcher matcher = BANNER.matcher(banner.cell(0));
        if (!matcher.matches()) {
            throw ListFormatException.atLine(file, banner.line(), "expected 'Report Date: dd-Mon-yyyy' banner");
        }
        try {
            return LocalDate.parse(matcher.group(1), BANNER_DATE);
        } catch (DateTimeParseException e) {
            throw ListFormatException.atLine(file, banner.line(), "unreadable report date '" + matcher.group(1) + "'");
        }
    }
}
