package org.clearance.facts;

import java.util.List;

/**
 * An order party that resembles a list entry: which list ({@code list} is the publisher's code, e.g.
 * {@code US-OFAC-SDN}; rules look its regime and category up in {@code common/list-sources}), which entry
 * ({@code sourceId}, {@code entryName}), which of its names matched and how well, the list version it came from
 * and whether the countries agree. {@code strong} means the score is at or above {@code clearance.lists.strong-score}
 * on a name the publisher does not flag as weak, or that an identifier matched exactly. Inserted for every party match
 * at or above the threshold that no reviewer dismissed.
 * <p>
 * {@code matchedIdentifier} is the identifier that matched exactly ("IMO 9187629"), null for a match by name.
 * {@code unmappedListJurisdictions} are the regimes ({@code US}, {@code EU}, {@code UK}, {@code JP}) in which a
 * match is reviewed when the pack does not map {@code list} ({@code clearance.lists.unmapped-list-jurisdictions}).
 */
public record PartyMatch(String orderId, OrderParty party, String list, String sourceId, String entryName,
                         String matchedName, double score, boolean strong, List<String> programs, String listVersion,
                         String countryAgreement, String explanation, String matchedIdentifier,
                         List<String> unmappedListJurisdictions) implements Subject {

    /** Every reported regime: what a list the pack does not map is reviewed in unless configured otherwise. */
    public static final List<String> ALL_JURISDICTIONS = Jurisdiction.REPORTED.stream().map(Enum::name).toList();

    public PartyMatch {
        programs = programs == null ? List.of() : List.copyOf(programs);
        unmappedListJurisdictions = unmappedListJurisdictions == null ? ALL_JURISDICTIONS
                : List.copyOf(unmappedListJurisdictions);
    }

    /** A match by name, with unmapped lists reviewed in every regime. */
    public PartyMatch(String orderId, OrderParty party, String list, String sourceId, String entryName,
                      String matchedName, double score, boolean strong, List<String> programs, String listVersion,
                      String countryAgreement, String explanation) {
        this(orderId, party, list, sourceId, entryName, matchedName, score, strong, programs, listVersion,
                countryAgreement, explanation, null, null);
    }

    public PartyRole role() {
        return party.role();
    }

    @Override
    public String pointer() {
        return party.pointer();
    }

    @Override
    public String label() {
        return party.label();
    }

    public boolean byIdentifier() {
        return matchedIdentifier != null;
    }

    /** The matched entry for a finding message: list, entry, version, and either the identifier or the score and why. */
    public String describe() {
        String entry = String.format(java.util.Locale.ROOT, "%s entry %s \"%s\"", list, sourceId, entryName);
        String programList = programs.isEmpty() ? "" : ", programs " + String.join(", ", programs);
        if (byIdentifier()) {
            return String.format(java.util.Locale.ROOT, "%s (list version %s): matched by identifier %s, whatever the name%s",
                    entry, listVersion, matchedIdentifier, programList);
        }
        return String.format(java.util.Locale.ROOT,
                "%s%s (list version %s): score %.2f%s, countries %s; %s",
                entry, matchedName.equalsIgnoreCase(entryName) ? "" : " via name \"" + matchedName + "\"",
                listVersion, score, programList, countryAgreement.toLowerCase(java.util.Locale.ROOT), explanation);
    }
}
