package org.clearance.parties.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The glossary of organisation-name words in {@code organisation-words.txt}: one meaning a line, its words in several
 * languages ("institute, институт, instituto, institut"), so that two tokens that translate each other pair up.
 * Words are normalised and folded as names are; a member of two words ("machine building") stands for two adjacent
 * tokens written together. Russian words are inflected, so a token that is not in the glossary as written is looked
 * up again without its case ending: "instituta", "institutom" and "institute" all meet "institut".
 */
final class OrganisationWords {

    private static final int[] NONE = new int[0];
    /**
     * Endings removed, longest first, after romanisation folding (so "-yy", "-iy" are already "-i", "-aya" is "aia"):
     * Russian adjective and noun case endings, and the English/Romance final vowel (institute, centro, centre).
     */
    private static final List<String> ENDINGS = List.of("ogo", "ego", "omu", "emu", "aia", "oe", "ee", "ie", "ih",
            "im", "oi", "ei", "om", "em", "ov", "ami", "ah", "a", "e", "i", "o", "u");
    /** A stem shorter than this is not looked up: too many unrelated short words would meet. */
    private static final int MIN_STEM = 4;

    private final Map<String, int[]> groups = new HashMap<>();
    private final Map<Integer, List<String>> singleWords = new HashMap<>();

    OrganisationWords(NameNormalizer normalizer, RomanizationFolder folder) {
        int group = 0;
        for (String line : ResourceLines.read("organisation-words.txt")) {
            Set<String> single = new LinkedHashSet<>();
            for (String word : line.split(",")) {
                List<String> tokens = normalizer.rawTokens(word.strip()).stream().map(folder::fold).toList();
                if (tokens.isEmpty()) {
                    continue;
                }
                String joined = String.join("", tokens);
                add(joined, group);
                add(stem(joined), group);
                if (tokens.size() == 1) {
                    single.add(joined);
                }
            }
            singleWords.put(group, List.copyOf(single));
            group++;
        }
    }

    private void add(String form, int group) {
        int[] old = groups.getOrDefault(form, NONE);
        if (Arrays.stream(old).noneMatch(g -> g == group)) {
            int[] grown = Arrays.copyOf(old, old.length + 1);
            grown[old.length] = group;
            groups.put(form, grown);
        }
    }

    /** The meanings of a folded token (or of two adjacent tokens' folded forms joined); empty if none. */
    int[] groups(String folded) {
        int[] direct = groups.get(folded);
        return direct != null ? direct : groups.getOrDefault(stem(folded), NONE);
    }

    /** The one-word forms of these meanings as they are written, for fetching candidates. */
    List<String> equivalents(int[] groupIds) {
        List<String> words = new ArrayList<>();
        for (int group : groupIds) {
            words.addAll(singleWords.getOrDefault(group, List.of()));
        }
        return words;
    }

    private static String stem(String folded) {
        for (String ending : ENDINGS) {
            if (folded.endsWith(ending) && folded.length() - ending.length() >= MIN_STEM) {
                return folded.substring(0, folded.length() - ending.length());
            }
        }
        return folded;
    }
}
