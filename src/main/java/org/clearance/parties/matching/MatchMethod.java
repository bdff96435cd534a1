package org.clearance.parties.matching;

/** How a query token was paired with a list token, strongest first. */
public enum MatchMethod {
    /** Same token after normalisation. */
    EXACT,
    /** Same after script transliteration and romanisation folding (Технопром / Tekhnoprom / Technoprom). */
    TRANSLITERATION,
    /** Translations of one organisation-name word (завод / plant, banco / bank), from {@code organisation-words.txt}. */
    TRANSLATION,
    /** The same given name in another form (Ted/Theodore, Mykola/Nikolai), from {@code given-names.txt}. */
    GIVEN_NAME,
    /** An initial and a name starting with it ("V." / Vladimir); counts at reduced weight. */
    INITIAL,
    /** One token against two adjacent ones written apart ("ALQAEDA" / "AL QAEDA"). */
    JOINED,
    /** Similar spelling (typo, variant) with Jaro-Winkler similarity at or above the setting. */
    JARO_WINKLER,
    /** Same Double Metaphone code with moderately similar spelling. */
    PHONETIC,
    /** The query is the initialism of the list name, or the reverse ("ETIM" / East Turkistan Islamic Movement). */
    ACRONYM,
    /** No list token paired with this query token (or vice versa). */
    NONE
}
