package org.clearance.parties.matching;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.ibm.icu.text.Transliterator;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a name in any script into comparable tokens: NFKC, transliteration to Latin ASCII with ICU (Cyrillic by
 * the BGN/PCGN romanisation of its language — Russian, Ukrainian or Belarusian, told apart by their letters —,
 * Greek by UNGEGN, Hangul one syllable per token, Han as pinyin, Arabic with the article split off, every other
 * script by {@code Any-Latin}), lower case, apostrophes dropped, other punctuation to spaces, then legal-form
 * phrases and function words removed — unless that would leave nothing. Each token remembers the script it came
 * from ({@link NameScript}), because Arabic, Hebrew, Hangul and kana romanisations are compared differently.
 */
public final class NameNormalizer {

    /** One token and the script its letters came from. */
    public record ScriptToken(String text, NameScript script) {
    }

    /**
     * Apostrophes, and the primes BGN/PCGN writes for the Cyrillic soft and hard signs (ь ʹ, ъ ʺ: Obʺyedineniye), which
     * Latin-ASCII turns into ' and ". Applied to a word's transliteration only, so quotation marks never reach it.
     */
    private static final Pattern APOSTROPHES = Pattern.compile("['’‘`ʼʹʺ″\"ʿʾ·]");
    private static final Pattern NOT_ALNUM = Pattern.compile("[^a-z0-9]+");
    private static final Pattern SEGMENT = Pattern.compile("[\\p{L}\\p{M}\\p{N}'’‘`ʼʹʺ″ʿʾ]+");
    /** The Arabic article written joined to its noun (الأسد → ال أسد); not in الله, which is a name of its own. */
    private static final Pattern ARABIC_ARTICLE = Pattern.compile("(?<![\\p{IsArabic}])ال(?!له)(?=\\p{IsArabic}{2,})");
    private static final Pattern TA_MARBUTA = Pattern.compile("ة");
    private static final Pattern HANGUL_SYLLABLE = Pattern.compile("(?<=[\\uAC00-\\uD7A3])(?=[\\uAC00-\\uD7A3])");
    private static final Pattern UKRAINIAN = Pattern.compile("[іїєґІЇЄҐ]");
    private static final Pattern BELARUSIAN = Pattern.compile("[ўЎ]");
    /** Brackets and quotation marks: a name part inside them is a name of its own ("АО «Туполев»"). */
    private static final Pattern GROUP_MARK = Pattern.compile("[()\\[\\]«»\"“”„]");
    private static final Pattern KANA_LONG_VOWEL = Pattern.compile("(?<=[o])u|(?<=[u])u");

    private static final int MISSPELT_FORM_MIN_LENGTH = 6;
    private static final double MISSPELT_FORM_SIMILARITY = 0.93;
    private static final org.apache.commons.text.similarity.JaroWinklerSimilarity JARO_WINKLER =
            new org.apache.commons.text.similarity.JaroWinklerSimilarity();

    private static final Cache<String, String> TRANSLITERATED = Caffeine.newBuilder().maximumSize(200_000).build();

    private final Transliterator russian;
    private final Transliterator ukrainian;
    private final Transliterator belarusian;
    private final List<LegalForm> legalForms;

    /** A legal-form phrase as tokens, with each word's {@link JaroWinklerBound#letters} for the misspelling test. */
    private record LegalForm(List<String> words, long[] letters) {

        LegalForm(List<String> words) {
            this(words, words.stream().mapToLong(JaroWinklerBound::letters).toArray());
        }

        int size() {
            return words.size();
        }
    }
    private final Set<String> stopWords;

    public NameNormalizer() {
        // Greek first: after BGN's "·" (Lukash·enka) Greek-Latin would read it as a Greek ano teleia.
        String greek = "Greek-Latin/UNGEGN; ";
        String rest = "; Hangul-Latin; Han-Latin/Names; Any-Latin; Latin-ASCII";
        russian = Transliterator.getInstance(greek + "Russian-Latin/BGN" + rest);
        ukrainian = Transliterator.getInstance(greek + "Ukrainian-Latin/BGN; Russian-Latin/BGN" + rest);
        belarusian = Transliterator.getInstance(greek + "Belarusian-Latin/BGN; Russian-Latin/BGN" + rest);
        List<List<String>> forms = new ArrayList<>();
        for (String line : ResourceLines.read("legal-forms.txt")) {
            String form = line.replaceFirst("^[A-Z*]{1,2}(,[A-Z]{2})*:\\s*", "");
            List<String> tokens = rawTokens(form);
            if (!tokens.isEmpty() && !forms.contains(tokens)) {
                forms.add(tokens);
            }
        }
        forms.sort(Comparator.comparingInt((List<String> f) -> f.size()).reversed());
        legalForms = forms.stream().map(LegalForm::new).toList();
        stopWords = new HashSet<>();
        ResourceLines.read("stop-words.txt").forEach(w -> stopWords.addAll(rawTokens(w)));
    }

    /**
     * Builds a normalizer on a background thread, so that ICU's transliteration rules (parsed once per process, then
     * shared: about half a second) are ready by the time the application needs them; the process starts meanwhile.
     */
    public static void prepareInBackground() {
        Thread thread = new Thread(() -> {
            try {
                new NameNormalizer();
            } catch (RuntimeException e) {
                // The application's own normalizer reports it.
            }
        }, "name-normalizer-preparation");
        thread.setDaemon(true);
        thread.start();
    }

    /** Name tokens without legal forms and function words, e.g. "ООО «Технопром»" → [tekhnoprom]. */
    public List<String> tokens(String name) {
        return scriptTokens(name).stream().map(ScriptToken::text).toList();
    }

    /** Like {@link #tokens} with the script each token came from. */
    public List<ScriptToken> scriptTokens(String name) {
        // Loops rather than streams: this runs for every name screened and re-screened, and stream set-up cost more
        // than the work on a three-word name.
        BitSet groupStarts = new BitSet();
        List<ScriptToken> raw = rawScriptTokens(name, groupStarts);
        List<ScriptToken> withoutForms = ServantNames.joined(NamedAfter.nominative(removeLegalForms(raw, groupStarts)));
        List<ScriptToken> result = new ArrayList<>(withoutForms.size());
        for (ScriptToken token : withoutForms) {
            if (!stopWords.contains(token.text())) {
                result.add(token);
            }
        }
        if (result.isEmpty()) {
            result = withoutForms.isEmpty() ? raw : withoutForms;
        }
        // A name that repeats itself ("ОАО «Туполев» (АО «Туполев»)") is the same name once.
        Set<String> seen = new HashSet<>();
        List<ScriptToken> distinct = new ArrayList<>(result.size());
        for (ScriptToken token : result) {
            if (seen.add(token.text())) {
                distinct.add(token);
            }
        }
        return List.copyOf(distinct);
    }

    /** Transliterated, lower-cased, punctuation-free tokens with nothing removed. */
    public List<String> rawTokens(String name) {
        return rawScriptTokens(name, new BitSet()).stream().map(ScriptToken::text).toList();
    }

    /** @param groupStarts set here: the indexes of tokens that follow a bracket or quotation mark */
    private List<ScriptToken> rawScriptTokens(String name, BitSet groupStarts) {
        if (name == null || name.isBlank()) {
            return List.of();
        }
        String text = Normalizer.normalize(name, Normalizer.Form.NFKC).replace("&", " and ");
        text = ARABIC_ARTICLE.matcher(text).replaceAll("ال ");
        text = TA_MARBUTA.matcher(text).replaceAll("");
        text = HANGUL_SYLLABLE.matcher(text).replaceAll(" ");
        Transliterator toLatin = BELARUSIAN.matcher(text).find() ? belarusian
                : UKRAINIAN.matcher(text).find() ? ukrainian : russian;
        List<ScriptToken> tokens = new ArrayList<>();
        var segments = SEGMENT.matcher(text);
        int previousEnd = 0;
        while (segments.find()) {
            String segment = segments.group();
            if (GROUP_MARK.matcher(text.substring(previousEnd, segments.start())).find()) {
                groupStarts.set(tokens.size());
            }
            previousEnd = segments.end();
            NameScript script = script(segment);
            String latin = isAscii(segment) ? segment : transliterate(toLatin, segment);
            latin = APOSTROPHES.matcher(latin.toLowerCase(Locale.ROOT)).replaceAll("");
            latin = NOT_ALNUM.matcher(latin).replaceAll(" ").strip();
            if (latin.isEmpty()) {
                continue;
            }
            for (String token : latin.split(" ")) {
                // Kana spell long vowels out (とう "tou", ゆう "yuu"); lists write "To", "Yu".
                tokens.add(new ScriptToken(script == NameScript.KANA ? KANA_LONG_VOWEL.matcher(token).replaceAll("")
                        : token, script));
            }
        }
        return tokens;
    }

    /** The text in Latin ASCII letters, without changing case. */
    public String latin(String text) {
        synchronized (russian) {
            return russian.transliterate(text);
        }
    }

    /**
     * ICU's compound transliteration costs about 0.1 ms a word, and rebuilding the party index after a list import
     * transliterates every name of every list again: the words repeat across names, lists and versions, so each
     * is transliterated once.
     */
    private String transliterate(Transliterator toLatin, String segment) {
        return TRANSLITERATED.get(toLatin.getID() + '\u0000' + segment, key -> {
            synchronized (toLatin) { // ICU transliterators are not safe for concurrent use
                return toLatin.transliterate(segment);
            }
        });
    }

    /** ASCII is its own transliteration, and most list names are ASCII. */
    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static NameScript script(String segment) {
        NameScript found = NameScript.LATIN;
        for (int i = 0; i < segment.length(); ) {
            int cp = segment.codePointAt(i);
            NameScript s = NameScript.of(cp);
            if (s != NameScript.LATIN && Character.isLetter(cp)) {
                found = s;
                if (s == NameScript.KANA) {
                    return s; // Japanese mixes kana with Han; the kana decide the reading
                }
            }
            i += Character.charCount(cp);
        }
        return found;
    }

    private List<ScriptToken> removeLegalForms(List<ScriptToken> tokens, BitSet groupStarts) {
        List<String> texts = new ArrayList<>(tokens.size());
        long[] letters = new long[tokens.size()];
        for (int t = 0; t < tokens.size(); t++) {
            texts.add(tokens.get(t).text());
            letters[t] = JaroWinklerBound.letters(texts.get(t));
        }
        List<ScriptToken> out = new ArrayList<>();
        int i = 0;
        outer:
        while (i < tokens.size()) {
            for (LegalForm form : legalForms) {
                int end = i + form.size();
                if (end <= tokens.size() && sameForm(texts, letters, i, form) && (!initialsOnly(form.words())
                        || i == 0 || end == tokens.size() || groupStarts.get(i) || groupStarts.get(end))) {
                    i += form.size();
                    continue outer;
                }
            }
            // Misspelt long legal-form words ("Limtied", "Corpoartion") would otherwise count as rare name tokens.
            if (isMisspeltLegalForm(texts.get(i), letters[i])) {
                i++;
                continue;
            }
            out.add(tokens.get(i++));
        }
        return out;
    }

    /**
     * The words from {@code from} on are {@code form}, word by word: equal, or for words of 6+ letters a near spelling
     * ("Otvetstvenostyu", "Aktiengeselschaft").
     */
    private static boolean sameForm(List<String> words, long[] letters, int from, LegalForm form) {
        for (int k = 0; k < form.size(); k++) {
            String a = words.get(from + k);
            String b = form.words().get(k);
            if (!a.equals(b) && !nearSpelling(a, letters[from + k], b, form.letters()[k])) {
                return false;
            }
        }
        return true;
    }

    private static boolean nearSpelling(String word, long letters, String formWord, long formLetters) {
        return Math.min(word.length(), formWord.length()) >= MISSPELT_FORM_MIN_LENGTH
                && !JaroWinklerBound.below(word, letters, formWord, formLetters, MISSPELT_FORM_SIMILARITY)
                && JARO_WINKLER.apply(word, formWord) >= MISSPELT_FORM_SIMILARITY;
    }

    /**
     * Forms of one- and two-letter words (S.A., A.S., K.K.) look like initials inside a name: they are removed only at
     * the start or end of the name or of a part in brackets or quotation marks ("АО «Туполев»", "(АО «Спарта»)").
     */
    private static boolean initialsOnly(List<String> form) {
        return form.stream().allMatch(w -> w.length() <= 2);
    }

    private boolean isMisspeltLegalForm(String token, long letters) {
        if (token.length() < MISSPELT_FORM_MIN_LENGTH) {
            return false;
        }
        for (LegalForm form : legalForms) {
            if (form.size() == 1 && nearSpelling(token, letters, form.words().get(0), form.letters()[0])) {
                return true;
            }
        }
        return false;
    }
}
