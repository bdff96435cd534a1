package org.clearance.lists.uk;

import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.clearance.lists.Address;
import org.clearance.lists.Alias;
import org.clearance.lists.Countries;
import org.clearance.lists.CsvRows;
import org.clearance.lists.EntityType;
import org.clearance.lists.HeaderIndex;
import org.clearance.lists.Identifier;
import org.clearance.lists.ListEntry;
import org.clearance.lists.ListFormatException;
import org.clearance.lists.Text;

/**
 * Collects the rows of one UK designation (same {@code Unique ID}): the "Primary Name" row gives the primary
 * name, other name rows become aliases ("Low quality" ones weak), non-Latin names become aliases too.
 */
final class UkDesignationMapper {

    static final String SOURCE = "UK-FCDO";

    private final ListEntry.Builder builder;
    /** Alias rows seen before the primary-name row; the first becomes primary if no such row exists. */
    private final java.util.List<Alias> otherNames = new java.util.ArrayList<>();

    UkDesignationMapper(String uniqueId) {
        builder = ListEntry.builder(SOURCE, uniqueId);
    }

    void add(HeaderIndex c, CsvRows.Row row, String file) {
        String name = fullName(c, row);
        if (name == null) {
            throw ListFormatException.atLine(file, row.line(), "row has no name (Name 1-6 empty)");
        }
        String nameType = String.valueOf(c.get(row, "Name type")).toLowerCase(Locale.ROOT);
        boolean weak = String.valueOf(c.get(row, "Alias strength")).toLowerCase(Locale.ROOT).contains("low");
        if (nameType.equals("primary name") && builder.primaryName() == null) {
            builder.primaryName(name);
        } else {
            otherNames.add(new Alias(name, weak));
        }
        builder.alias(c.get(row, "Name non-latin script"), false);
        builder.type(type(c.get(row, "Designation Type")));
        builder.program(c.get(row, "Regime Name"));
        builder.remark(c.get(row, "Other Information"));
        builder.detail("ofsiGroupId", c.get(row, "OFSI Group ID"));
        builder.detail("unReference", c.get(row, "UN Reference Number"));
        builder.detail("dateDesignated", c.get(row, "Date Designated"));
        builder.detail("lastUpdated", c.get(row, "Last Updated"));
        builder.detail("sanctionsImposed", c.get(row, "Sanctions Imposed"));
        String addressCountry = c.get(row, "Address Country");
        String street = Stream.of("Address Line 1", "Address Line 2", "Address Line 3", "Address Line 4")
                .map(col -> c.get(row, col)).filter(v -> v != null).collect(Collectors.joining(", "));
        builder.address(new Address(street, c.get(row, "Address Line 5"), c.get(row, "Address Line 6"),
                c.get(row, "Address Postal Code"), iso2(addressCountry)));
        Text.split(c.get(row, "Nationality(/ies)"), "[|,;]").forEach(n -> builder.country(iso2(n)));
        identifier(c, row, "Business registration number (s)", "Business registration number");
        identifier(c, row, "Passport number", "Passport");
        identifier(c, row, "National Identifier number", "National ID");
        identifier(c, row, "IMO number", "IMO");
    }

    ListEntry build(String file) {
        if (builder.primaryName() == null && !otherNames.isEmpty()) {
            builder.primaryName(otherNames.remove(0).name());
        }
        otherNames.forEach(alias -> builder.alias(alias.name(), alias.weak()));
        return builder.build();
    }

    /** Name 1-5 are given/middle names, Name 6 the surname or the entity's whole name. */
    private static String fullName(HeaderIndex c, CsvRows.Row row) {
        String joined = Stream.of("Name 1", "Name 2", "Name 3", "Name 4", "Name 5", "Name 6")
                .map(col -> c.get(row, col)).filter(v -> v != null).collect(Collectors.joining(" "));
        return Text.blankToNull(joined);
    }

    private void identifier(HeaderIndex c, CsvRows.Row row, String column, String type) {
        for (String number : Text.split(c.get(row, column), "\\|")) {
            builder.identifier(new Identifier(type, number, null));
        }
    }

    private static EntityType type(String designationType) {
        if (designationType == null) {
            return EntityType.UNKNOWN;
        }
        return switch (designationType.toLowerCase(Locale.ROOT)) {
            case "individual" -> EntityType.PERSON;
            case "entity" -> EntityType.ENTITY;
            case "ship" -> EntityType.VESSEL;
            default -> EntityType.UNKNOWN;
        };
    }

    private static String iso2(String country) {
        return country == null ? null : Countries.toIso2(country).orElse(null);
    }
}
