package org.clearance.parties.matching;

import java.util.ArrayList;
import java.util.List;

/**
 * A name without the acronyms of words the same name writes out: Russian official names repeat their short form in
 * brackets ("Всероссийский Научно-Исследовательский Институт «Эталон» (АО «ВНИИ «Эталон»)"), and the other names of
 * the entity (in English, or the short form alone) have the words or the acronym, rarely both, so a query is scored
 * with and without them ({@link PartyMatcher}). An acronym is a word of letters that equals, after romanisation
 * folding, the first letters of three or more adjacent words of the name.
 */
final class InnerAcronyms {

    private final RomanizationFolder folder;

    InnerAcronyms(RomanizationFolder folder) {
        this.folder = folder;
    }

    /** The tokens without such acronyms; the same list when there are none. */
    List<TokenComparator.Token> drop(List<TokenComparator.Token> tokens) {
        if (tokens.size() <= Acronyms.MIN_LETTERS) {
            return tokens;
        }
        List<TokenComparator.Token> kept = null;
        for (int i = 0; i < tokens.size(); i++) {
            TokenComparator.Token token = tokens.get(i);
            boolean acronym = abbreviatesOthers(tokens, i);
            if (acronym && kept == null) {
                kept = new ArrayList<>(tokens.subList(0, i));
            } else if (!acronym && kept != null) {
                kept.add(token);
            }
        }
        return kept == null ? tokens : List.copyOf(kept);
    }

    private boolean abbreviatesOthers(List<TokenComparator.Token> tokens, int index) {
        TokenComparator.Token token = tokens.get(index);
        if (!Acronyms.shaped(token) || token.text().length() >= tokens.size()) {
            return false;
        }
        boolean[] itself = new boolean[tokens.size()];
        itself[index] = true;
        return Acronyms.run(token, tokens, itself, folder::fold) != null;
    }
}
