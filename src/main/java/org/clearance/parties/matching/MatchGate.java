package org.clearance.parties.matching;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import java.util.function.UnaryOperator;

/**
 * Rules out, cheaply and without losing a match, the names {@link PartyMatcher#match} would find nothing for: for
 * screening many names against few entries, as when open orders are checked against the entries a list update added.
 * <p>
 * First, which list tokens each token of the name resembles, as {@link TokenComparator} decides it, tried on every
 * list token that could: those sharing a key (folded form, phonetic code, given-name group, consonant skeleton, Korean
 * key, initial) and those whose {@link JaroWinklerBound} reaches the lowest spelling similarity; joined tokens
 * ("alqaeda" / "al qaeda") the same way. Then, per list name with a resembled token, the highest score
 * {@link NameScorer} could give if every such pair were a perfect match: the weighted share of both names paired, the
 * partial-name readings when all of one side is paired, scaled down below {@code minInformativeWeight} of paired name
 * weight, plus the country lift. A name passes if one list name could reach the threshold. Each distinct token is
 * looked up once. Translations of organisation-name words are found by their glossary meanings, and a name that is
 * the acronym of a list name (or the reverse) passes if the acronym score could reach the threshold.
 */
final class MatchGate {

    /** Past this many remembered tokens the gate still answers, without remembering more. */
    private static final int MEMORY = 500_000;

    private final TokenComparator comparator;
    private final NameScorer scorer;
    private final Function<String, List<TokenComparator.Token>> tokenizer;
    private final UnaryOperator<List<TokenComparator.Token>> shortener;
    private final double threshold;
    private final double minInformativeWeight;
    private final List<List<TokenComparator.Token>> names;
    private final List<double[]> nameWeights;
    private final List<Occurrence> occurrences = new ArrayList<>();
    private final List<Pair> pairs = new ArrayList<>();
    private final Spellings<Occurrence> occurrenceSpellings;
    private final Spellings<Pair> pairSpellings;
    private final Map<String, List<Occurrence>> occurrencesByKey = new HashMap<>();
    private final Map<String, List<Pair>> pairsByKey = new HashMap<>();
    private final Map<String, Resembled> decided = new ConcurrentHashMap<>();
    private final Set<String> initials = new java.util.HashSet<>();
    /** Runs of 3 to 8 adjacent list tokens by their folded initials, and list tokens shaped like acronyms. */
    private final Map<String, List<Run>> runsByInitials = new HashMap<>();
    private final Map<String, List<Occurrence>> acronymTokens = new HashMap<>();
    private final Set<String> spelt = new java.util.HashSet<>();

    /** A token of a list name: which name, where in it. */
    private record Occurrence(int name, int position, TokenComparator.Token token) {
    }

    /** Adjacent tokens of a list name, from {@code first} to {@code last}. */
    private record Run(int name, int first, int last) {
    }

    /** Two adjacent tokens of a list name (at {@code position} and the next), and their folded forms joined. */
    private record Pair(int name, int position, TokenComparator.Token first, TokenComparator.Token second,
                        String folded, long letters) {
    }

    /** What one query token resembles: list tokens, and adjacent list tokens it writes together. */
    private record Resembled(List<Occurrence> occurrences, List<Pair> pairs) {

        static final Resembled NOTHING = new Resembled(List.of(), List.of());
    }

    /** Which tokens of the query and of one list name pair up, at best. */
    private static final class Tally {
        final boolean[] query;
        final boolean[] entry;

        Tally(int queryTokens, int entryTokens) {
            query = new boolean[queryTokens];
            entry = new boolean[entryTokens];
        }
    }

    MatchGate(List<List<TokenComparator.Token>> names, List<double[]> nameWeights, List<Acronyms> acronyms,
              TokenComparator comparator, NameScorer scorer, Function<String, List<TokenComparator.Token>> tokenizer,
              UnaryOperator<List<TokenComparator.Token>> shortener, MatchSettings settings) {
        this.shortener = shortener;
        this.names = names;
        this.nameWeights = nameWeights;
        this.comparator = comparator;
        this.scorer = scorer;
        this.tokenizer = tokenizer;
        this.threshold = settings.threshold();
        this.minInformativeWeight = settings.minInformativeWeight();
        for (Acronyms name : acronyms) {
            initials.addAll(name.initials());
            spelt.addAll(name.spelt());
        }
        for (int n = 0; n < names.size(); n++) {
            List<TokenComparator.Token> name = names.get(n);
            for (int t = 0; t < name.size(); t++) {
                TokenComparator.Token token = name.get(t);
                Occurrence occurrence = new Occurrence(n, t, token);
                occurrences.add(occurrence);
                if (Acronyms.shaped(token)) {
                    for (String form : forms(token.text(), token.folded())) {
                        acronymTokens.computeIfAbsent(form, k -> new ArrayList<>()).add(occurrence);
                    }
                }
                for (Run run : runs(name, n, t)) {
                    for (String form : initialsOf(name, run)) {
                        runsByInitials.computeIfAbsent(form, k -> new ArrayList<>()).add(run);
                    }
                }
                for (String key : keys(token, false)) {
                    occurrencesByKey.computeIfAbsent(key, k -> new ArrayList<>()).add(occurrence);
                }
                if (t + 1 < name.size()) {
                    TokenComparator.Token next = name.get(t + 1);
                    String folded = token.folded() + next.folded();
                    Pair pair = new Pair(n, t, token, next, folded, JaroWinklerBound.letters(folded));
                    pairs.add(pair);
                    for (String key : joinedKeys(token, next)) {
                        pairsByKey.computeIfAbsent(key, k -> new ArrayList<>()).add(pair);
                    }
                }
            }
        }
        occurrenceSpellings = new Spellings<>(occurrences, o -> o.token().folded(), o -> o.token().letters());
        pairSpellings = new Spellings<>(pairs, Pair::folded, Pair::letters);
    }

    /** False only when {@link PartyMatcher#match} finds nothing for {@code name}, whatever the country. */
    boolean mayMatch(String name) {
        List<TokenComparator.Token> query = tokenizer.apply(name);
        if (query.isEmpty() || names.isEmpty()) {
            return false;
        }
        // Matching scores a name without the acronyms of its own words too: either may pass.
        List<TokenComparator.Token> shortened = shortener.apply(query);
        return mayMatch(query) || (shortened != query && mayMatch(shortened));
    }

    private boolean mayMatch(List<TokenComparator.Token> query) {
        if (byAcronym(Acronyms.of(query, false, comparator::fold))) {
            return true;
        }
        Map<Integer, Tally> tallies = new HashMap<>();
        for (int q = 0; q < query.size(); q++) {
            Resembled resembled = resembled(query.get(q));
            for (Occurrence occurrence : resembled.occurrences()) {
                Tally tally = tally(tallies, occurrence.name(), query.size());
                tally.query[q] = true;
                tally.entry[occurrence.position()] = true;
            }
            for (Pair pair : resembled.pairs()) {
                Tally tally = tally(tallies, pair.name(), query.size());
                tally.query[q] = true;
                tally.entry[pair.position()] = true;
                tally.entry[pair.position() + 1] = true;
            }
        }
        for (int q = 0; q < query.size(); q++) {
            TokenComparator.Token token = query.get(q);
            if (Acronyms.shaped(token)) {
                for (String form : forms(token.text(), token.folded())) {
                    for (Run run : runsByInitials.getOrDefault(form, List.of())) {
                        Tally tally = tally(tallies, run.name(), query.size());
                        tally.query[q] = true;
                        java.util.Arrays.fill(tally.entry, run.first(), run.last() + 1, true);
                    }
                }
            }
            for (Run run : runs(query, -1, q)) {
                for (String form : initialsOf(query, run)) {
                    for (Occurrence occurrence : acronymTokens.getOrDefault(form, List.of())) {
                        Tally tally = tally(tallies, occurrence.name(), query.size());
                        java.util.Arrays.fill(tally.query, run.first(), run.last() + 1, true);
                        tally.entry[occurrence.position()] = true;
                    }
                }
            }
        }
        for (int q = 0; q + 1 < query.size(); q++) {
            for (Occurrence occurrence : joinedToListToken(query.get(q), query.get(q + 1))) {
                Tally tally = tally(tallies, occurrence.name(), query.size());
                tally.query[q] = true;
                tally.query[q + 1] = true;
                tally.entry[occurrence.position()] = true;
            }
        }
        if (tallies.isEmpty()) {
            return false;
        }
        double[] queryWeights = scorer.weights(query);
        for (Map.Entry<Integer, Tally> tally : tallies.entrySet()) {
            if (highestScore(query, queryWeights, nameWeights.get(tally.getKey()), tally.getValue()) >= threshold) {
                return true;
            }
        }
        return false;
    }

    /** Whether the query spells a list name's initials, or its initials spell a list name, at a score that can pass. */
    private boolean byAcronym(Acronyms query) {
        boolean any = query.spelt().stream().anyMatch(initials::contains)
                || query.initials().stream().anyMatch(spelt::contains);
        return any && Acronyms.SCORE + PartyMatcher.COUNTRY_AGREES_LIFT + 0.0005 >= threshold;
    }

    private Tally tally(Map<Integer, Tally> tallies, int name, int queryTokens) {
        return tallies.computeIfAbsent(name, n -> new Tally(queryTokens, names.get(n).size()));
    }

    /**
     * The highest score {@link NameScorer} can give the query against one list name when the tokens {@code tally} pairs
     * are all it can pair, each with similarity 1, then the country lift and rounding to three decimals.
     */
    private double highestScore(List<TokenComparator.Token> query, double[] queryWeights, double[] entryWeights,
                                Tally tally) {
        double matchedQuery = 0;
        double totalQuery = 0;
        int unmatchedQuery = 0;
        for (int q = 0; q < query.size(); q++) {
            totalQuery += queryWeights[q];
            if (tally.query[q]) {
                matchedQuery += queryWeights[q];
            } else {
                unmatchedQuery++;
            }
        }
        double matchedEntry = 0;
        double totalEntry = 0;
        boolean entryAll = true;
        for (int e = 0; e < entryWeights.length; e++) {
            totalEntry += entryWeights[e];
            if (tally.entry[e]) {
                matchedEntry += entryWeights[e];
            } else {
                entryAll = false;
            }
        }
        double total = totalQuery + totalEntry;
        double score = total == 0 ? 0 : (matchedQuery + matchedEntry) / total;
        if (unmatchedQuery == 0 || (entryAll && unmatchedQuery <= 2)) {
            score = Math.max(score, NameScorer.PARTIAL_NAME_CAP);
        }
        if (matchedQuery < minInformativeWeight) {
            score *= matchedQuery / minInformativeWeight;
        }
        return Math.min(1.0, score) + PartyMatcher.COUNTRY_AGREES_LIFT + 0.0005;
    }

    /** The runs of 3 to 8 adjacent words (no initials, no digits) that start at {@code first}, as an acronym spells them. */
    private static List<Run> runs(List<TokenComparator.Token> tokens, int name, int first) {
        List<Run> runs = new ArrayList<>();
        for (int last = first; last < tokens.size() && last - first < 8; last++) {
            TokenComparator.Token token = tokens.get(last);
            if (token.initial() || token.hasDigit() || token.folded().isEmpty()) {
                break;
            }
            if (last - first + 1 >= Acronyms.MIN_LETTERS) {
                runs.add(new Run(name, first, last));
            }
        }
        return runs;
    }

    /** The initials of a run as written and folded, as {@link Acronyms#run} compares them. */
    private Set<String> initialsOf(List<TokenComparator.Token> tokens, Run run) {
        StringBuilder written = new StringBuilder();
        StringBuilder folded = new StringBuilder();
        for (int t = run.first(); t <= run.last(); t++) {
            written.append(tokens.get(t).text().charAt(0));
            folded.append(tokens.get(t).folded().charAt(0));
        }
        return forms(written.toString(), comparator.fold(folded.toString()));
    }

    private static Set<String> forms(String written, String folded) {
        return written.equals(folded) ? Set.of(written) : Set.of(written, folded);
    }

    /** The list tokens and pairs {@code token} resembles, remembered per distinct token. */
    private Resembled resembled(TokenComparator.Token token) {
        String key = token.script().ordinal() + ":" + token.text();
        Resembled known = decided.get(key);
        if (known != null) {
            return known;
        }
        Set<Occurrence> similar = new LinkedHashSet<>();
        for (String lookup : keys(token, true)) {
            for (Occurrence occurrence : occurrencesByKey.getOrDefault(lookup, List.of())) {
                if (comparator.compare(token, occurrence.token()).score() > 0) {
                    similar.add(occurrence);
                }
            }
        }
        occurrenceSpellings.each(token.folded(), token.letters(), comparator.spellingMinimum(), occurrence -> {
            if (comparator.compare(token, occurrence.token()).score() > 0) {
                similar.add(occurrence);
            }
        });
        Set<Pair> joined = new LinkedHashSet<>();
        for (String lookup : joinKeys(token)) {
            for (Pair pair : pairsByKey.getOrDefault(lookup, List.of())) {
                if (comparator.joinedEqual(token, pair.first(), pair.second())) {
                    joined.add(pair);
                }
            }
        }
        if (token.folded().length() >= 8) {
            pairSpellings.each(token.folded(), token.letters(), TokenComparator.joinedMinimum(), pair -> {
                if (comparator.joinedEqual(token, pair.first(), pair.second())) {
                    joined.add(pair);
                }
            });
        }
        Resembled resembled = similar.isEmpty() && joined.isEmpty() ? Resembled.NOTHING
                : new Resembled(List.copyOf(similar), List.copyOf(joined));
        if (decided.size() < MEMORY) {
            decided.put(key, resembled);
        }
        return resembled;
    }

    /** The list tokens two adjacent query tokens, written together, equal ("al qaeda" for "alqaeda"). */
    private Set<Occurrence> joinedToListToken(TokenComparator.Token first, TokenComparator.Token second) {
        Set<Occurrence> joined = new LinkedHashSet<>();
        for (String key : joinedLookups(first, second)) {
            for (Occurrence occurrence : occurrencesByKey.getOrDefault(key, List.of())) {
                if (comparator.joinedEqual(occurrence.token(), first, second)) {
                    joined.add(occurrence);
                }
            }
        }
        String together = first.folded() + second.folded();
        occurrenceSpellings.each(together, JaroWinklerBound.letters(together), TokenComparator.joinedMinimum(),
                occurrence -> {
                    if (occurrence.token().folded().length() >= 8
                            && comparator.joinedEqual(occurrence.token(), first, second)) {
                        joined.add(occurrence);
                    }
                });
        return joined;
    }

    /**
     * Keys under which list tokens are filed ({@code lookup} false) or a query token looks them up (true): folded form,
     * phonetic codes, given-name groups; consonant skeleton and Korean key filed by script and looked up under the
     * other, since {@link TokenComparator} compares them only across scripts; initials filed under their letter and
     * whole words under their first letter, each looked up by the other.
     */
    private static List<String> keys(TokenComparator.Token token, boolean lookup) {
        boolean abjad = (token.script() == NameScript.ABJAD) != lookup;
        boolean hangul = (token.script() == NameScript.HANGUL) != lookup;
        boolean initial = token.initial() != lookup;
        List<String> keys = new ArrayList<>();
        keys.add("f:" + token.folded());
        addIfPresent(keys, "p:", token.phonetic());
        addIfPresent(keys, "p:", token.phoneticAlternate());
        addIfPresent(keys, abjad ? "sa:" : "sl:", token.skeleton());
        addIfPresent(keys, hangul ? "ka:" : "kl:", token.korean());
        if (token.koreanName()) {
            keys.add("kn:" + token.korean()); // Korean names in Latin letters, filed and looked up alike
        }
        keys.add((initial ? "i:" : "w:") + token.text().charAt(0));
        for (int group : token.givenNameGroups()) {
            keys.add("g:" + group);
        }
        for (int meaning : token.meanings()) {
            keys.add("m:" + meaning);
        }
        return keys;
    }

    /** Keys a single token is looked up by among joined pairs: its folded form, skeleton and Korean key. */
    private static List<String> joinKeys(TokenComparator.Token token) {
        List<String> keys = new ArrayList<>(List.of("f:" + token.folded(), "s:" + token.skeleton(), "k:" + token.korean()));
        for (int meaning : token.meanings()) {
            keys.add("m:" + meaning);
        }
        return keys;
    }

    /** Keys of two adjacent tokens written together, as {@link TokenComparator#joinedEqual} compares them. */
    private List<String> joinedKeys(TokenComparator.Token first, TokenComparator.Token second) {
        String text = first.text() + second.text();
        List<String> keys = new ArrayList<>(List.of("f:" + first.folded() + second.folded(), "f:" + comparator.fold(text),
                "s:" + ScriptKeys.skeleton(text), "k:" + ScriptKeys.korean(text)));
        for (int meaning : comparator.meanings(first, second)) {
            keys.add("m:" + meaning);
        }
        return keys;
    }

    /** {@link #joinedKeys} as list tokens are filed by {@link #keys}. */
    private List<String> joinedLookups(TokenComparator.Token first, TokenComparator.Token second) {
        String text = first.text() + second.text();
        String skeleton = ScriptKeys.skeleton(text);
        String korean = ScriptKeys.korean(text);
        List<String> keys = new ArrayList<>(List.of("f:" + first.folded() + second.folded(), "f:" + comparator.fold(text),
                "sa:" + skeleton, "sl:" + skeleton, "ka:" + korean, "kl:" + korean));
        for (int meaning : comparator.meanings(first, second)) {
            keys.add("m:" + meaning);
        }
        return keys;
    }

    private static void addIfPresent(List<String> keys, String prefix, String value) {
        if (!value.isEmpty()) {
            keys.add(prefix + value);
        }
    }

    /**
     * Strings kept as arrays of length, {@link JaroWinklerBound#letters} and {@link JaroWinklerBound#head}, sorted by
     * length: a scan for those that may reach a Jaro-Winkler similarity with a given string looks only at lengths that
     * allow it (with every character of the shorter matched and a 4-letter common prefix, Jaro-Winkler is at most
     * {@code 0.8 + 0.2 · shorter/longer}) and computes the bound from the arrays.
     */
    private static final class Spellings<T> {

        private final List<T> items;
        private final int[] lengths;
        private final long[] letters;
        private final long[] heads;

        Spellings(List<T> unsorted, Function<T, String> text, ToLongFunction<T> lettersOf) {
            items = unsorted.stream().sorted(java.util.Comparator.comparingInt(item -> text.apply(item).length())).toList();
            lengths = items.stream().mapToInt(item -> text.apply(item).length()).toArray();
            letters = items.stream().mapToLong(lettersOf).toArray();
            heads = items.stream().mapToLong(item -> JaroWinklerBound.head(text.apply(item))).toArray();
        }

        /** Hands {@code action} each item whose bound with {@code text} reaches {@code minimum}. */
        void each(String text, long lettersOfText, double minimum, java.util.function.Consumer<T> action) {
            int length = text.length();
            if (length == 0) {
                return;
            }
            double ratio = 1 - 5 * (1 - minimum) - 1e-9;
            int shortest = ratio <= 0 ? 0 : (int) Math.ceil(length * ratio);
            int longest = ratio <= 0 ? Integer.MAX_VALUE : (int) Math.floor(length / ratio);
            long head = JaroWinklerBound.head(text);
            double floor = minimum - 1e-9;
            for (int i = firstOfLength(shortest); i < lengths.length && lengths[i] <= longest; i++) {
                int prefix = JaroWinklerBound.commonPrefix(length, head, lengths[i], heads[i]);
                if (JaroWinklerBound.upper(length, lettersOfText, prefix, lengths[i], letters[i]) >= floor) {
                    action.accept(items.get(i));
                }
            }
        }

        private int firstOfLength(int length) {
            int low = 0;
            int high = lengths.length;
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (lengths[middle] < length) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            return low;
        }
    }
}
