package org.clearance.parties.matching;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
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
 * Screens a party name against loaded list entries: normalise and transliterate, fetch candidates from an
 * in-memory Lucene index, score each candidate name order-independently with rarity-weighted token
 * similarity, and return the best name per entry above the threshold with an explanation.
 * <p>
 * Thread-safe: {@link #index(Collection)} builds a new immutable index and swaps it in, so screening can
 * continue on the previous lists while a new list version loads.
 */
public final class PartyMatcher {

    private final MatchSettings settings;
    private final NameNormalizer normalizer = new NameNormalizer();
    private final RomanizationFolder folder = new RomanizationFolder();
    private final GivenNames givenNames = new GivenNames(normalizer, folder);
    private final OrganisationWords organisationWords = new OrganisationWords(normalizer, folder);
    private final InnerAcronyms innerAcronyms = new InnerAcronyms(folder);
    private final TokenComparator comparator;
    private final Set<String> genericFolded;

    /** Added to the score when the party's country is among the entry's countries — explained in the notes. */
    static final double COUNTRY_AGREES_LIFT = 0.02;
    /** A one-word query shorter than this must match exactly or by transliteration ("Olga" is not "Oleg"). */
    private static final int SHORT_SINGLE_TOKEN = 5;
    private static final double SHORT_SINGLE_TOKEN_THRESHOLD = 0.95;
    static final String HAN_NOTE = "Han characters were romanised as Mandarin pinyin; Cantonese, Japanese or Korean "
            + "readings of the same characters are spelt differently, so a miss here is not reliable";
    private volatile Loaded loaded;

    /**
     * One indexed name: whose it is, the text, what kind, its tokens, and the entry's countries (entry and address
     * countries, upper case) — built once per entry: building them per candidate was an eighth of a query.
     */
    private record IndexedName(ListEntry entry, String text, NameKind kind, List<TokenComparator.Token> tokens,
                               Set<String> countries, Acronyms acronyms) {
    }

    /** An indexed name with its token weights, computed once per index build instead of per comparison. */
    private record Weighted(IndexedName name, double[] weights) {
    }

    private record Loaded(List<Weighted> names, CandidateIndex index, NameScorer scorer, int entries) {
    }

    public PartyMatcher(MatchSettings settings) {
        this.settings = settings;
        this.comparator = new TokenComparator(settings.jaroWinklerMinimum(), givenNames, folder, organisationWords);
        Set<String> generic = new HashSet<>();
        for (String word : ResourceLines.read("generic-words.txt")) {
            normalizer.rawTokens(word).forEach(t -> generic.add(folder.fold(t)));
        }
        this.genericFolded = Set.copyOf(generic);
        index(List.of());
    }

    public PartyMatcher() {
        this(MatchSettings.defaults());
    }

    public MatchSettings settings() {
        return settings;
    }

    /** Replaces the indexed entries (all lists to screen against) and recomputes token rarity over them. */
    public void index(Collection<ListEntry> entries) {
        List<IndexedName> names = new ArrayList<>();
        Map<String, Integer> documentFrequency = new HashMap<>();
        for (ListEntry entry : entries) {
            Set<String> entryTokens = new HashSet<>();
            Set<String> countries = Set.copyOf(entry.allCountries());
            addName(names, entry, entry.primaryName(), NameKind.PRIMARY, entryTokens, countries);
            for (Alias alias : entry.aliases()) {
                if (!alias.weak() || settings.includeWeakAliases()) {
                    addName(names, entry, alias.name(), alias.weak() ? NameKind.WEAK_ALIAS : NameKind.ALIAS,
                            entryTokens, countries);
                }
            }
            entryTokens.forEach(t -> documentFrequency.merge(t, 1, Integer::sum));
        }
        TokenWeights weights = new TokenWeights(documentFrequency, entries.size(), genericFolded,
                settings.genericWordWeight());
        CandidateIndex index = new CandidateIndex(names.stream().map(IndexedName::tokens).toList(),
                names.stream().map(IndexedName::acronyms).toList(), givenNames, comparator);
        NameScorer scorer = new NameScorer(comparator, weights, settings.minInformativeWeight());
        loaded = new Loaded(names.stream().map(n -> new Weighted(n, scorer.weights(n.tokens()))).toList(), index,
                scorer, entries.size());
    }

    public int indexedEntries() {
        return loaded.entries();
    }

    /**
     * Entries whose name resembles {@code name}, best first, at most {@code limit}, each scoring at least the
     * threshold.
     *
     * @param country ISO 3166-1 alpha-2 of the screened party, or {@code null} if unknown
     */
    public List<Match> match(String name, String country, int limit) {
        Loaded current = loaded;
        List<TokenComparator.Token> query = tokens(name);
        if (query.isEmpty() || current.names().isEmpty() || limit < 1) {
            return List.of();
        }
        Map<ListEntry, Match> best = new LinkedHashMap<>();
        double[] queryWeights = current.scorer().weights(query);
        // A query that repeats words as their acronym is scored both ways: list names have one or the other.
        List<TokenComparator.Token> shortened = innerAcronyms.drop(query);
        double[] shortenedWeights = shortened == query ? queryWeights : current.scorer().weights(shortened);
        Acronyms queryAcronyms = Acronyms.of(query, false, folder::fold);
        double threshold = query.size() == 1 && query.get(0).folded().length() < SHORT_SINGLE_TOKEN
                && (query.get(0).script() == NameScript.LATIN || query.get(0).script() == NameScript.OTHER)
                ? Math.max(settings.threshold(), SHORT_SINGLE_TOKEN_THRESHOLD) : settings.threshold();
        boolean han = query.stream().anyMatch(t -> t.script() == NameScript.HAN);
        String queryCountry = country == null || country.isBlank() ? null : country.strip().toUpperCase(Locale.ROOT);
        for (int id : current.index().candidates(query, queryAcronyms, settings.candidateLimit())) {
            Weighted weighted = current.names().get(id);
            IndexedName candidate = weighted.name();
            double raw = current.scorer().score(query, queryWeights, candidate.tokens(), weighted.weights());
            boolean shorter = false;
            if (shortened != query) {
                double other = current.scorer().score(shortened, shortenedWeights, candidate.tokens(), weighted.weights());
                shorter = other > raw;
                raw = Math.max(raw, other);
            }
            double byAcronym = queryAcronyms.score(candidate.acronyms());
            boolean acronym = byAcronym > raw;
            raw = Math.max(raw, byAcronym);
            CountryAgreement agreement = agreement(queryCountry, candidate.countries());
            double adjustment = switch (agreement) {
                case AGREES -> COUNTRY_AGREES_LIFT;
                case DIFFERS -> -settings.countryDiffersPenalty();
                case UNKNOWN -> 0;
            };
            // Rounded before the threshold test, as it is shown: two of three equally rare words give 4/5, which
            // floating point may compute as 0.7999…; a score reported as 0.800 must pass a 0.80 threshold.
            double score = round(Math.min(1.0, raw + adjustment));
            // The higher bar for one short word is against near spellings (Olga / Oleg); an acronym is exact.
            if (score < (acronym ? settings.threshold() : threshold)) {
                continue;
            }
            List<TokenMatch> explanation = acronym ? acronymExplanation(query, candidate, byAcronym)
                    : shorter ? current.scorer().explain(shortened, shortenedWeights, candidate.tokens(),
                    weighted.weights()).explanation()
                    : current.scorer().explain(query, queryWeights, candidate.tokens(), weighted.weights()).explanation();
            List<String> notes = new ArrayList<>();
            if (adjustment != 0 && raw < 1.0) {
                notes.add(String.format(Locale.ROOT, "country %s: score %s%.2f", agreement == CountryAgreement.AGREES
                        ? "agrees" : "differs", adjustment > 0 ? "+" : "", adjustment));
            }
            if (han || candidate.tokens().stream().anyMatch(t -> t.script() == NameScript.HAN)) {
                notes.add(HAN_NOTE);
            }
            Match match = new Match(candidate.entry(), score, candidate.text(), candidate.kind(),
                    explanation, agreement, notes);
            best.merge(candidate.entry(), match, (a, b) -> b.score() > a.score() ? b : a);
        }
        return best.values().stream()
                .sorted(Comparator.comparingDouble(Match::score).reversed()
                        .thenComparing(m -> m.entry().key()))
                .limit(limit)
                .toList();
    }

    /**
     * A test that is false only for names {@link #match} finds nothing for, in any country, on the entries indexed
     * now: much cheaper than matching, for screening many names against few entries (see {@link MatchGate}). Thread-safe;
     * it remembers the tokens it has decided, so use one per batch of names.
     */
    public java.util.function.Predicate<String> gate() {
        Loaded current = loaded;
        MatchGate gate = new MatchGate(current.names().stream().map(w -> w.name().tokens()).toList(),
                current.names().stream().map(Weighted::weights).toList(),
                current.names().stream().map(w -> w.name().acronyms()).toList(), comparator, current.scorer(),
                this::tokens, innerAcronyms::drop, settings);
        return gate::mayMatch;
    }

    /**
     * The entries the candidate stage fetches for {@code name} before exact scoring (at most
     * {@code candidateLimit} names): what the evaluation measures as candidate-stage recall.
     */
    public List<ListEntry> candidates(String name) {
        Loaded current = loaded;
        List<TokenComparator.Token> query = tokens(name);
        if (query.isEmpty() || current.names().isEmpty()) {
            return List.of();
        }
        return current.index().candidates(query, Acronyms.of(query, false, folder::fold), settings.candidateLimit()).stream()
                .map(id -> current.names().get(id).name().entry()).distinct().toList();
    }

    /** The tokens a name is compared by — exposed for explanations and tests. */
    public List<String> normalise(String name) {
        return normalizer.tokens(name);
    }

    private void addName(List<IndexedName> names, ListEntry entry, String text, NameKind kind, Set<String> entryTokens,
                         Set<String> countries) {
        List<TokenComparator.Token> tokens = tokens(text);
        if (!tokens.isEmpty()) {
            names.add(new IndexedName(entry, text, kind, tokens, countries,
                    Acronyms.of(tokens, entry.type() == EntityType.PERSON, folder::fold)));
            tokens.forEach(t -> entryTokens.add(t.folded()));
        }
    }

    private List<TokenComparator.Token> tokens(String name) {
        List<NameNormalizer.ScriptToken> scriptTokens = normalizer.scriptTokens(name);
        List<TokenComparator.Token> tokens = new ArrayList<>(scriptTokens.size());
        boolean organisation = false;
        for (NameNormalizer.ScriptToken token : scriptTokens) {
            TokenComparator.Token t = comparator.token(token.text(), token.script());
            organisation |= t.meanings().length > 0;
            tokens.add(t);
        }
        if (organisation) {
            return withPlaces(tokens);
        }
        boolean latin = tokens.stream().allMatch(t -> t.script() == NameScript.LATIN);
        return latin && KoreanNames.isKoreanName(tokens.stream().map(TokenComparator.Token::text).toList())
                ? koreanName(tokens) : tokens;
    }

    /** The tokens of a Korean name in Latin letters, marked so, to be compared by Korean key ({@link KoreanNames}). */
    private List<TokenComparator.Token> koreanName(List<TokenComparator.Token> tokens) {
        List<TokenComparator.Token> marked = new ArrayList<>(tokens.size());
        for (TokenComparator.Token token : tokens) {
            marked.add(comparator.token(token.text(), token.script(), true));
        }
        return marked;
    }

    /** An organisation's name with its place adjectives as the places they are made from ({@link PlaceAdjectives}). */
    private List<TokenComparator.Token> withPlaces(List<TokenComparator.Token> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            TokenComparator.Token token = tokens.get(i);
            String place = token.meanings().length > 0 || genericFolded.contains(token.folded()) ? null
                    : PlaceAdjectives.place(token.text());
            if (place != null) {
                tokens.set(i, comparator.token(place, token.script()));
            }
        }
        return tokens;
    }

    /**
     * One line saying which side is the acronym of which: "etim ~ eastern turkistan islamic movement (acronym)", or the
     * list's acronym against the query's words.
     */
    private static List<TokenMatch> acronymExplanation(List<TokenComparator.Token> query, IndexedName candidate,
                                                       double score) {
        String queryText = String.join(" ", query.stream().map(TokenComparator.Token::text).toList());
        String entryText = String.join(" ", candidate.tokens().stream().map(TokenComparator.Token::text).toList());
        return List.of(new TokenMatch(queryText, entryText, MatchMethod.ACRONYM, score, 1.0));
    }

    /** @param country the query country, stripped and upper case, or null */
    private static CountryAgreement agreement(String country, Set<String> countries) {
        if (country == null || countries.isEmpty()) {
            return CountryAgreement.UNKNOWN;
        }
        return countries.contains(country) ? CountryAgreement.AGREES : CountryAgreement.DIFFERS;
    }

    private static double round(double score) {
        return Math.round(score * 1000) / 1000.0;
    }
}
