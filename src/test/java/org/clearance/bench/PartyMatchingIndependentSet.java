package org.clearance.bench;

import com.ibm.icu.text.Transliterator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.clearance.lists.Alias;
import org.clearance.lists.EntityType;
import org.clearance.lists.ListEntry;

/**
 * The independent party-matching evaluation set: labelled queries that do not come from the matcher's own
 * generators. Two parts:
 * <ul>
 *   <li><b>list aliases</b>: names the official lists themselves record for one entity (OFAC a.k.a.s, the EU
 *   file's aliases in other languages, the UK list's non-Latin names, the EU Annex IV Cyrillic names). One alias
 *   per sampled entry is held out of the index and used as the query; the entry, still indexed under its other
 *   names, must be found. Latin-to-Latin aliases count only if they are spelling variants of another name of the
 *   entry — every word (4+ letters) of one of the two names has a word in the other with letter-bigram Dice ≥
 *   {@value #VARIANT_DICE}, and the two names as wholes have Dice ≥ {@value #VARIANT_DICE} too — not different names such as noms de guerre; an alias in another script counts if its plain ICU
 *   transliteration passes the word test (a transliteration, not a translation); aliases
 *   that differ from another name only in case, punctuation or word order are left out as trivial.</li>
 *   <li><b>hand-checked pairs</b> ({@code matching/evaluation/hand-checked.txt}): one or more per kind of
 *   variation, and hard negatives.</li>
 * </ul>
 * The selection uses no part of the matcher, so it is the same set before and after matcher changes.
 */
final class PartyMatchingIndependentSet {

    static final double VARIANT_DICE = 0.5;
    static final String HAND_SOURCE = "EVAL-HAND";
    /** Plain ICU transliteration, only to tell a transliterated alias from a translated one. */
    private static final Transliterator LATIN = Transliterator.getInstance("Any-Latin; Latin-ASCII");

    /** One labelled query; {@code targetKey} identifies the entry (hand targets and held-out entries alike). */
    record Case(String origin, String category, String script, String query, String country, String targetKey,
                String targetName, boolean positive) {
    }

    /** The cases and the entries to index (held-out aliases removed, hand targets added). */
    record Loaded(List<Case> cases, List<ListEntry> index) {
    }

    /** Per source of list aliases: how many entries to sample at most, and the category to report them under. */
    record AliasSource(String source, String category, int limit) {
    }

    static final List<AliasSource> ALIAS_SOURCES = List.of(
            new AliasSource("US-OFAC-SDN", "list-alias-ofac", 300),
            new AliasSource("US-OFAC-NONSDN", "list-alias-ofac", 80),
            new AliasSource("EU-FSF", "list-alias-eu", 50),
            new AliasSource("UK-FCDO", "list-alias-uk", 50),
            new AliasSource("EU-833-ANNEX-IV", "list-alias-eu-annex", 120));

    private PartyMatchingIndependentSet() {
    }

    static Loaded build(List<ListEntry> corpus) throws IOException {
        List<Case> cases = new ArrayList<>();
        Map<ListEntry, ListEntry> replaced = new HashMap<>();
        Map<String, Integer> eligible = new HashMap<>();
        Map<String, List<ListEntry>> bySource = new LinkedHashMap<>();
        for (ListEntry entry : corpus) {
            bySource.computeIfAbsent(entry.source(), s -> new ArrayList<>()).add(entry);
        }
        for (AliasSource source : ALIAS_SOURCES) {
            List<ListEntry> entries = bySource.getOrDefault(source.source(), List.of());
            List<ListEntry> qualifying = new ArrayList<>();
            for (ListEntry entry : entries) {
                if (heldOut(entry) != null) {
                    qualifying.add(entry);
                }
            }
            eligible.put(source.source(), qualifying.size());
            int step = Math.max(1, qualifying.size() / Math.max(1, source.limit()));
            for (int i = 0; i < qualifying.size() && cases.stream()
                    .filter(c -> c.origin().equals(source.source())).count() < source.limit(); i += step) {
                ListEntry entry = qualifying.get(i);
                Alias alias = heldOut(entry);
                List<Alias> remaining = entry.aliases().stream().filter(a -> !a.equals(alias)).toList();
                ListEntry without = new ListEntry(entry.source(), entry.sourceId(), entry.type(), entry.primaryName(),
                        remaining, entry.addresses(), entry.countries(), entry.identifiers(), entry.programs(),
                        entry.remarks(), entry.details());
                replaced.put(entry, without);
                cases.add(new Case(source.source(), source.category(), script(alias.name()), alias.name(), null,
                        entry.key(), entry.primaryName(), true));
            }
        }
        List<ListEntry> index = new ArrayList<>(corpus.size());
        for (ListEntry entry : corpus) {
            index.add(replaced.getOrDefault(entry, entry));
        }
        Map<String, ListEntry> hand = new LinkedHashMap<>();
        for (String[] line : handLines()) {
            String target = line[3];
            ListEntry entry = hand.computeIfAbsent(target.toUpperCase(Locale.ROOT), t ->
                    ListEntry.builder(HAND_SOURCE, "H" + (hand.size() + 1)).type(EntityType.UNKNOWN).primaryName(target)
                            .build());
            if (!line[4].equals("list")) {
                String country = line[2].equals("-") ? null : line[2];
                cases.add(new Case(HAND_SOURCE, line[0], script(line[1]), line[1], country, entry.key(),
                        entry.primaryName(), line[4].equals("match")));
            }
        }
        index.addAll(hand.values());
        return new Loaded(List.copyOf(cases), List.copyOf(index));
    }

    /** The alias to hold out of this entry, or null if none qualifies. */
    static Alias heldOut(ListEntry entry) {
        List<String> names = entry.allNames();
        for (Alias alias : entry.aliases()) {
            String key = simpleKey(alias.name());
            if (key.isEmpty()) {
                continue;
            }
            boolean trivial = false;
            boolean variant = false;
            for (String other : names) {
                if (other.equals(alias.name())) {
                    continue;
                }
                if (simpleKey(other).equals(key)) {
                    trivial = true;
                }
                if (script(other).equals("latin") != script(alias.name()).equals("latin")) {
                    // Another script: a transliteration of the same name qualifies, a translation does not.
                    String a = simpleKey(LATIN.transliterate(alias.name()));
                    String b = simpleKey(LATIN.transliterate(other));
                    variant |= covered(a, b) || covered(b, a);
                } else {
                    variant |= (covered(key, simpleKey(other)) || covered(simpleKey(other), key))
                            && dice(key, simpleKey(other)) >= VARIANT_DICE;
                }
            }
            if (!trivial && variant) {
                return alias;
            }
        }
        return null;
    }

    /** Lower case, letters and digits only, tokens sorted: equal keys differ only in case, punctuation or order. */
    static String simpleKey(String name) {
        String text = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        if (text.isEmpty()) {
            return "";
        }
        String[] tokens = text.split(" ");
        Arrays.sort(tokens);
        return String.join(" ", tokens);
    }

    /** Whether every word of 4+ letters in {@code a} has a word in {@code b} with bigram Dice ≥ the minimum. */
    static boolean covered(String a, String b) {
        boolean any = false;
        for (String x : a.split(" ")) {
            if (x.length() < 4) {
                continue; // legal-form abbreviations and particles (jsc, ooo, al, de)
            }
            any = true;
            boolean has = false;
            for (String y : b.split(" ")) {
                has |= dice(x, y) >= VARIANT_DICE;
            }
            if (!has) {
                return false;
            }
        }
        return any;
    }

    /** Dice coefficient of the letter bigrams of two keys (spaces ignored). */
    static double dice(String a, String b) {
        List<String> x = bigrams(a.replace(" ", ""));
        List<String> y = new ArrayList<>(bigrams(b.replace(" ", "")));
        if (x.isEmpty() || y.isEmpty()) {
            return 0;
        }
        int common = 0;
        for (String gram : x) {
            if (y.remove(gram)) {
                common++;
            }
        }
        return 2.0 * common / (x.size() + bigrams(b.replace(" ", "")).size());
    }

    private static List<String> bigrams(String s) {
        List<String> grams = new ArrayList<>();
        for (int i = 0; i + 2 <= s.length(); i++) {
            grams.add(s.substring(i, i + 2));
        }
        return grams;
    }

    /** The script of a name's letters other than Latin: arabic, hebrew, hangul, kana, han, greek, cyrillic … */
    static String script(String text) {
        Set<String> scripts = new HashSet<>();
        text.codePoints().filter(Character::isLetter).forEach(cp -> {
            Character.UnicodeScript s = Character.UnicodeScript.of(cp);
            switch (s) {
                case LATIN, COMMON, INHERITED -> { }
                case HIRAGANA, KATAKANA -> scripts.add("kana");
                default -> scripts.add(s.name().toLowerCase(Locale.ROOT));
            }
        });
        if (scripts.isEmpty()) {
            return "latin";
        }
        return scripts.contains("kana") ? "kana" : scripts.iterator().next();
    }

    private static List<String[]> handLines() throws IOException {
        List<String[]> lines = new ArrayList<>();
        try (InputStream in = PartyMatchingIndependentSet.class.getResourceAsStream("/matching/evaluation/hand-checked.txt")) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = Arrays.stream(line.split("\\|")).map(String::strip).toArray(String[]::new);
                if (parts.length != 5 || !Set.of("match", "nomatch", "list").contains(parts[4])) {
                    throw new IllegalStateException("bad evaluation line: " + line);
                }
                lines.add(parts);
            }
        }
        return lines;
    }
}
