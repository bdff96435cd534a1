package org.clearance.parties;

import java.util.List;
import java.util.Set;
import org.clearance.parties.matching.TokenMatch;

/** One scored, explained match of {@code GET /api/v1/parties/search}. */
public record PartySearchResult(String list, String sourceId, String entryName, String matchedName, String matchedNameKind,
                                double score, String countryAgreement, Set<String> entryCountries, List<String> programs,
                                List<String> explanation, String source, String listVersion) {

    static PartySearchResult of(PartyIndex.Result result) {
        var match = result.match();
        return new PartySearchResult(match.entry().source(), match.entry().sourceId(), match.entry().primaryName(),
                match.matchedName(), match.matchedNameKind().name(), match.score(), match.countryAgreement().name(),
                new java.util.TreeSet<>(match.entry().allCountries()), match.entry().programs(),
                match.explanation().stream().map(TokenMatch::describe).toList(),
                result.listed().feed(), result.listed().version());
    }
}
