package org.clearance.parties.matching;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tells a Korean person's name romanised in the Latin script ("Kim Jeong-eun", "JANG, Pom Su", "CHU, Hyo'k"), so that
 * two such names compare their syllables by {@link ScriptKeys#korean} as a Hangul name and a Latin one do: the Revised
 * Romanisation and McCune–Reischauer write one syllable differently (정 "jeong" / "jong", 범 "beom" / "pom", 주 "ju" /
 * "chu"). A name counts when it has two to four words, each one romanised Korean syllable, and its first or last word
 * is a common Korean surname (the most frequent ones, as both systems and the lists spell them).
 */
final class KoreanNames {

    /** One syllable: initial consonant (RR or MR), vowel, final consonant, as the two systems and lists write them. */
    private static final Pattern SYLLABLE = Pattern.compile(
            "(tch|ch|kk|tt|pp|ss|jj|sh|rh|[gkndtrlmbpsjh])?"
                    + "(wae|yae|yeo|ae|ya|eo|ye|wa|oe|yo|wo|we|wi|yu|eu|ui|oo|ee|oi|yi|a|e|o|u|i)"
                    + "(ng|rk|[kntlmp])?");
    private static final Set<String> SURNAMES = Set.of("kim", "gim", "lee", "yi", "i", "rhee", "ri", "rhi", "park",
            "pak", "bak", "choi", "choe", "chwe", "jung", "jeong", "chung", "chong", "jong", "kang", "gang", "cho", "jo",
            "yoon", "yun", "jang", "chang", "lim", "im", "rim", "han", "oh", "o", "seo", "so", "suh", "shin", "sin",
            "kwon", "gwon", "hwang", "ahn", "an", "song", "yoo", "yu", "ryu", "hong", "jeon", "chon", "jon", "ko", "go",
            "moon", "mun", "yang", "son", "bae", "pae", "baek", "paek", "heo", "ho", "nam", "noh", "no", "ro", "ha",
            "kwak", "sim", "shim", "ju", "chu", "hyon", "hyun", "hyeon", "jin", "chin", "eom", "um", "won", "cha",
            "byun", "byeon", "pyon", "min", "ryom", "yom", "jun", "chun");
    private static final int MIN_WORDS = 2;
    private static final int MAX_WORDS = 4;

    private KoreanNames() {
    }

    /** Whether these normalised words, all Latin, are a Korean name as above. */
    static boolean isKoreanName(List<String> words) {
        if (words.size() < MIN_WORDS || words.size() > MAX_WORDS) {
            return false;
        }
        for (String word : words) {
            if (!SYLLABLE.matcher(word).matches()) {
                return false;
            }
        }
        return SURNAMES.contains(words.get(0)) || SURNAMES.contains(words.get(words.size() - 1));
    }
}
