package org.clearance.parties.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Arabic names of the form ʿAbd al-X ("servant of X": Abd al-Majid, Abd ar-Rahman) are one name, which lists write in
 * three words ("Abd-al-Majid", "ABD AL MAJID") or in one ("Abdelmajid", "Abdulmajid", "Abdurrahman"). The three words
 * are written together here, so both spellings are one token; {@code romanization-folds.txt} then folds the joined
 * "abdel", "abdul", "abdur-r" to one form. Only the three-word form is joined: "Abdul" alone is often a given name
 * of its own, which the words around it must not absorb.
 */
final class ServantNames {

    /**
     * "Abd" as romanised from the Latin and, without its ʿayn and vowel, from the Arabic script; not "Abdu", which
     * also ends a name of its own ("Tahir 'Abdu al-Matar").
     */
    private static final String ABD = "abd";
    private static final String ABD_ARABIC = "bd";
    /** The folded form every Abd al-X name starts with ({@code romanization-folds.txt}). */
    private static final String FOLDED = "abdal";
    /** The article, also as assimilated to the next consonant (ar-Rahman, as-Salam, an-Nasir). */
    private static final Set<String> ARTICLE = Set.of("al", "el", "ul", "ol", "ar", "ur", "er", "as", "us", "es",
            "an", "un", "en", "ad", "ud", "at", "ut", "az", "uz", "ash", "ush");

    private ServantNames() {
    }

    /** The tokens with each "abd al X" written as one token; the same list if there is none. */
    static List<NameNormalizer.ScriptToken> joined(List<NameNormalizer.ScriptToken> tokens) {
        List<NameNormalizer.ScriptToken> out = new ArrayList<>(tokens.size());
        int i = 0;
        while (i < tokens.size()) {
            NameNormalizer.ScriptToken abd = tokens.get(i);
            if (i + 2 < tokens.size() && isAbd(abd) && ARTICLE.contains(tokens.get(i + 1).text())) {
                NameNormalizer.ScriptToken name = tokens.get(i + 2);
                out.add(new NameNormalizer.ScriptToken(abd.text() + tokens.get(i + 1).text() + name.text(),
                        name.script()));
                i += 3;
            } else {
                out.add(abd);
                i++;
            }
        }
        return out.size() == tokens.size() ? tokens : out;
    }

    private static boolean isAbd(NameNormalizer.ScriptToken token) {
        return token.text().equals(token.script() == NameScript.ABJAD ? ABD_ARABIC : ABD);
    }

    /** Whether both folded tokens are Abd al-X names, with more than "abd al" each. */
    static boolean bothServant(String a, String b) {
        return a.length() > FOLDED.length() && b.length() > FOLDED.length() && a.startsWith(FOLDED)
                && b.startsWith(FOLDED);
    }

    /** The X of a folded Abd al-X name. */
    static String afterServant(String folded) {
        return folded.substring(FOLDED.length());
    }
}
