package org.clearance.parties.matching;

import java.util.regex.Pattern;

/**
 * Comparison keys for tokens romanised from scripts whose romanisations differ systematically from list spellings.
 * <ul>
 *   <li>{@link #skeleton}: the consonant skeleton used for Arabic and Hebrew, which write few vowels — ICU turns
 *   بشار into "bshar" while a list writes "Bashar": both become "bshr". Vowels, and w/y after the first letter
 *   (long vowels in both scripts), are dropped; q/k/g (ق is "g" in Gulf and Sudanese names), v/b (Hebrew ב),
 *   sh/s (Hebrew ש has no dot in ICU's output), kh/h, dh/d, th/t, gh/g, j/y fold; doubled letters count once; a
 *   final h is dropped (lists write ta marbuta as "-ah", and "Allah" as "-alla" in joined names).</li>
 *   <li>{@link #korean}: one key for the Revised Romanisation (ICU's Hangul-Latin) and McCune–Reischauer spellings
 *   of a syllable: 정 "jeong" and "Jong", "Chung" → "jung"; 박 "bak" and "Pak", "Park" → "pak"; 이 "i" and "Lee",
 *   "Yi", "Rhee", "Ri" → "i". Rules from the two systems' tables (National Institute of Korean Language, 2000
 *   Revised Romanisation; McCune &amp; Reischauer 1939): aspirated/plain pairs (g/k, d/t, b/p, j/ch) and the
 *   vowels eo/o/u/eu, ae/e/oe written differently.</li>
 * </ul>
 */
final class ScriptKeys {

    private static final Pattern FINAL_H = Pattern.compile("h$");
    private static final Pattern DOUBLE = Pattern.compile("(.)\\1+");
    private static final Pattern KOREAN_I = Pattern.compile("(rh|r|l|y)?(i|ee)");
    private static final Pattern SILENT_R = Pattern.compile("r(?=[^aeiouy]|$)");

    private ScriptKeys() {
    }

    static String skeleton(String latin) {
        String s = latin.replace("kh", "h").replace("sh", "s").replace("dh", "d").replace("th", "t").replace("gh", "g")
                .replace("ph", "f").replace('q', 'k').replace('g', 'k').replace('v', 'b').replace('j', 'y').replace('c', 'k');
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean vowel = "aeiou".indexOf(c) >= 0 || (i > 0 && (c == 'w' || c == 'y'));
            if (!vowel) {
                out.append(c);
            }
        }
        return FINAL_H.matcher(DOUBLE.matcher(out).replaceAll("$1")).replaceAll("");
    }

    static String korean(String latin) {
        String s = latin.replace("-", "");
        if (KOREAN_I.matcher(s).matches()) {
            return "i";
        }
        // "woo" is 우 (u) as names often write it; any other w stays: 원 (won, weon) is not 운 (un).
        s = s.replace("ch", "j").replace("sh", "s").transform(t -> SILENT_R.matcher(t).replaceAll(""))
                .replace("woo", "u").replace("eo", "u").replace("eu", "u").replace("oo", "u").replace('o', 'u')
                .replace("ae", "e").replace("oe", "e").replace("ee", "i")
                .replace('g', 'k').replace('d', 't').replace('b', 'p').replace('r', 'l');
        return DOUBLE.matcher(s).replaceAll("$1");
    }
}
