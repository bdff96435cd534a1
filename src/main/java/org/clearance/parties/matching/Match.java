package org.clearance.parties.matching;

import java.util.List;
import org.clearance.lists.ListEntry;

/**
 * A list entry that resembles the screened name: score 0..1, which of its names matched, the per-token
 * explanation a reviewer needs to accept or dismiss it, whether the countries agree, and notes on how far the
 * comparison can be trusted (a country check that moved the score, Han characters romanised as Mandarin pinyin).
 */
public record Match(ListEntry entry, double score, String matchedName, NameKind matchedNameKind,
                    List<TokenMatch> explanation, CountryAgreement countryAgreement, List<String> notes) {

    public Match {
        explanation = List.copyOf(explanation);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    public Match(ListEntry entry, double score, String matchedName, NameKind matchedNameKind,
                 List<TokenMatch> explanation, CountryAgreement countryAgreement) {
        this(entry, score, matchedName, matchedNameKind, explanation, countryAgreement, List.of());
    }
}
