package org.clearance.parties.matching;

import com.ibm.icu.text.Transliterator;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a name in any script into comparable tokens: NFKC, transliteration to Latin ASCII (Cyrillic with
 * the BGN/PCGN romanisation English-language lists use, other scripts with ICU {@code Any-Latin}), lower
 * case, apostrophes dropped, other punctuation to spaces, then legal-form phrases and function words
 * removed — unless that would leave nothing.
 */
public final class NameNormalizer {

    private static final Pattern APOSTROPHES = Pattern.compile("['’‘`ʼʹ]");
    private static final Pattern NOT_ALNUM = Pattern.compile("[^a-z0-9]+");

    private static final int MISSPELT_FORM_MIN_LENGTH = 6;
    private static final double MISSPELT_FORM_SIMILARITY = 0.93;
    private static final org.apache.commons.text.similarity.JaroWinklerSimilarity JARO_WINKLER =
            new org.apache.commons.text.similarity.JaroWinklerSimilarity();

    private final Transliterator toLatin;
    private final List<List<String>> legalForms;
    private final Set<String> stopWords;

    public NameNormalizer() {
        toLatin = transliterator();
        legalForms = new ArrayList<>();
        for (String form : ResourceLines.read("legal-forms.txt")) {
            List<String> tokens = rawTokens(form);
            if (!tokens.isEmpty() && !legalForms.contains(tokens)) {
                legalForms.add(tokens);
            }
        }
        legalForms.sort(Comparator.comparingInt((List<String> f) -> f.size()).reversed());
        stopWords = new HashSet<>();
        ResourceLines.read("stop-words.txt").forEach(w -> stopWords.addAll(rawTokens(w)));
    }

    /** Name tokens without legal forms and function words, e.g. "ООО «Технопром»" → [tekhnoprom]. */
    public List<String> tokens(String name) {
        List<String> raw = rawTokens(name);
        List<String> withoutForms = removeLegalForms(raw);
        List<String> result = withoutForms.stream().filter(t -> !stopWords.contains(t)).toList();
        if (result.isEmpty()) {
            result = withoutForms.isEmpty() ? raw : withoutForms;
        }
        return result;
    }

    /** Transliterated, lower-cased, punctuation-free tokens with nothing removed. */
    public List<String> rawTokens(String name) {
        if (name == null || name.isBlank()) {
            return List.of();
        }
        String text = Normalizer.normalize(name, Normalizer.Form.NFKC).replace("&", " and ");
        text = latin(text).toLowerCase(Locale.ROOT);
        text = APOSTROPHES.matcher(text).replaceAll("");
        text = NOT_ALNUM.matcher(text).replaceAll(" ").strip();
        return text.isEmpty() ? List.of() : Arrays.asList(text.split(" "));
    }

    /** The text in Latin ASCII letters, without changing case. */
    public String latin(String text) {
        synchronized (toLatin) { // ICU transliterators are not safe for concurrent use
            return toLatin.transliterate(text);
        }
    }

    private List<String> removeLegalForms(List<String> tokens) {
        List<String> out = new ArrayList<>();
        // Misspelt long legal-form words ("Limtied", "Corpoartion") would otherwise count as rare name tokens.
        int i = 0;
        outer:
        while (i < tokens.size()) {
            for (List<String> form : legalForms) {
                if (i + form.size() <= tokens.size() && tokens.subList(i, i + form.size()).equals(form)) {
                    i += form.size();
                    continue outer;
                }
            }
            if (isMisspeltLegalForm(tokens.get(i))) {
                i++;
                continue;
            }
            out.add(tokens.get(i++));
        }
        return out;
    }

    private boolean isMisspeltLegalForm(String token) {
        if (token.length() < MISSPELT_FORM_MIN_LENGTH) {
            return false;
        }
        for (List<String> form : legalForms) {
            if (form.size() == 1 && form.get(0).length() >= MISSPELT_FORM_MIN_LENGTH
                    && JARO_WINKLER.apply(token, form.get(0)) >= MISSPELT_FORM_SIMILARITY) {
                return true;
            }
        }
        return false;
    }

    private static Transliterator transliterator() {
        try {
            return Transliterator.getInstance("Russian-Latin/BGN; Any-Latin; Latin-ASCII");
        } catch (IllegalArgumentException bgnMissing) {
            return Transliterator.getInstance("Any-Latin; Latin-ASCII");
        }
    }
}
