package org.clearance.bench;

import com.ibm.icu.text.Transliterator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/** The ways an order spells a listed name differently: typos, word order, legal forms, transliteration. */
final class Perturbations {

    private static final Transliterator TO_CYRILLIC = Transliterator.getInstance("Latin-Cyrillic");
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz";

    private Perturbations() {
    }

    static String reversed(String name) {
        List<String> tokens = new ArrayList<>(MatchingCorpus.words(name));
        Collections.reverse(tokens);
        return String.join(" ", tokens);
    }

    /** One typo in the longest word: transposition, substitution, deletion or insertion. */
    static String typo(String name, Random random) {
        List<String> tokens = new ArrayList<>(List.of(name.strip().split("\\s+")));
        int longest = 0;
        for (int i = 1; i < tokens.size(); i++) {
            if (tokens.get(i).length() > tokens.get(longest).length()) {
                longest = i;
            }
        }
        String t = tokens.get(longest);
        if (t.length() < 5) {
            return name;
        }
        int m = 1 + random.nextInt(t.length() - 3); // never the first letter: typists rarely miss it
        char c = LETTERS.charAt(random.nextInt(LETTERS.length()));
        c = Character.isUpperCase(t.charAt(m)) ? Character.toUpperCase(c) : c;
        String changed = switch (random.nextInt(4)) {
            case 0 -> t.substring(0, m) + t.charAt(m + 1) + t.charAt(m) + t.substring(m + 2);
            case 1 -> t.substring(0, m) + c + t.substring(m + 1);
            case 2 -> t.substring(0, m) + t.substring(m + 1);
            default -> t.substring(0, m) + c + t.substring(m);
        };
        tokens.set(longest, changed);
        return String.join(" ", tokens);
    }

    /** Drops a trailing legal form and puts another one in front or behind ("X LLC" → "OOO X", "X GmbH"). */
    static String otherLegalForm(String name, Random random) {
        List<String> tokens = new ArrayList<>(MatchingCorpus.words(name));
        while (tokens.size() > 1 && MatchingCorpus.isLegalForm(tokens.get(tokens.size() - 1))) {
            tokens.remove(tokens.size() - 1);
        }
        String form = MatchingCorpus.pick(MatchingCorpus.LEGAL_FORMS, random);
        String base = String.join(" ", tokens);
        return random.nextBoolean() ? form + " " + base : base + " " + form;
    }

    /** Another usual romanisation of the same Russian spelling (kh→h, ts→tz, -y→-i, ya→ia, k→c). */
    static String romanisationVariant(String name) {
        return name.replaceAll("(?i)kh", "h").replaceAll("(?i)ts", "tz").replaceAll("(?i)y\\b", "i")
                .replaceAll("(?i)ya", "ia").replaceAll("(?i)yu", "iu").replaceAll("(?i)k", "c");
    }

    /** How a Russian speaker would write the name: Russian legal forms, Russian-style letters, then ICU. */
    static String cyrillic(String name) {
        String text = name.replaceAll("(?i)\\bJoint Stock Company\\b|\\b(O|P|C)?JSC\\b", "АО")
                .replaceAll("(?i)\\bLLC\\b|\\bLimited Liability Company\\b", "ООО").toLowerCase(Locale.ROOT);
        String[][] letters = {{"shch", "щ"}, {"kh", "х"}, {"ch", "ч"}, {"sh", "ш"}, {"zh", "ж"}, {"ts", "ц"},
            {"ya", "я"}, {"yu", "ю"}, {"ye", "е"}, {"j", "дж"}, {"c", "к"}, {"w", "в"}, {"x", "кс"}, {"y", "й"}};
        for (String[] pair : letters) {
            text = text.replace(pair[0], pair[1]);
        }
        return TO_CYRILLIC.transliterate(text);
    }
}
