package org.clearance.parties.matching;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Given-name equivalence groups from {@code given-names.txt} (nicknames, other languages' forms, romanisations):
 * two names are the same given name when they share a group, and known different given names when both are
 * listed but share none — which stops near spellings such as Oleg/Olga or Alexander/Alexandra from matching.
 */
final class GivenNames {

    private static final int[] NONE = new int[0];
    private final Map<String, int[]> groups = new HashMap<>();
    private final Map<Integer, List<String>> members = new HashMap<>();

    GivenNames(NameNormalizer normalizer, RomanizationFolder folder) {
        int group = 0;
        for (String line : ResourceLines.read("given-names.txt")) {
            List<String> names = Arrays.stream(line.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                    .map(n -> folder.fold(String.join("", normalizer.rawTokens(n)))).distinct().toList();
            for (String name : names) {
                int[] old = groups.getOrDefault(name, NONE);
                int[] grown = Arrays.copyOf(old, old.length + 1);
                grown[old.length] = group;
                groups.put(name, grown);
            }
            members.put(group, names);
            group++;
        }
    }

    /** Patronymic groups are offset so that a patronymic never equals the given name it derives from. */
    private static final int PATRONYMIC = 100_000;
    /** East Slavic patronymic endings, longest first: Mykolayovych, Nikolaevich, Sergeyevna, Ivanivna … */
    private static final Pattern PATRONYMIC_ENDING =
            Pattern.compile("(yovych|yevich|ievich|evich|ovich|ovych|evych|yivna|ivna|ovna|evna|ich|ych)$");

    /**
     * Group ids of a token: a known given name's groups; else, for a patronymic, the groups of the given name it
     * derives from (offset, so Nikolaevich and Mykolayovych share one, and neither equals Nikolai); else none.
     */
    int[] groups(String text, RomanizationFolder folder) {
        int[] direct = groups.get(folder.fold(text));
        if (direct != null) {
            return direct;
        }
        var ending = PATRONYMIC_ENDING.matcher(text);
        if (text.length() > 7 && ending.find()) {
            String stem = text.substring(0, ending.start());
            for (String candidate : List.of(stem, stem + "i", stem + "y", stem + "iy", stem + "a")) {
                int[] base = groups.get(folder.fold(candidate));
                if (base != null) {
                    return Arrays.stream(base).map(g -> g + PATRONYMIC).toArray();
                }
            }
        }
        return NONE;
    }

    /** Every folded name sharing a group with this one (itself included), for candidate retrieval. */
    List<String> equivalents(int[] groupIds) {
        return Arrays.stream(groupIds).filter(g -> g < PATRONYMIC).boxed().flatMap(g -> members.get(g).stream())
                .distinct().toList();
    }

    static boolean share(int[] a, int[] b) {
        for (int x : a) {
            for (int y : b) {
                if (x == y) {
                    return true;
                }
            }
        }
        return false;
    }
}
