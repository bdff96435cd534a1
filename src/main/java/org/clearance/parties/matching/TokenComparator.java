package org.clearance.parties.matching;

import org.apache.commons.codec.language.DoubleMetaphone;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * Compares two normalised tokens: exact, equal after romanisation folding, Jaro-Winkler on the folded forms,
 * or equal Double Metaphone codes. Tokens with digits and very short tokens only match exactly or by
 * folding, because edit-distance similarity on "13" vs "18" or "ao" vs "oo" means nothing.
 */
final class TokenComparator {

    static final double TRANSLITERATION_SCORE = 0.95;
    static final double PHONETIC_SCORE = 0.85;
    private static final double PHONETIC_MIN_SPELLING = 0.75;
    private static final int FUZZY_MIN_LENGTH = 4;

    private final JaroWinklerSimilarity jaroWinkler = new JaroWinklerSimilarity();
    private final DoubleMetaphone metaphone = new DoubleMetaphone();
    private final double jaroWinklerMinimum;

    TokenComparator(double jaroWinklerMinimum) {
        this.jaroWinklerMinimum = jaroWinklerMinimum;
    }

    /** A comparable token: its normalised form, folded form and phonetic codes, computed once. */
    record Token(String text, String folded, String phonetic, String phoneticAlternate, boolean hasDigit) {
    }

    Token token(String text, RomanizationFolder folder) {
        String code = metaphone.doubleMetaphone(text);
        String alternate = metaphone.doubleMetaphone(text, true);
        return new Token(text, folder.fold(text), code == null ? "" : code, alternate == null ? "" : alternate,
                hasDigit(text));
    }

    record Similarity(MatchMethod how, double score) {
        static final Similarity NONE = new Similarity(MatchMethod.NONE, 0);
        static final Similarity EXACT = new Similarity(MatchMethod.EXACT, 1.0);
        static final Similarity TRANSLITERATION = new Similarity(MatchMethod.TRANSLITERATION, TRANSLITERATION_SCORE);
        static final Similarity PHONETIC = new Similarity(MatchMethod.PHONETIC, PHONETIC_SCORE);
    }

    Similarity compare(Token query, Token entry) {
        if (query.text().equals(entry.text())) {
            return Similarity.EXACT;
        }
        if (query.folded().equals(entry.folded())) {
            return Similarity.TRANSLITERATION;
        }
        if (query.hasDigit() || entry.hasDigit()
                || Math.min(query.folded().length(), entry.folded().length()) < FUZZY_MIN_LENGTH) {
            return Similarity.NONE;
        }
        double jw = jaroWinkler.apply(query.folded(), entry.folded());
        if (jw >= jaroWinklerMinimum) {
            return new Similarity(MatchMethod.JARO_WINKLER, Math.min(jw, TRANSLITERATION_SCORE));
        }
        if (jw >= PHONETIC_MIN_SPELLING && !query.phonetic().isEmpty() && phoneticallyEqual(query, entry)) {
            return Similarity.PHONETIC;
        }
        return Similarity.NONE;
    }

    private static boolean phoneticallyEqual(Token a, Token b) {
        return a.phonetic().equals(b.phonetic()) || a.phonetic().equals(b.phoneticAlternate())
                || a.phoneticAlternate().equals(b.phonetic());
    }

    private static boolean hasDigit(String text) {
        return text.chars().anyMatch(Character::isDigit);
    }
}
