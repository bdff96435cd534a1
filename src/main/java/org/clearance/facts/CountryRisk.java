package org.clearance.facts;

/**
 * A country's risk as diversion hub for Russia computed from trade statistics: {@code score} 0–100 (higher =
 * stronger surge of CHP exports to Russia and its neighbours, of CHP imports from the G7, and of the mirror gap),
 * {@code evidence} the figures behind it in plain words. Not tied to an order: one fact per analysed country in
 * every session, next to the static list {@code common/diversion-countries}.
 */
public record CountryRisk(String country, int score, String evidence) {

    public CountryRisk {
        if (country == null || !country.matches("[A-Z]{2}")) {
            throw new IllegalArgumentException("country must be an ISO 3166-1 alpha-2 code, got " + country);
        }
        if (score < 0 || score > 100) {
            throw new IllegalArgumentException("score must be 0-100, got " + score);
        }
        evidence = evidence == null ? "" : evidence;
    }
}
