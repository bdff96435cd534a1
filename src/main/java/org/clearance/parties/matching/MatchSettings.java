package org.clearance.parties.matching;

/**
 * Tuning of {@link PartyMatcher}.
 *
 * @param threshold             minimum score (0..1) for a result to be returned
 * @param candidateLimit        names fetched from the Lucene index per query before exact scoring
 * @param jaroWinklerMinimum    token pairs below this Jaro-Winkler similarity (after folding) do not match
 * @param genericWordWeight     weight cap for words in {@code generic-words.txt} ("trading", "international" …)
 * @param minInformativeWeight  matched query weight below which the score is scaled down, so that a query whose
 *                              only matching tokens are weak words cannot reach a high score
 * @param countryDiffersPenalty subtracted from the score when the query country is not among the entry's countries
 * @param includeWeakAliases    whether low-quality aliases (OFAC remark a.k.a.s, EU strong="false") are searched
 */
public record MatchSettings(double threshold, int candidateLimit, double jaroWinklerMinimum, double genericWordWeight,
                            double minInformativeWeight, double countryDiffersPenalty, boolean includeWeakAliases) {

    public MatchSettings {
        requireUnit(threshold, "threshold");
        requireUnit(jaroWinklerMinimum, "jaroWinklerMinimum");
        requireUnit(genericWordWeight, "genericWordWeight");
        requireUnit(countryDiffersPenalty, "countryDiffersPenalty");
        if (candidateLimit < 1) {
            throw new IllegalArgumentException("candidateLimit must be positive");
        }
        if (minInformativeWeight < 0) {
            throw new IllegalArgumentException("minInformativeWeight must not be negative");
        }
    }

    /** Defaults measured on the labelled set in PartyMatcherEvaluationTest (see docs/matching.md). */
    public static MatchSettings defaults() {
        return new MatchSettings(0.80, 50, 0.88, 0.15, 0.5, 0.0, true);
    }

    public MatchSettings withThreshold(double value) {
        return new MatchSettings(value, candidateLimit, jaroWinklerMinimum, genericWordWeight, minInformativeWeight,
                countryDiffersPenalty, includeWeakAliases);
    }

    public MatchSettings withCountryDiffersPenalty(double value) {
        return new MatchSettings(threshold, candidateLimit, jaroWinklerMinimum, genericWordWeight, minInformativeWeight,
                value, includeWeakAliases);
    }

    private static void requireUnit(double value, String name) {
        if (value < 0 || value > 1) {
            throw new IllegalArgumentException(name + " must be within 0..1");
        }
    }
}
