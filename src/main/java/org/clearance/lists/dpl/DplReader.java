package org.clearance.lists.dpl;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clearance.lists.Address;
import org.clearance.lists.Countries;
import org.clearance.lists.CsvRows;
import org.clearance.lists.EntityType;
import org.clearance.lists.FileHash;
import org.clearance.lists.HeaderIndex;
import org.clearance.lists.HeaderedTable;
import org.clearance.lists.ListEntry;
import org.clearance.lists.ListFormat;
import org.clearance.lists.ListFormatException;
import org.clearance.lists.ListReader;
import org.clearance.lists.ListSnapshot;
import org.clearance.lists.StableId;

/**
 * Reads the BIS Denied Persons List file (tab-separated, quoted, with header). The DPL publishes no record id
 * and repeats a denied person once per address, so rows are grouped by name and order date (Effective_Date +
 * FR_Citation) under a content-derived id.
 */
public final class DplReader implements ListReader {

    static final String SOURCE = "US-BIS-DPL";
    private static final String[] COLUMNS = {"Name", "Street_Address", "City", "State", "Country", "Postal_Code",
        "Effective_Date", "Expiration_Date", "Standard_Order", "Last_Update", "Action", "FR_Citation"};

    @Override
    public ListFormat format() {
        return ListFormat.BIS_DPL_TXT;
    }

    @Override
    public ListSnapshot read(Path path) throws IOException {
        HeaderedTable table = HeaderedTable.read(path, '\t', COLUMNS);
        String file = table.file();
        HeaderIndex columns = table.columns();
        Map<String, ListEntry.Builder> byOrder = new LinkedHashMap<>();
        for (CsvRows.Row row : table.rows()) {
            String name = columns.get(row, "Name");
            if (name == null) {
                throw ListFormatException.atLine(file, row.line(), "row has no Name");
            }
            String effective = columns.get(row, "Effective_Date");
            String citation = columns.get(row, "FR_Citation");
            String id = StableId.of(name, effective, citation);
            ListEntry.Builder builder = byOrder.computeIfAbsent(id, key -> ListEntry.builder(SOURCE, key)
                    .primaryName(name)
                    .type(EntityType.UNKNOWN)
                    .program("DPL")
                    .detail("effective_date", effective)
                    .detail("expiration_date", columns.get(row, "Expiration_Date"))
                    .detail("standard_order", columns.get(row, "Standard_Order"))
                    .detail("last_update", columns.get(row, "Last_Update"))
                    .detail("action", columns.get(row, "Action"))
                    .detail("federal_register_notice", citation));
            String country = columns.get(row, "Country");
            builder.address(new Address(columns.get(row, "Street_Address"), columns.get(row, "City"),
                    columns.get(row, "State"), columns.get(row, "Postal_Code"),
                    country == null ? null : Countries.toIso2(country).orElse(null)));
        }
        List<ListEntry> entries = new ArrayList<>();
        byOrder.values().forEach(builder -> entries.add(builder.build()));
        return ListSnapshot.of(format(), FileHash.sha256(path), null, entries);
    }
}
