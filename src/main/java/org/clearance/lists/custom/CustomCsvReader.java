package org.clearance.lists.custom;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.clearance.facts.IdentifierType;
import org.clearance.facts.PartyIdentifier;
import org.clearance.lists.Address;
import org.clearance.lists.Identifier;
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
import org.clearance.lists.Text;

/**
 * Reads the exporter's own watch list: CSV with header {@code name, aliases, country, address, reason}
 * (aliases {@code ;}-separated, country ISO2 or an English name), an optional {@code id} column and an optional
 * {@code identifiers} column ({@code TYPE:VALUE}, {@code ;}-separated, e.g. {@code IMO:9187629; LEI:…}; types as in
 * orders). Because people edit this file by hand, an unknown country, identifier type or malformed identifier is an
 * error rather than silently dropped.
 */
public final class CustomCsvReader implements ListReader {

    private final String source;

    /** @param source the list's code in results, e.g. {@code CUSTOM} or {@code CUSTOM-SALES-HOLD} */
    public CustomCsvReader(String source) {
        this.source = Text.require(source, "source");
    }

    public CustomCsvReader() {
        this("CUSTOM");
    }

    @Override
    public ListFormat format() {
        return ListFormat.CUSTOM_CSV;
    }

    @Override
    public ListSnapshot read(Path path) throws IOException {
        HeaderedTable table = HeaderedTable.read(path, ',', "name", "aliases", "country", "address", "reason");
        String file = table.file();
        HeaderIndex columns = table.columns();
        List<ListEntry> entries = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (CsvRows.Row row : table.rows()) {
            String name = columns.get(row, "name");
            if (name == null) {
                throw ListFormatException.atLine(file, row.line(), "name is empty");
            }
            String countryText = columns.get(row, "country");
            String country = countryText == null ? null : Countries.toIso2(countryText.toUpperCase().length() == 2
                    ? countryText.toUpperCase() : countryText).orElseThrow(() ->
                    ListFormatException.atLine(file, row.line(), "unknown country '" + countryText + "'"));
            String id = columns.get(row, "id") != null ? columns.get(row, "id") : StableId.of(name, country);
            if (!ids.add(id)) {
                throw ListFormatException.atLine(file, row.line(), "duplicate entry " + id + " (same name and country)");
            }
            ListEntry.Builder builder = ListEntry.builder(source, id).primaryName(name).type(EntityType.UNKNOWN)
                    .country(country).remark(columns.get(row, "reason"));
            Text.split(columns.get(row, "aliases"), ";").forEach(alias -> builder.alias(alias, false));
            for (String identifier : Text.split(columns.get(row, "identifiers"), ";")) {
                builder.identifier(identifier(identifier, file, row.line()));
            }
            String address = columns.get(row, "address");
            if (address != null) {
                builder.address(new Address(address, null, null, null, country));
            }
            entries.add(builder.build());
        }
        return ListSnapshot.of(format(), FileHash.sha256(path), null, entries);
    }

    /** One {@code TYPE:VALUE} item, checked as an order's identifier is; stored normalised. */
    private static Identifier identifier(String item, String file, long line) {
        int colon = item.indexOf(':');
        if (colon <= 0) {
            throw ListFormatException.atLine(file, line, "identifier '" + item + "' must be TYPE:VALUE, e.g. IMO:9187629");
        }
        String typeName = item.substring(0, colon).strip();
        IdentifierType type = IdentifierType.named(typeName).orElseThrow(() -> ListFormatException.atLine(file, line,
                "unknown identifier type '" + typeName + "'; expected one of " + java.util.Arrays.toString(IdentifierType.values())));
        try {
            PartyIdentifier checked = new PartyIdentifier(type, item.substring(colon + 1), null);
            return new Identifier(type.name(), checked.value(), null);
        } catch (IllegalArgumentException e) {
            throw ListFormatException.atLine(file, line, "identifier '" + item + "': " + e.getMessage());
        }
    }
}
