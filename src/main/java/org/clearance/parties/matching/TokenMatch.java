package org.clearance.parties.matching;

import java.util.Locale;

/**
 * One line of a match explanation: a query token, the list token it was paired with (null if none), how,
 * the similarity (0..1) and the token's weight (rarity over the loaded lists, 0..1).
 */
public record TokenMatch(String queryToken, String entryToken, MatchMethod how, double similarity, double weight) {

    /** E.g. {@code tekhnoprom ~ tehnoprom (transliteration)} or {@code kalashnkov ~ kalashnikov (jaro-winkler 0.97)}. */
    public String describe() {
        String method = switch (how) {
            case EXACT -> "exact";
            case TRANSLITERATION -> "transliteration";
            case JARO_WINKLER -> String.format(Locale.ROOT, "jaro-winkler %.2f", similarity);
            case PHONETIC -> "phonetic";
            case GIVEN_NAME -> "same given name";
            case INITIAL -> "initial";
            case JOINED -> "joined";
            case TRANSLATION -> "translation";
            case ACRONYM -> "acronym";
            case NONE -> "unmatched";
        };
        return (queryToken == null ? "-" : queryToken) + " ~ " + (entryToken == null ? "-" : entryToken)
                + " (" + method + ")";
    }
}
