package org.clearance.parties.matching;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * What a name offers for matching by acronym, computed once per name: the acronym it spells, if it is one ("ETIM",
 * "E.T.I.M."), and its initialism, if it has one ("EASTERN TURKISTAN ISLAMIC MOVEMENT" → etim). Both in folded form,
 * so a Cyrillic acronym meets the initials of its romanised words (ЦНИИ / Tsentralnyy Nauchno-Issledovatelskiy
 * Institut; both folded again, as ЦНИИ folds to "cni"). A person's name has no initialism and spells no acronym: initials of a person's names are not a name.
 *
 * @param spelt    the acronym the name is, or null: one word of 3 to 8 letters, or 3 to 8 single letters
 * @param initials the first letters of all its words, or null: at least 3 words, each a word of letters (legal forms
 *                 and function words are already gone, so these are the significant words)
 */
record Acronyms(String spelt, String initials) {

    static final Acronyms NONE = new Acronyms(null, null);
    static final int MIN_LETTERS = 3;
    private static final int MAX_LETTERS = 8;
    /**
     * An acronym of 4 or more letters matching an initialism: enough to report for review at the default threshold,
     * below the strong score even with the country lift, because an acronym is not the name.
     */
    static final double SCORE = 0.85;
    /**
     * Three-letter acronyms collide often (many bodies are "NPO" or "SVR" of something): just below the default
     * threshold, so one is reported only when the party's country agrees with the entry's (+0.02).
     */
    static final double THREE_LETTER_SCORE = 0.79;

    /** @param fold romanisation folding ({@link RomanizationFolder#fold}) */
    static Acronyms of(List<TokenComparator.Token> tokens, boolean person, UnaryOperator<String> fold) {
        if (person || tokens.isEmpty()) {
            return NONE;
        }
        String spelt = null;
        if (tokens.size() == 1 && lettersOnly(tokens.get(0)) && fits(tokens.get(0).folded().length())) {
            spelt = tokens.get(0).folded();
        } else if (fits(tokens.size()) && tokens.stream().allMatch(TokenComparator.Token::initial)) {
            StringBuilder letters = new StringBuilder();
            tokens.forEach(t -> letters.append(t.folded()));
            spelt = fold.apply(letters.toString());
        }
        String initials = null;
        if (fits(tokens.size()) && tokens.stream().allMatch(t -> !t.initial() && lettersOnly(t))) {
            StringBuilder letters = new StringBuilder();
            tokens.forEach(t -> letters.append(t.folded().charAt(0)));
            initials = fold.apply(letters.toString());
        }
        return spelt == null && initials == null ? NONE : new Acronyms(spelt, initials);
    }

    /** The score of {@code query} against a list name by acronym, either way round, or 0. */
    double score(Acronyms entry) {
        String acronym = spelt != null && spelt.equals(entry.initials()) ? spelt
                : entry.spelt() != null && entry.spelt().equals(initials) ? entry.spelt() : null;
        if (acronym == null) {
            return 0;
        }
        return acronym.length() == MIN_LETTERS ? THREE_LETTER_SCORE : SCORE;
    }

    private static boolean fits(int letters) {
        return letters >= MIN_LETTERS && letters <= MAX_LETTERS;
    }

    private static boolean lettersOnly(TokenComparator.Token token) {
        return !token.hasDigit() && !token.folded().isEmpty();
    }
}
