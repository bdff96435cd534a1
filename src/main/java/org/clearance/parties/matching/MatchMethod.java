package org.clearance.parties.matching;

/** How a query token was paired with a list token, strongest first. */
public enum MatchMethod {
    /** Same token after normalisation. */
    EXACT,
    /** Same after script transliteration and romanisation folding (Технопром / Tekhnoprom / Technoprom). */
    TRANSLITERATION,
    /** Similar spelling (typo, variant) with Jaro-Winkler similarity at or above the setting. */
    JARO_WINKLER,
    /** Same Double Metaphone code with moderately similar spelling. */
    PHONETIC,
    /** No list token paired with this query token (or vice versa). */
    NONE
}
