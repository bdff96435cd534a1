package org.clearance.parties.matching;

/**
 * The writing system a name token came from, where it changes how the romanised token is compared: Arabic and
 * Hebrew write few vowels (compared by consonant skeleton), Hangul and kana are romanised per syllable and have
 * several romanisation systems, Han is romanised as Mandarin pinyin, which is unreliable for other readings.
 */
public enum NameScript {
    LATIN, ABJAD, HANGUL, KANA, HAN, OTHER;

    static NameScript of(int codePoint) {
        return switch (Character.UnicodeScript.of(codePoint)) {
            case ARABIC, HEBREW, SYRIAC -> ABJAD;
            case HANGUL -> HANGUL;
            case HIRAGANA, KATAKANA -> KANA;
            case HAN -> HAN;
            case LATIN, COMMON, INHERITED -> LATIN;
            default -> OTHER;
        };
    }
}
