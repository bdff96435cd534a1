package org.clearance.parties.matching;

import java.util.List;
import org.clearance.lists.ListEntry;

/**
 * A list entry that resembles the screened name: score 0..1, which of its names matched, the per-token
 * explanation a reviewer needs to accept or dismiss it, and whether the countries agree.
 */
public record Match(ListEntry entry, double score, String matchedName, NameKind matchedNameKind,
                    List<TokenMatch> explanation, CountryAgreement countryAgreement) {

    public Match {
        explanation = List.copyOf(explanation);
    }
}
