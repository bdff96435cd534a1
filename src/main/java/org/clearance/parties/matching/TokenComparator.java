package org.clearance.parties.matching;

import org.apache.commons.codec.language.DoubleMetaphone;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * Compares two normalised tokens, strongest evidence first: exact; equal after romanisation folding; translations
 * of one organisation-name word ({@link OrganisationWords}: завод / plant, banco / bank); the same
 * given name ({@link GivenNames}: Ted/Theodore, Mykola/Nikolai); an initial and a name starting with it; equal
 * consonant skeletons when one side was written in Arabic or Hebrew, equal Korean keys when one side was Hangul;
 * Jaro-Winkler of folded forms; equal Double Metaphone codes with similar spelling. Known different given names
 * (Oleg/Olga), a feminine and masculine form of one name (Hamida/Hamid, Ivanova/Ivanov), tokens with digits and
 * tokens under 4 letters only match exactly or by folding, because edit-distance similarity on "13" vs "18" or
 * "oleg" vs "olga" means nothing; tokens under 5 letters need a higher Jaro-Winkler and no phonetic match.
 */
final class TokenComparator {

    static final double TRANSLITERATION_SCORE = 0.95;
    static final double GIVEN_NAME_SCORE = 0.92;
    /**
     * A word and its translation mean the same but are not the name as written: below a transliteration, at the
     * strength of a script key, and at or above the 0.85 the partial-name readings need, so a name translated word by
     * word still counts as wholly matched. What they may decide is limited in {@link NameScorer}.
     */
    static final double TRANSLATION_SCORE = 0.9;
    static final double SCRIPT_SCORE = 0.9;
    /** Low, so that an initial pairs last: "madani" must not take the "M." of "ALMADANI, Mustafa M.". */
    static final double INITIAL_SCORE = 0.6;
    static final double PHONETIC_SCORE = 0.85;
    private static final double PHONETIC_MIN_SPELLING = 0.75;
    private static final double SHORT_PHONETIC_MIN_SPELLING = 0.85;
    private static final double SHORT_JARO_WINKLER_MINIMUM = 0.93;
    private static final int FUZZY_MIN_LENGTH = 4;
    private static final int SHORT_LENGTH = 5;
    private static final int SHORT_PHONETIC_LENGTH = 7;
    private static final double JOINED_MINIMUM = 0.95;

    private final JaroWinklerSimilarity jaroWinkler = new JaroWinklerSimilarity();
    private final DoubleMetaphone metaphone = new DoubleMetaphone();
    private final double jaroWinklerMinimum;
    private final GivenNames givenNames;
    private final RomanizationFolder folder;
    private final OrganisationWords organisationWords;

    TokenComparator(double jaroWinklerMinimum, GivenNames givenNames, RomanizationFolder folder,
                    OrganisationWords organisationWords) {
        this.jaroWinklerMinimum = jaroWinklerMinimum;
        this.givenNames = givenNames;
        this.folder = folder;
        this.organisationWords = organisationWords;
    }

    /**
     * A comparable token: its forms and keys, computed once.
     *
     * @param letters the characters of {@code folded} as {@link JaroWinklerBound#letters}
     * @param meanings the {@link OrganisationWords} meanings of the token, empty for a word not in the glossary
     */
    record Token(String text, String folded, String phonetic, String phoneticAlternate, boolean hasDigit,
                 NameScript script, String skeleton, String korean, int[] givenNameGroups, long letters,
                 int[] meanings, boolean koreanName) {

        boolean initial() {
            return text.length() == 1 && !hasDigit;
        }
    }

    Token token(String text, NameScript script) {
        return token(text, script, false);
    }

    /** @param koreanName whether the token is a syllable of a Korean name written in Latin ({@link KoreanNames}) */
    Token token(String text, NameScript script, boolean koreanName) {
        String code = metaphone.doubleMetaphone(text);
        String alternate = metaphone.doubleMetaphone(text, true);
        String folded = folder.fold(text);
        return new Token(text, folded, code == null ? "" : code, alternate == null ? "" : alternate, hasDigit(text),
                script, ScriptKeys.skeleton(text), ScriptKeys.korean(text), givenNames.groups(text, folder),
                JaroWinklerBound.letters(folded), hasDigit(text) ? new int[0] : organisationWords.groups(folded),
                koreanName);
    }

    /** The glossary meanings of two adjacent tokens written together ("machine building"), empty if none. */
    int[] meanings(Token first, Token second) {
        return organisationWords.groups(first.folded() + second.folded());
    }

    /** The one-word translations of a token's meanings, for fetching candidates. */
    java.util.List<String> translations(Token token) {
        return organisationWords.equivalents(token.meanings());
    }

    record Similarity(MatchMethod how, double score) {
        static final Similarity NONE = new Similarity(MatchMethod.NONE, 0);
        static final Similarity EXACT = new Similarity(MatchMethod.EXACT, 1.0);
        static final Similarity TRANSLITERATION = new Similarity(MatchMethod.TRANSLITERATION, TRANSLITERATION_SCORE);
        static final Similarity SCRIPT = new Similarity(MatchMethod.TRANSLITERATION, SCRIPT_SCORE);
        static final Similarity GIVEN_NAME = new Similarity(MatchMethod.GIVEN_NAME, GIVEN_NAME_SCORE);
        static final Similarity INITIAL = new Similarity(MatchMethod.INITIAL, INITIAL_SCORE);
        static final Similarity PHONETIC = new Similarity(MatchMethod.PHONETIC, PHONETIC_SCORE);
        static final Similarity JOINED = new Similarity(MatchMethod.JOINED, TRANSLITERATION_SCORE);
        static final Similarity TRANSLATION = new Similarity(MatchMethod.TRANSLATION, TRANSLATION_SCORE);
        static final Similarity ACRONYM = new Similarity(MatchMethod.ACRONYM, Acronyms.SCORE);
    }

    /** The romanisation-folded form of a text, as tokens are compared by. */
    String fold(String text) {
        return folder.fold(text);
    }

    /** Below this Jaro-Winkler similarity no spelling comparison matches, unless the phonetic codes are equal. */
    double spellingMinimum() {
        return jaroWinklerMinimum;
    }

    /** Below this Jaro-Winkler similarity of the joined forms, {@link #joinedEqual} holds only by equal keys. */
    static double joinedMinimum() {
        return JOINED_MINIMUM;
    }

    Similarity compare(Token query, Token entry) {
        Similarity spelling = spelling(query, entry);
        // A translation only where the spelling says less: "defence" / "defense" stays a spelling match.
        return spelling.score() < TRANSLATION_SCORE && query.meanings().length > 0
                && GivenNames.share(query.meanings(), entry.meanings()) ? Similarity.TRANSLATION : spelling;
    }

    private Similarity spelling(Token query, Token entry) {
        if (query.text().equals(entry.text())) {
            return Similarity.EXACT;
        }
        if (query.folded().equals(entry.folded())) {
            return Similarity.TRANSLITERATION;
        }
        if (query.initial() || entry.initial()) {
            Token initial = query.initial() ? query : entry;
            Token full = query.initial() ? entry : query;
            return !full.initial() && !full.hasDigit() && full.text().charAt(0) == initial.text().charAt(0)
                    ? Similarity.INITIAL : Similarity.NONE;
        }
        if (query.givenNameGroups().length > 0 && entry.givenNameGroups().length > 0) {
            return GivenNames.share(query.givenNameGroups(), entry.givenNameGroups()) ? Similarity.GIVEN_NAME
                    : Similarity.NONE;
        }
        Similarity script = scriptSimilarity(query, entry);
        if (script != null) {
            return script;
        }
        if (query.hasDigit() || entry.hasDigit()
                || Math.min(query.folded().length(), entry.folded().length()) < FUZZY_MIN_LENGTH) {
            return Similarity.NONE;
        }
        boolean shortToken = Math.min(query.text().length(), entry.text().length()) < SHORT_LENGTH;
        boolean shortForPhonetics = Math.min(query.folded().length(), entry.folded().length()) < SHORT_PHONETIC_LENGTH;
        double spellingMinimum = shortToken ? Math.max(SHORT_JARO_WINKLER_MINIMUM, jaroWinklerMinimum) : jaroWinklerMinimum;
        double phoneticMinimum = shortForPhonetics ? SHORT_PHONETIC_MIN_SPELLING : PHONETIC_MIN_SPELLING;
        // Most pairs a query is scored against share few letters: skip the exact similarity when no path can pass.
        if (JaroWinklerBound.below(query.folded(), query.letters(), entry.folded(), entry.letters(),
                shortToken ? spellingMinimum : Math.min(spellingMinimum, phoneticMinimum))) {
            return Similarity.NONE;
        }
        if (genderForms(query.folded(), entry.folded())) {
            return Similarity.NONE;
        }
        if (ServantNames.bothServant(query.folded(), entry.folded()) && !servantsAlike(query.folded(), entry.folded())) {
            return Similarity.NONE;
        }
        double jw = jaroWinkler.apply(query.folded(), entry.folded());
        if (jw >= spellingMinimum) {
            return new Similarity(MatchMethod.JARO_WINKLER, Math.min(jw, TRANSLITERATION_SCORE));
        }
        if (!shortToken && jw >= phoneticMinimum
                && !query.phonetic().isEmpty() && phoneticallyEqual(query, entry)) {
            return Similarity.PHONETIC;
        }
        return Similarity.NONE;
    }

    /**
     * A single token against two adjacent tokens written apart ("alqaeda" / "al qaeda", "jongun" / "jong un"):
     * their folded forms (or, across Arabic/Hebrew, skeletons; across Hangul, Korean keys) joined must be equal.
     */
    boolean joinedEqual(Token single, Token first, Token second) {
        return joined(single, first, second).score() > 0;
    }

    /**
     * {@link #joinedEqual} as a similarity: {@link Similarity#JOINED}, or {@link Similarity#TRANSLATION} when the single
     * token translates the two ("машиностроительный" / "machine building"), or none.
     */
    Similarity joined(Token single, Token first, Token second) {
        if (spelledJoined(single, first, second)) {
            return Similarity.JOINED;
        }
        return single.meanings().length > 0 && GivenNames.share(single.meanings(), meanings(first, second))
                ? Similarity.TRANSLATION : Similarity.NONE;
    }

    private boolean spelledJoined(Token single, Token first, Token second) {
        if (single.folded().equals(first.folded() + second.folded())
                || single.folded().equals(folder.fold(first.text() + second.text()))) {
            return true;
        }
        if (abjad(single, first) || abjad(single, second)) {
            String joined = ScriptKeys.skeleton(first.text() + second.text());
            return joined.length() >= 3 && single.skeleton().equals(joined);
        }
        if (korean(single, first) || korean(single, second)) {
            return single.korean().equals(ScriptKeys.korean(first.text() + second.text()));
        }
        String joined = first.folded() + second.folded();
        return single.folded().length() >= 8 && !JaroWinklerBound.below(single.folded(), joined, JOINED_MINIMUM)
                && jaroWinkler.apply(single.folded(), joined) >= JOINED_MINIMUM;
    }

    /**
     * Two Abd al-X names ({@link ServantNames}) share their first five letters, which say nothing: what follows "abd
     * al" must look alike too (Abdalaziz is not Abdalrahim; Abdalaziz / Abdalazis still compare as a whole). Under
     * four letters after it (Abd al-Haq) the whole word decides, as before the names were joined.
     */
    private boolean servantsAlike(String a, String b) {
        String x = ServantNames.afterServant(a);
        String y = ServantNames.afterServant(b);
        return Math.min(x.length(), y.length()) < FUZZY_MIN_LENGTH || jaroWinkler.apply(x, y) >= PHONETIC_MIN_SPELLING;
    }

    /** Comparison by script key when one side came from Arabic/Hebrew or Hangul; null when neither did. */
    private static Similarity scriptSimilarity(Token a, Token b) {
        if (abjad(a, b)) {
            // One-consonant skeletons only for short words (علي "ly" / Ali, أبو "abw" / Abu), else too weak.
            int length = Math.min(a.skeleton().length(), b.skeleton().length());
            boolean shortWords = Math.max(a.text().length(), b.text().length()) <= 3;
            return (length >= 2 || (length == 1 && shortWords)) && a.skeleton().equals(b.skeleton())
                    ? Similarity.SCRIPT : null;
        }
        if (korean(a, b)) {
            return a.korean().equals(b.korean()) ? Similarity.SCRIPT : null;
        }
        // Two Korean names in Latin letters, romanised by different systems ("Jeong-eun" / "Jong Un").
        if (a.koreanName() && b.koreanName() && a.korean().equals(b.korean())) {
            return Similarity.SCRIPT;
        }
        return null;
    }

    private static boolean abjad(Token a, Token b) {
        return (a.script() == NameScript.ABJAD) != (b.script() == NameScript.ABJAD);
    }

    private static boolean korean(Token a, Token b) {
        return (a.script() == NameScript.HANGUL) != (b.script() == NameScript.HANGUL);
    }

    /**
     * Feminine and masculine forms of one Slavic surname (Ivanova/Ivanov, Sechina/Sechin, Kowalska/Kowalski); given
     * names such as Hamida/Hamid are told apart by {@link GivenNames}.
     */
    static boolean genderForms(String a, String b) {
        String longer = a.length() >= b.length() ? a : b;
        String shorter = longer == a ? b : a;
        return longer.endsWith("a") && !shorter.endsWith("a") && SLAVIC_SURNAME.matcher(shorter).find()
                && (longer.equals(shorter + "a") || longer.startsWith(shorter.substring(0, shorter.length() - 1))
                && longer.length() - shorter.length() <= 1);
    }

    private static final java.util.regex.Pattern SLAVIC_SURNAME =
            java.util.regex.Pattern.compile("(ov|ev|in|yn|ski|sky|ski|skii|skiy|ck)$");

    private static boolean phoneticallyEqual(Token a, Token b) {
        return a.phonetic().equals(b.phonetic()) || a.phonetic().equals(b.phoneticAlternate())
                || a.phoneticAlternate().equals(b.phonetic());
    }

    private static boolean hasDigit(String text) {
        return text.chars().anyMatch(Character::isDigit);
    }
}
