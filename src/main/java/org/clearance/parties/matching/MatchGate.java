package org.clearance.parties.matching;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Rules out, cheaply and without losing a match, the names {@link PartyMatcher#match} would find nothing for: for
 * screening many names against few entries, as when open orders are checked against the entries a list update added.
 * <p>
 * A name can only score above the threshold if enough of its weight pairs with list tokens: the score is scaled down
 * by {@code matched weight / minInformativeWeight} below that weight, so a name whose tokens that resemble some list
 * token weigh less than {@code (threshold − country lift) × minInformativeWeight} cannot pass. Whether a token
 * resembles a list token is decided by {@link TokenComparator} itself, on every list token that could resemble it:
 * those sharing a key (folded form, phonetic code, given-name group, consonant skeleton, Korean key, initial) and
 * those whose {@link JaroWinklerBound} reaches the lowest spelling similarity. Joined tokens ("alqaeda" / "al qaeda")
 * count the same way. Each distinct token is decided once.
 */
final class MatchGate {

    /** Past this many remembered tokens the gate still answers, without remembering more. */
    private static final int MEMORY = 500_000;

    private final TokenComparator comparator;
    private final NameScorer scorer;
    private final Function<String, List<TokenComparator.Token>> tokenizer;
    private final double minimumWeight;
    private final List<TokenComparator.Token> singles;
    /** The list tokens and joined pairs by their folded forms, to scan for those whose spelling may be similar. */
    private final Spellings<TokenComparator.Token> singleSpellings;
    private final Spellings<Pair> pairSpellings;
    private final Map<String, List<TokenComparator.Token>> singlesByKey = new HashMap<>();
    private final Map<String, List<Pair>> pairsByKey = new HashMap<>();
    private final Map<String, Boolean> decided = new ConcurrentHashMap<>();
    /** First letters of the list tokens an initial pairs with (whole words without digits). */
    private final java.util.Set<Character> fullTokenInitials = new java.util.HashSet<>();

    /** Two adjacent tokens of a list name, and their joined forms. */
    private record Pair(TokenComparator.Token first, TokenComparator.Token second, String folded, long letters) {
    }

    MatchGate(List<List<TokenComparator.Token>> names, TokenComparator comparator, NameScorer scorer,
              Function<String, List<TokenComparator.Token>> tokenizer, double minimumWeight) {
        this.comparator = comparator;
        this.scorer = scorer;
        this.tokenizer = tokenizer;
        this.minimumWeight = minimumWeight;
        Map<String, TokenComparator.Token> distinct = new HashMap<>();
        List<Pair> adjacent = new ArrayList<>();
        for (List<TokenComparator.Token> name : names) {
            for (int t = 0; t < name.size(); t++) {
                TokenComparator.Token token = name.get(t);
                distinct.putIfAbsent(key(token), token);
                if (t + 1 < name.size()) {
                    TokenComparator.Token next = name.get(t + 1);
                    String folded = token.folded() + next.folded();
                    adjacent.add(new Pair(token, next, folded, JaroWinklerBound.letters(folded)));
                }
            }
        }
        singles = List.copyOf(distinct.values());
        singleSpellings = new Spellings<>(singles, TokenComparator.Token::folded, TokenComparator.Token::letters);
        pairSpellings = new Spellings<>(adjacent, Pair::folded, Pair::letters);
        for (TokenComparator.Token token : singles) {
            if (!token.initial() && !token.hasDigit()) {
                fullTokenInitials.add(token.text().charAt(0));
            }
            for (String key : keys(token)) {
                singlesByKey.computeIfAbsent(key, k -> new ArrayList<>()).add(token);
            }
        }
        for (Pair pair : adjacent) {
            for (String key : joinedKeys(pair.first(), pair.second())) {
                pairsByKey.computeIfAbsent(key, k -> new ArrayList<>()).add(pair);
            }
        }
    }

    /** False only when {@link PartyMatcher#match} finds nothing for {@code name}, whatever the country. */
    boolean mayMatch(String name) {
        List<TokenComparator.Token> query = tokenizer.apply(name);
        if (query.isEmpty() || singles.isEmpty()) {
            return false;
        }
        double[] weights = scorer.weights(query);
        boolean[] paired = new boolean[query.size()];
        double matched = 0;
        for (int q = 0; q < query.size(); q++) {
            if (resemblesListToken(query.get(q))) {
                paired[q] = true;
                matched += weights[q];
            }
        }
        for (int q = 0; q + 1 < query.size() && matched < minimumWeight; q++) {
            if ((!paired[q] || !paired[q + 1]) && joinsToListToken(query.get(q), query.get(q + 1))) {
                for (int k = q; k <= q + 1; k++) {
                    matched += paired[k] ? 0 : weights[k];
                    paired[k] = true;
                }
            }
        }
        return matched > 0 && matched >= minimumWeight;
    }

    /** Pairs with some list token, alone or as a list name's two adjacent tokens written together. */
    private boolean resemblesListToken(TokenComparator.Token token) {
        String key = key(token);
        Boolean known = decided.get(key);
        if (known != null) {
            return known;
        }
        boolean resembles = comparesWithSingle(token) || joinsListPair(token);
        if (decided.size() < MEMORY) {
            decided.put(key, resembles);
        }
        return resembles;
    }

    private boolean comparesWithSingle(TokenComparator.Token token) {
        if (token.initial() && fullTokenInitials.contains(token.text().charAt(0))) {
            return true;
        }
        for (String key : lookups(token)) {
            for (TokenComparator.Token single : singlesByKey.getOrDefault(key, List.of())) {
                if (comparator.compare(token, single).score() > 0) {
                    return true;
                }
            }
        }
        return singleSpellings.any(token.folded(), token.letters(), comparator.spellingMinimum(),
                single -> comparator.compare(token, single).score() > 0);
    }

    /** The token written as two adjacent tokens of a list name ("alqaeda" for "al qaeda"). */
    private boolean joinsListPair(TokenComparator.Token token) {
        for (String key : joinKeys(token)) {
            for (Pair pair : pairsByKey.getOrDefault(key, List.of())) {
                if (comparator.joinedEqual(token, pair.first(), pair.second())) {
                    return true;
                }
            }
        }
        return token.folded().length() >= 8 && pairSpellings.any(token.folded(), token.letters(),
                TokenComparator.joinedMinimum(), pair -> comparator.joinedEqual(token, pair.first(), pair.second()));
    }

    /** Two adjacent query tokens written apart that a list token writes together ("al qaeda" for "alqaeda"). */
    private boolean joinsToListToken(TokenComparator.Token first, TokenComparator.Token second) {
        for (String key : joinedLookups(first, second)) {
            for (TokenComparator.Token single : singlesByKey.getOrDefault(key, List.of())) {
                if (comparator.joinedEqual(single, first, second)) {
                    return true;
                }
            }
        }
        String joined = first.folded() + second.folded();
        return singleSpellings.any(joined, JaroWinklerBound.letters(joined), TokenComparator.joinedMinimum(),
                single -> single.folded().length() >= 8 && comparator.joinedEqual(single, first, second));
    }

    /**
     * Keys under which list tokens are filed: folded form, phonetic codes, given-name groups, and — filed by script,
     * since {@link TokenComparator} compares them only across scripts — consonant skeleton and Korean key; initials
     * by their letter.
     */
    private static List<String> keys(TokenComparator.Token token) {
        List<String> keys = new ArrayList<>();
        keys.add("f:" + token.folded());
        addIfPresent(keys, "p:", token.phonetic());
        addIfPresent(keys, "p:", token.phoneticAlternate());
        addIfPresent(keys, token.script() == NameScript.ABJAD ? "sa:" : "sl:", token.skeleton());
        addIfPresent(keys, token.script() == NameScript.HANGUL ? "ka:" : "kl:", token.korean());
        if (token.initial()) {
            keys.add("i:" + token.text());
        }
        for (int group : token.givenNameGroups()) {
            keys.add("g:" + group);
        }
        return keys;
    }

    /** Keys a query token looks list tokens up by: as {@link #keys}, script keys of the other scripts. */
    private static List<String> lookups(TokenComparator.Token token) {
        List<String> keys = new ArrayList<>();
        keys.add("f:" + token.folded());
        addIfPresent(keys, "p:", token.phonetic());
        addIfPresent(keys, "p:", token.phoneticAlternate());
        addIfPresent(keys, token.script() == NameScript.ABJAD ? "sl:" : "sa:", token.skeleton());
        addIfPresent(keys, token.script() == NameScript.HANGUL ? "kl:" : "ka:", token.korean());
        if (!token.initial()) {
            keys.add("i:" + token.text().charAt(0));
        }
        for (int group : token.givenNameGroups()) {
            keys.add("g:" + group);
        }
        return keys;
    }

    /** Keys a single token is looked up by among joined pairs: its folded form, skeleton and Korean key. */
    private static List<String> joinKeys(TokenComparator.Token token) {
        return List.of("f:" + token.folded(), "s:" + token.skeleton(), "k:" + token.korean());
    }

    /** Keys of two adjacent tokens written together, as {@link TokenComparator#joinedEqual} compares them. */
    private List<String> joinedKeys(TokenComparator.Token first, TokenComparator.Token second) {
        String text = first.text() + second.text();
        return List.of("f:" + first.folded() + second.folded(), "f:" + comparator.fold(text),
                "s:" + ScriptKeys.skeleton(text), "k:" + ScriptKeys.korean(text));
    }

    /** {@link #joinedKeys} as list tokens are filed by {@link #keys}. */
    private List<String> joinedLookups(TokenComparator.Token first, TokenComparator.Token second) {
        String text = first.text() + second.text();
        String skeleton = ScriptKeys.skeleton(text);
        String korean = ScriptKeys.korean(text);
        return List.of("f:" + first.folded() + second.folded(), "f:" + comparator.fold(text), "sa:" + skeleton,
                "sl:" + skeleton, "ka:" + korean, "kl:" + korean);
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

        Spellings(List<T> unsorted, Function<T, String> text, java.util.function.ToLongFunction<T> lettersOf) {
            items = unsorted.stream().sorted(java.util.Comparator.comparingInt(item -> text.apply(item).length())).toList();
            lengths = items.stream().mapToInt(item -> text.apply(item).length()).toArray();
            letters = items.stream().mapToLong(lettersOf).toArray();
            heads = items.stream().mapToLong(item -> JaroWinklerBound.head(text.apply(item))).toArray();
        }

        /** True when {@code test} holds for one of the items whose bound with {@code text} reaches {@code minimum}. */
        boolean any(String text, long lettersOfText, double minimum, java.util.function.Predicate<T> test) {
            int length = text.length();
            if (length == 0) {
                return false;
            }
            double ratio = 1 - 5 * (1 - minimum) - 1e-9;
            int shortest = ratio <= 0 ? 0 : (int) Math.ceil(length * ratio);
            int longest = ratio <= 0 ? Integer.MAX_VALUE : (int) Math.floor(length / ratio);
            long head = JaroWinklerBound.head(text);
            double floor = minimum - 1e-9;
            for (int i = firstOfLength(shortest); i < lengths.length && lengths[i] <= longest; i++) {
                int prefix = JaroWinklerBound.commonPrefix(length, head, lengths[i], heads[i]);
                if (JaroWinklerBound.upper(length, lettersOfText, prefix, lengths[i], letters[i]) >= floor
                        && test.test(items.get(i))) {
                    return true;
                }
            }
            return false;
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

    private static String key(TokenComparator.Token token) {
        return token.script().ordinal() + ":" + token.text();
    }
}
