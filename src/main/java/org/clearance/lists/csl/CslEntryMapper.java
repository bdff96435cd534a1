package org.clearance.lists.csl;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.clearance.lists.Address;
import org.clearance.lists.Countries;
import org.clearance.lists.EntityType;
import org.clearance.lists.Identifier;
import org.clearance.lists.ListEntry;
import org.clearance.lists.Text;

/**
 * Field-level mapping shared by the CSL CSV and JSON readers: names, the export-control columns kept as
 * details (licence requirement and policy, FR notice, dates) and countries from addresses and nationalities.
 */
final class CslEntryMapper {

    /** ISN rows append this clause to the name; it is legal scope, not part of the name to match. */
    private static final Pattern SUCCESSOR_CLAUSE = Pattern.compile(
            ";?\\s*and any successor, sub-unit, or subsidiary thereof\\.?$", Pattern.CASE_INSENSITIVE);
    private static final Pattern ISO2 = Pattern.compile("[A-Z]{2}");
    /** "ids" items that are statements, not identifiers ("Secondary sanctions risk:", "Gender", directives). */
    private static final Pattern NOT_AN_ID = Pattern.compile(
            "(?i).*(:|-|directive.*|gender|website|email address|phone number)$");

    private CslEntryMapper() {
    }

    static ListEntry.Builder start(String sourceColumn, String id, String name) {
        return ListEntry.builder(CslSource.code(sourceColumn), id)
                .primaryName(name == null ? null : SUCCESSOR_CLAUSE.matcher(name).replaceAll("").strip())
                .detail("list", sourceColumn);
    }

    static EntityType type(String type) {
        if (type == null) {
            return EntityType.UNKNOWN;
        }
        return switch (type.toLowerCase(Locale.ROOT)) {
            case "individual" -> EntityType.PERSON;
            case "entity" -> EntityType.ENTITY;
            case "vessel" -> EntityType.VESSEL;
            case "aircraft" -> EntityType.AIRCRAFT;
            default -> EntityType.UNKNOWN;
        };
    }

    /** Alternative names are "; "-separated; Entity List rows write the last one as "and X". */
    static List<String> splitNames(String altNames) {
        return Text.split(altNames, ";").stream().map(n -> n.replaceFirst("^and\\s+", "")).toList();
    }

    /** One CSV address "street, city, state, postal, ISO2": the country is the last part when it is ISO2. */
    static Address address(String text) {
        List<String> parts = Text.split(text.replaceFirst("^and\\s+", ""), ",");
        if (parts.isEmpty()) {
            return null;
        }
        String last = parts.get(parts.size() - 1);
        String country = ISO2.matcher(last).matches() ? Countries.toIso2(last).orElse(null)
                : Countries.toIso2(last).orElse(null);
        List<String> rest = country == null ? parts : parts.subList(0, parts.size() - 1);
        return new Address(String.join(", ", rest), null, null, null, country);
    }

    static void countries(ListEntry.Builder builder, String codes) {
        Text.split(codes, "[;,]").forEach(code -> Countries.toIso2(code).ifPresent(builder::country));
    }

    /** An "ids" item is "type, number[, country]"; statements without a number are skipped. */
    static Identifier identifier(String type, String number, String country) {
        if (Text.blankToNull(type) == null || Text.blankToNull(number) == null || NOT_AN_ID.matcher(type.strip()).matches()) {
            return null;
        }
        return new Identifier(type, number, country == null ? null : Countries.toIso2(country).orElse(null));
    }
}
