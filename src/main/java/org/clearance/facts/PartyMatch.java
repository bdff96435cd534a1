package org.clearance.facts;

import java.util.List;

/**
 * An order party that resembles a list entry: which list ({@code list} is the publisher's code, e.g.
 * {@code US-OFAC-SDN}; rules look its regime and category up in {@code common/list-sources}), which entry
 * ({@code sourceId}, {@code entryName}), which of its names matched and how well, the list version it came from
 * and whether the countries agree. {@code strong} means the score is at or above {@code clearance.lists.strong-score}
 * on a name the publisher does not flag as weak. Inserted for every party match at or above the threshold that no
 * reviewer dismissed.
 */
public record PartyMatch(String orderId, OrderParty party, String list, String sourceId, String entryName,
                         String matchedName, double score, boolean strong, List<String> programs, String listVersion,
                         String countryAgreement, String explanation) implements Subject {

    public PartyMatch {
        programs = programs == null ? List.of() : List.copyOf(programs);
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

    /** The matched entry for a finding message: list, entry, version, score and why. */
    public String describe() {
        return String.format(java.util.Locale.ROOT,
                "%s entry %s \"%s\"%s (list version %s): score %.2f%s, countries %s; %s",
                list, sourceId, entryName, matchedName.equalsIgnoreCase(entryName) ? "" : " via name \"" + matchedName + "\"",
                listVersion, score, programs.isEmpty() ? "" : ", programs " + String.join(", ", programs),
                countryAgreement.toLowerCase(java.util.Locale.ROOT), explanation);
    }
}
