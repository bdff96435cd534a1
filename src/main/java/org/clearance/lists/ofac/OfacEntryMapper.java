package org.clearance.lists.ofac;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clearance.lists.Address;
import org.clearance.lists.Countries;
import org.clearance.lists.CsvRows;
import org.clearance.lists.EntityType;
import org.clearance.lists.Identifier;
import org.clearance.lists.ListEntry;
import org.clearance.lists.Text;

/**
 * Collects one OFAC record from its main row, address rows, alias rows and remark overflow, and maps it to a
 * {@link ListEntry}. The semi-structured Remarks text yields identifiers, nationalities and the quoted
 * "a.k.a." names, which OFAC itself treats as weak aliases.
 */
final class OfacEntryMapper {

    /** Remark items that are identifiers: "Passport P0017003 (Belize)", "Tax ID No. 7744001497 (Russia)". */
    private static final Pattern IDENTIFIER = Pattern.compile(
            "^(?:alt\\. )?(Passport|National ID No\\.|Registration Number|Registration ID|Tax ID No\\."
                    + "|(?:UK )?Company Number|Legal Entity Number|Business Registration Number|SWIFT/BIC"
                    + "|Vessel Registration Identification|Identification Number|MMSI|Public Registration Number"
                    + "|Government Gazette Number|Cedula No\\.|SSN|D-U-N-S Number|V\\.A\\.T\\. Number"
                    + "|Trade License No\\.|Commercial Registry Number|Aircraft Manufacturer's Serial Number \\(MSN\\))"
                    + " (.+?)(?: \\(([^()]+)\\))?$");
    private static final Pattern WEAK_AKA = Pattern.compile("^(?:a\\.k\\.a\\.|f\\.k\\.a\\.|n\\.k\\.a\\.) '(.+)'$");
    private static final Pattern NATIONALITY = Pattern.compile("^(?:nationality|citizen) (.+)$");

    private final ListEntry.Builder builder;
    private final StringBuilder remarks = new StringBuilder();

    OfacEntryMapper(String source, String entNum, CsvRows.Row main) {
        builder = ListEntry.builder(source, entNum)
                .primaryName(empty(main.cell(1)))
                .type(type(empty(main.cell(2))));
        Text.split(empty(main.cell(3)), "\\]\\s*\\[").forEach(builder::program);
        builder.detail("title", empty(main.cell(4)));
        builder.detail("callSign", empty(main.cell(5)));
        builder.detail("vesselType", empty(main.cell(6)));
        builder.detail("vesselFlag", empty(main.cell(9)));
        builder.detail("vesselOwner", empty(main.cell(10)));
        String remark = empty(main.cell(11));
        if (remark != null) {
            remarks.append(remark);
        }
    }

    void addAddress(CsvRows.Row row) {
        String country = empty(row.cell(4));
        builder.address(new Address(empty(row.cell(2)), empty(row.cell(3)), null, null,
                country == null ? null : Countries.toIso2(country).orElse(null)));
    }

    void addAlias(CsvRows.Row row) {
        builder.alias(empty(row.cell(3)), false);
    }

    /** sdn_comments.csv continues a Remarks text that was cut off mid-word, so it is appended as is. */
    void addRemarkOverflow(String overflow) {
        String text = empty(overflow);
        if (text != null) {
            remarks.append(text);
        }
    }

    ListEntry build() {
        String all = remarks.toString();
        for (String item : Text.split(all, ";\\s+")) {
            String clean = item.replaceAll("\\.$", "").strip();
            Matcher aka = WEAK_AKA.matcher(clean);
            if (aka.matches()) {
                builder.alias(aka.group(1), true);
                continue;
            }
            Matcher id = IDENTIFIER.matcher(clean);
            if (id.matches()) {
                builder.identifier(new Identifier(id.group(1), id.group(2).strip(),
                        id.group(3) == null ? null : Countries.toIso2(id.group(3)).orElse(null)));
                continue;
            }
            Matcher nationality = NATIONALITY.matcher(clean);
            if (nationality.matches()) {
                Countries.toIso2(nationality.group(1)).ifPresent(builder::country);
            }
        }
        builder.remark(all);
        return builder.build();
    }

    /** OFAC writes "-0-" (often with a trailing space) for an empty field. */
    static String empty(String cell) {
        String clean = Text.blankToNull(cell);
        return clean == null || clean.equals("-0-") ? null : clean;
    }

    private static EntityType type(String sdnType) {
        if (sdnType == null) {
            return EntityType.ENTITY;
        }
        return switch (sdnType.toLowerCase(Locale.ROOT)) {
            case "individual" -> EntityType.PERSON;
            case "vessel" -> EntityType.VESSEL;
            case "aircraft" -> EntityType.AIRCRAFT;
            default -> EntityType.UNKNOWN;
        };
    }

    static List<String> programs(String packed) {
        return Text.split(packed, "\\]\\s*\\[");
    }
}
