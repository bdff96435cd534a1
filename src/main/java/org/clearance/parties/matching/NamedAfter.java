package org.clearance.parties.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Russian organisation names are often named after a person ("имени А.П. Александрова", "им. Г.М. Бериева") or an
 * order ("Ордена Ленина"), and Russian puts that person's surname in the genitive case, while the English names of
 * the same body write it as the person is called ("named after A.P. Aleksandrov", "Beriev", "Order of Lenin"). The
 * surname after these words is therefore put back into the nominative case, on romanised tokens, so both meet. Only
 * after these words: elsewhere Aleksandrova is a woman's surname, not Aleksandrov's genitive. The short "им." and
 * "ордена" count only when written in Cyrillic (German "im" is "in the"); "imeni" in any script.
 */
final class NamedAfter {

    /** "named after" in full and abbreviated (Russian, Ukrainian), romanised. */
    private static final Set<String> NAMED_AFTER = Set.of("imeni", "im");
    /** "of the Order" (ордена Ленина, ордена Суворова): only surname-shaped genitives follow it. */
    private static final String ORDER = "ordena";
    /** Genitive endings of the -ov/-ev/-in/-yn surnames, the commonest: Aleksandrova, Beriyeva, Shokina, Lenina. */
    private static final Pattern SURNAME_GENITIVE = Pattern.compile("(ov|ev|in|yn)a$");
    /** Adjectival surnames: Zhukovskogo → Zhukovskiy, Sukhogo → Sukhoy. */
    private static final Pattern ADJECTIVE_GENITIVE = Pattern.compile("(sk|tsk)ogo$|ogo$");
    private static final Pattern CONSONANT_THEN_A = Pattern.compile("[^aeiouy]a$");
    private static final int MIN_LENGTH = 4;
    private static final int MAX_INITIAL = 2;

    private NamedAfter() {
    }

    /** The tokens with the surname after "named after" or "Order of" in the nominative; the same list if none is. */
    static List<NameNormalizer.ScriptToken> nominative(List<NameNormalizer.ScriptToken> tokens) {
        List<NameNormalizer.ScriptToken> out = null;
        for (int i = 0; i < tokens.size() - 1; i++) {
            NameNormalizer.ScriptToken trigger = tokens.get(i);
            boolean namedAfter = NAMED_AFTER.contains(trigger.text())
                    && (trigger.script() != NameScript.LATIN || trigger.text().equals("imeni"));
            boolean order = trigger.text().equals(ORDER) && trigger.script() != NameScript.LATIN;
            if (!namedAfter && !order) {
                continue;
            }
            int surname = i + 1;
            // The person's initials: one letter, or two for a romanised Cyrillic one (Е "Ye", Ж "Zh").
            while (surname < tokens.size() - 1 && tokens.get(surname).text().length() <= MAX_INITIAL) {
                surname++;
            }
            NameNormalizer.ScriptToken token = tokens.get(surname);
            String nominative = order ? surnameNominative(token.text()) : nominative(token.text());
            if (!nominative.equals(token.text())) {
                out = out == null ? new ArrayList<>(tokens) : out;
                out.set(surname, new NameNormalizer.ScriptToken(nominative, token.script()));
            }
        }
        return out == null ? tokens : out;
    }

    /** The nominative of a romanised surname in the genitive: Aleksandrova → aleksandrov, Dollezhalya → dollezhal. */
    static String nominative(String genitive) {
        if (genitive.length() < MIN_LENGTH) {
            return genitive;
        }
        var adjective = ADJECTIVE_GENITIVE.matcher(genitive);
        if (adjective.find()) {
            return genitive.substring(0, adjective.start()) + (adjective.group(1) != null ? adjective.group(1) + "iy"
                    : "oy");
        }
        if (genitive.endsWith("ya")) { // -ь / -й stems: Dollezhalya → Dollezhal, Gaya → Gay
            String stem = genitive.substring(0, genitive.length() - 2);
            return "aeiou".indexOf(stem.charAt(stem.length() - 1)) >= 0 ? stem + "y" : stem;
        }
        return CONSONANT_THEN_A.matcher(genitive).find() ? genitive.substring(0, genitive.length() - 1) : genitive;
    }

    private static String surnameNominative(String genitive) {
        return genitive.length() >= MIN_LENGTH && SURNAME_GENITIVE.matcher(genitive).find()
                ? genitive.substring(0, genitive.length() - 1) : genitive;
    }
}
