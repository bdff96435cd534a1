package org.clearance.parties.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * What a name offers for matching by acronym, computed once per name: the acronym it spells, if it is one word of 3 to
 * 8 letters ("ETIM"), and its initialism, if it has 3 to 8 words ("EASTERN TURKISTAN ISLAMIC MOVEMENT" → etim). Each as
 * written and as romanisation folding leaves it, so a Latin acronym meets the initials of its words as written
 * ("HJK" / Haji Juma Khan, which folds "kh" away) and a Cyrillic one the initials of its romanised words (ЦНИИ
 * "tsnii" / Tsentralnyy Nauchno-Issledovatelskiy Institut, both "cni" folded). The folded forms are compared only when
 * a side was written in another script than Latin: folding is for romanisation, and between Latin names it makes
 * other letters meet ("MMT" and "mtt", "IVBB" and "jwb" all fold to fewer, shared letters). A person's name has
 * neither: the initials of a person's names are not a name.
 *
 * @param spelt    the forms of the acronym the name is; empty if it is none
 * @param initials the forms of the first letters of all its words (legal forms and function words are already
 *                 gone, so these are the significant words); empty if it has none
 * @param latin    every word of the name was written in the Latin script
 */
record Acronyms(List<String> spelt, List<String> initials, boolean latin) {

    static final Acronyms NONE = new Acronyms(List.of(), List.of(), true);
    static final int MIN_LETTERS = 3;
    static final int MAX_LETTERS = 8;
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
        List<String> spelt = tokens.size() == 1 && shaped(tokens.get(0))
                ? forms(tokens.get(0).text(), tokens.get(0).folded()) : List.of();
        List<String> initials = List.of();
        if (tokens.size() >= MIN_LETTERS && tokens.size() <= MAX_LETTERS
                && tokens.stream().allMatch(t -> !t.initial() && lettersOnly(t))) {
            StringBuilder written = new StringBuilder();
            StringBuilder folded = new StringBuilder();
            for (TokenComparator.Token token : tokens) {
                written.append(token.text().charAt(0));
                folded.append(token.folded().charAt(0));
            }
            initials = forms(written.toString(), fold.apply(folded.toString()));
        }
        return spelt.isEmpty() && initials.isEmpty() ? NONE
                : new Acronyms(spelt, initials, tokens.stream().allMatch(t -> t.script() == NameScript.LATIN));
    }

    /**
     * The score of {@code query} against a list name by acronym, either way round, or 0. Three letters or four are
     * counted as words of the spelt-out name (its written initials), not as letters of a folded form, which may be
     * fewer ("tsnii" folds to "cni").
     */
    double score(Acronyms entry) {
        boolean folded = !(latin && entry.latin());
        int words = spells(spelt, entry.initials(), folded) ? entry.initials().get(0).length()
                : spells(entry.spelt(), initials, folded) ? initials.get(0).length() : 0;
        if (words == 0) {
            return 0;
        }
        return words == MIN_LETTERS ? THREE_LETTER_SCORE : SCORE;
    }

    /** A word that may be an acronym: 3 to 8 letters, no digits. */
    static boolean shaped(TokenComparator.Token token) {
        int letters = token.text().length();
        return !token.initial() && lettersOnly(token) && letters >= MIN_LETTERS && letters <= MAX_LETTERS;
    }

    /**
     * The first and last index of 3 or more adjacent words, none of them {@code used}, whose initials {@code acronym}
     * spells as written, or after folding when the acronym or one of the words was written in another script than
     * Latin; null if there are none.
     */
    static int[] run(TokenComparator.Token acronym, List<TokenComparator.Token> words, boolean[] used,
                     UnaryOperator<String> fold) {
        int letters = acronym.text().length();
        for (int start = 0; start + MIN_LETTERS <= words.size(); start++) {
            if (used[start]) {
                continue;
            }
            StringBuilder written = new StringBuilder();
            StringBuilder folded = new StringBuilder();
            boolean romanised = acronym.script() != NameScript.LATIN;
            for (int end = start; end < words.size() && end - start < letters; end++) {
                TokenComparator.Token word = words.get(end);
                if (used[end] || word.initial() || !lettersOnly(word)) {
                    break;
                }
                written.append(word.text().charAt(0));
                folded.append(word.folded().charAt(0));
                romanised |= word.script() != NameScript.LATIN;
                if (end - start + 1 >= MIN_LETTERS && (acronym.text().contentEquals(written)
                        || romanised && acronym.folded().equals(fold.apply(folded.toString())))) {
                    return new int[] {start, end};
                }
            }
        }
        return null;
    }

    /** Whether one of the acronym's forms is one of the initials' forms: the written ones, or any when {@code folded}. */
    private static boolean spells(List<String> acronyms, List<String> initials, boolean folded) {
        if (acronyms.isEmpty() || initials.isEmpty()) {
            return false;
        }
        if (!folded) {
            return acronyms.get(0).equals(initials.get(0));
        }
        for (String acronym : acronyms) {
            if (initials.contains(acronym)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> forms(String written, String folded) {
        List<String> forms = new ArrayList<>(2);
        forms.add(written);
        if (!folded.equals(written)) {
            forms.add(folded);
        }
        return List.copyOf(forms);
    }

    private static boolean lettersOnly(TokenComparator.Token token) {
        return !token.hasDigit() && !token.folded().isEmpty();
    }
}
