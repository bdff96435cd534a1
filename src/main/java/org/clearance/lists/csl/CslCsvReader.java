package org.clearance.lists.csl;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.clearance.lists.CsvRows;
import org.clearance.lists.FileHash;
import org.clearance.lists.HeaderIndex;
import org.clearance.lists.HeaderedTable;
import org.clearance.lists.ListEntry;
import org.clearance.lists.ListFormat;
import org.clearance.lists.ListFormatException;
import org.clearance.lists.ListReader;
import org.clearance.lists.ListSnapshot;
import org.clearance.lists.Text;

/**
 * Reads the trade.gov Consolidated Screening List CSV. Columns are found by header name, so the current
 * 29-column file and the older one without {@code _id} both read; rows without {@code _id} fall back to
 * {@code entity_number}, then to the line number. The file carries no publication date.
 */
public final class CslCsvReader implements ListReader {

    @Override
    public ListFormat format() {
        return ListFormat.US_CSL_CSV;
    }

    @Override
    public ListSnapshot read(Path path) throws IOException {
        HeaderedTable table = HeaderedTable.read(path, ',', "source", "name", "alt_names", "addresses");
        String file = table.file();
        HeaderIndex columns = table.columns();
        List<ListEntry> entries = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (CsvRows.Row row : table.rows()) {
            String source = columns.get(row, "source");
            String name = columns.get(row, "name");
            if (source == null || name == null) {
                throw ListFormatException.atLine(file, row.line(), "row has no " + (source == null ? "source" : "name"));
            }
            String id = firstNonNull(columns.get(row, "_id"), columns.get(row, "entity_number"), "line-" + row.line());
            if (!seen.add(source + id)) {
                throw ListFormatException.atLine(file, row.line(), "duplicate id " + id);
            }
            entries.add(map(columns, row, source, id, name));
        }
        return ListSnapshot.of(format(), FileHash.sha256(path), null, entries);
    }

    private static ListEntry map(HeaderIndex columns, CsvRows.Row row, String source, String id, String name) {
        ListEntry.Builder builder = CslEntryMapper.start(source, id, name)
                .type(CslEntryMapper.type(columns.get(row, "type")));
        CslEntryMapper.splitNames(columns.get(row, "alt_names")).forEach(alias -> builder.alias(alias, false));
        Text.split(columns.get(row, "addresses"), ";").forEach(a -> builder.address(CslEntryMapper.address(a)));
        CslEntryMapper.countries(builder, columns.get(row, "nationalities"));
        CslEntryMapper.countries(builder, columns.get(row, "citizenships"));
        Text.split(columns.get(row, "programs"), ";").forEach(builder::program);
        for (String item : Text.split(columns.get(row, "ids"), ";")) {
            List<String> parts = Text.split(item, ",");
            if (parts.size() >= 2) {
                builder.identifier(CslEntryMapper.identifier(parts.get(0), parts.get(1),
                        parts.size() > 2 ? parts.get(2) : null));
            }
        }
        builder.remark(columns.get(row, "remarks"));
        for (String detail : List.of("entity_number", "federal_register_notice", "start_date", "end_date",
                "standard_order", "license_requirement", "license_policy", "source_list_url", "title")) {
            builder.detail(detail, columns.get(row, detail));
        }
        return builder.build();
    }

    private static String firstNonNull(String... values) {
        for (String value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
