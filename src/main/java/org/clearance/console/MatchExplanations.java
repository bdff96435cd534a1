package org.clearance.console;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.clearance.parties.PartyIndex;
import org.clearance.parties.matching.MatchMethod;
import org.clearance.parties.matching.TokenMatch;

/**
 * Why a party resembles a list entry, token by token, for officers deciding a match. Stored screenings keep the score,
 * not the explanation, so it is worked out again against the lists loaded now; the page says so.
 */
@ApplicationScoped
public class MatchExplanations {

    /** How many candidates of the name are searched for the entry. */
    private static final int CANDIDATES = 25;

    /** One query token and what it was paired with; {@code matched} marks the tokens that count. */
    public record TokenLine(String query, String entry, String how, boolean matched) {
        static TokenLine of(TokenMatch token) {
            String how = token.describe();
            return new TokenLine(token.queryToken() == null ? "–" : token.queryToken(),
                    token.entryToken() == null ? "–" : token.entryToken(),
                    how.substring(how.lastIndexOf('(') + 1, how.length() - 1), token.how() != MatchMethod.NONE);
        }
    }

    /** A match as explained now: the entry name it matched and each token. */
    public record Explained(String matchedName, double score, List<TokenLine> tokens, List<String> notes) {
    }

    /** A list entry a searched name resembles, explained. */
    public record Found(String list, String sourceId, String entryName, List<String> programs, Explained explained,
                        String countryAgreement) {
    }

    private final PartyIndex index;

    MatchExplanations(PartyIndex index) {
        this.index = index;
    }

    /** The entries {@code name} resembles, best first, each explained. */
    public List<Found> search(String name, String country, int limit) {
        return index.search(name, country, limit).stream().map(r -> new Found(r.match().entry().source(),
                r.match().entry().sourceId(), r.match().entry().primaryName(), r.match().entry().programs(),
                explained(r.match()), r.match().countryAgreement().name())).toList();
    }

    public int indexedEntries() {
        return index.indexedEntries();
    }

    private static Explained explained(org.clearance.parties.matching.Match match) {
        return new Explained(match.matchedName(), match.score(), match.explanation().stream().map(TokenLine::of).toList(),
                match.notes());
    }

    /** The explanation of {@code name} against entry {@code sourceId} of {@code list}; empty when it no longer matches. */
    public Optional<Explained> explain(String name, String country, String list, String sourceId) {
        return index.search(name, country, CANDIDATES).stream()
                .filter(r -> r.match().entry().source().equals(list) && r.match().entry().sourceId().equals(sourceId))
                .findFirst()
                .map(r -> explained(r.match()));
    }
}
