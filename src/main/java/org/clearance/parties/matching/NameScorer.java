package org.clearance.parties.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Scores a query name against one list name, independent of word order: every query/list token pair is
 * compared, the best pairs are taken greedily (each token used once), then tokens left over are tried against two
 * adjacent tokens of the other side written apart ("ALQAEDA" / "AL QAEDA"). Three readings of the pairs, the
 * highest wins:
 * <ul>
 *   <li>the weighted share of both names that matched,
 *   {@code Σ similarity·(w_query + w_entry) / (Σ w_query + Σ w_entry)} with rarity weights — unmatched rare
 *   tokens on either side pull it down, unmatched common words barely do;</li>
 *   <li>the query is part of the list name: every query token matched strongly (at least two full tokens, or a
 *   full token and an initial), so the list's extra middle names, patronymic or second surname cost little —
 *   {@code quality × (0.82 + 0.13 × share of the list name matched)};</li>
 *   <li>the reverse, within limits: every token of the list name matched and the query has at most two more
 *   tokens — {@code quality × (0.80 + 0.13 × share of the query matched)}.</li>
 * </ul>
 * Both partial readings are capped at {@value #PARTIAL_NAME_CAP}: found for review, never strong enough to block.
 * Initials weigh little ({@value #INITIAL_WEIGHT}) and the list token an initial stands for counts half. Tokens
 * paired as translations ({@link OrganisationWords}) count in the readings but not as evidence of identity: when a
 * name is compared across languages, the query weight matched by words outside the glossary must reach
 * {@code minInformativeWeight}, or the score is scaled down.
 * Token weights come in precomputed (list names' at index time, the query's once per query), and
 * {@link #score} builds no explanation: {@link #explain} does, for the few candidates above the threshold.
 */
final class NameScorer {

    static final double INITIAL_WEIGHT = 0.1;
    /**
     * Ceiling of the two partial readings: with the country lift (0.02) a partial name stays below the default
     * strong score (0.90), so a name that matches only part of a listed name goes to review and never blocks alone.
     */
    static final double PARTIAL_NAME_CAP = 0.87;
    private static final double STRONG = 0.85;

    private final TokenComparator comparator;
    private final TokenWeights weights;
    private final double minInformativeWeight;

    NameScorer(TokenComparator comparator, TokenWeights weights, double minInformativeWeight) {
        this.comparator = comparator;
        this.weights = weights;
        this.minInformativeWeight = minInformativeWeight;
    }

    record Scored(double score, List<TokenMatch> explanation) {
    }

    /** Rarity weight of each token; initials weigh little. */
    double[] weights(List<TokenComparator.Token> tokens) {
        double[] result = new double[tokens.size()];
        for (int i = 0; i < result.length; i++) {
            TokenComparator.Token token = tokens.get(i);
            result[i] = token.initial() ? INITIAL_WEIGHT : weights.weight(token.folded());
        }
        return result;
    }

    /** The pairing of one query with one list name. */
    private static final class Pairing {
        final TokenComparator.Similarity[] similarities;
        final int[] pairedEntry;
        /** For a query token matched against adjacent list tokens (joined, acronym), the last of them; else -1. */
        final int[] lastEntry;
        final boolean[] entryUsed;
        double score;

        Pairing(int n, int m) {
            similarities = new TokenComparator.Similarity[n * m];
            pairedEntry = new int[n];
            lastEntry = new int[n];
            entryUsed = new boolean[m];
        }
    }

    /** Score and explanation (one line per query token, then each unmatched list token). */
    Scored explain(List<TokenComparator.Token> query, double[] queryWeight, List<TokenComparator.Token> entry,
                   double[] entryWeight) {
        if (query.isEmpty() || entry.isEmpty()) {
            return new Scored(0, List.of());
        }
        Pairing p = pair(query, queryWeight, entry, entryWeight);
        int m = entry.size();
        List<TokenMatch> explanation = new ArrayList<>();
        for (int q = 0; q < query.size(); q++) {
            int e = p.pairedEntry[q];
            if (e >= 0) {
                TokenComparator.Similarity s = p.similarities[q * m + e];
                StringBuilder entryText = new StringBuilder(entry.get(e).text());
                for (int next = e + 1; next <= p.lastEntry[q]; next++) {
                    entryText.append(' ').append(entry.get(next).text());
                }
                explanation.add(new TokenMatch(query.get(q).text(), entryText.toString(), s.how(), s.score(),
                        queryWeight[q]));
            } else {
                explanation.add(new TokenMatch(query.get(q).text(), null, MatchMethod.NONE, 0, queryWeight[q]));
            }
        }
        for (int e = 0; e < m; e++) {
            if (!p.entryUsed[e]) {
                explanation.add(new TokenMatch(null, entry.get(e).text(), MatchMethod.NONE, 0, entryWeight[e]));
            }
        }
        return new Scored(p.score, explanation);
    }

    /** The score alone, without allocating an explanation. */
    double score(List<TokenComparator.Token> query, double[] queryWeight, List<TokenComparator.Token> entry,
                 double[] entryWeight) {
        if (query.isEmpty() || entry.isEmpty()) {
            return 0;
        }
        return pair(query, queryWeight, entry, entryWeight).score;
    }

    private Pairing pair(List<TokenComparator.Token> query, double[] queryWeight, List<TokenComparator.Token> entry,
                         double[] entryWeight) {
        int n = query.size();
        int m = entry.size();
        Pairing p = new Pairing(n, m);
        greedy(query, entry, p);
        joined(query, entry, p);
        acronyms(query, entry, p);
        p.score = combine(query, queryWeight, entry, entryWeight, p);
        return p;
    }

    /**
     * Greedy pairing: repeatedly the unused pair with the highest similarity, ties to the pair closest in
     * position (so repeated tokens pair up in order), then the first in query/entry order.
     */
    private void greedy(List<TokenComparator.Token> query, List<TokenComparator.Token> entry, Pairing p) {
        int n = query.size();
        int m = entry.size();
        int candidates = 0;
        for (int q = 0; q < n; q++) {
            p.pairedEntry[q] = -1;
            p.lastEntry[q] = -1;
            for (int e = 0; e < m; e++) {
                TokenComparator.Similarity similarity = comparator.compare(query.get(q), entry.get(e));
                if (similarity.score() > 0) {
                    p.similarities[q * m + e] = similarity;
                    candidates++;
                }
            }
        }
        while (candidates > 0) {
            int bestQ = -1;
            int bestE = -1;
            double best = 0;
            int bestDistance = Integer.MAX_VALUE;
            for (int q = 0; q < n; q++) {
                if (p.pairedEntry[q] >= 0) {
                    continue;
                }
                for (int e = 0; e < m; e++) {
                    TokenComparator.Similarity similarity = p.similarities[q * m + e];
                    if (similarity == null || p.entryUsed[e]) {
                        continue;
                    }
                    double s = similarity.score();
                    int distance = Math.abs(q - e);
                    if (s > best || (s == best && distance < bestDistance)) {
                        best = s;
                        bestDistance = distance;
                        bestQ = q;
                        bestE = e;
                    }
                }
            }
            if (bestQ < 0) {
                break;
            }
            p.pairedEntry[bestQ] = bestE;
            p.entryUsed[bestE] = true;
            candidates--;
        }
    }

    /**
     * Tokens left over, or paired only by spelling similarity, against two adjacent tokens of the other side
     * joined ("gazpromneft" / "gazprom neft": the spelling pairing with "gazprom" gives way to the joined one).
     */
    private void joined(List<TokenComparator.Token> query, List<TokenComparator.Token> entry, Pairing p) {
        int n = query.size();
        int m = entry.size();
        for (int q = 0; q < n; q++) {
            int own = p.pairedEntry[q];
            if (own >= 0 && p.similarities[q * m + own].score() >= TokenComparator.TRANSLITERATION_SCORE) {
                continue;
            }
            for (int e = 0; e + 1 < m; e++) {
                TokenComparator.Similarity joined;
                if ((!p.entryUsed[e] || own == e) && (!p.entryUsed[e + 1] || own == e + 1)
                        && (joined = comparator.joined(query.get(q), entry.get(e), entry.get(e + 1))).score() > 0
                        && (own < 0 || joined.score() > p.similarities[q * m + own].score())) {
                    if (own >= 0) {
                        p.entryUsed[own] = false;
                    }
                    p.pairedEntry[q] = e;
                    p.lastEntry[q] = e + 1;
                    p.entryUsed[e] = true;
                    p.entryUsed[e + 1] = true;
                    p.similarities[q * m + e] = joined;
                    break;
                }
            }
        }
        for (int e = 0; e < m; e++) {
            if (p.entryUsed[e]) {
                continue;
            }
            for (int q = 0; q + 1 < n; q++) {
                TokenComparator.Similarity joined;
                if (weak(p, q, m) && weak(p, q + 1, m)
                        && (joined = comparator.joined(entry.get(e), query.get(q), query.get(q + 1))).score() > 0) {
                    for (int k = q; k <= q + 1; k++) {
                        if (p.pairedEntry[k] >= 0) {
                            p.entryUsed[p.pairedEntry[k]] = false;
                        }
                    }
                    p.pairedEntry[q] = e;
                    p.pairedEntry[q + 1] = e;
                    p.entryUsed[e] = true;
                    p.similarities[q * m + e] = joined;
                    p.similarities[(q + 1) * m + e] = joined;
                    break;
                }
            }
        }
    }

    /**
     * Tokens still unpaired against three or more adjacent unpaired tokens of the other side whose initials they spell
     * ("hjk" / "haji juma khan", "npp" / "nauchno proizvodstvennoye predpriyatiye"), either way round. Only within
     * names of more words: a one-word name that is the acronym of the whole other name is {@link Acronyms}' case, with
     * its own scores. An acronym must come with more of the name, another word or another acronym matching ("HJK
     * Organization", "ФГБУ «ВНИИОФИ»" / "FGBU VNIIOFI"): an ordinary word of a list name ("ART Logistics") spells the
     * initials of many unrelated names ("Alderwood Rivermead Tiles").
     */
    private void acronyms(List<TokenComparator.Token> query, List<TokenComparator.Token> entry, Pairing p) {
        int n = query.size();
        int m = entry.size();
        if (n + m < Acronyms.MIN_LETTERS + 1) {
            return;
        }
        if (Arrays.stream(p.pairedEntry).anyMatch(e -> e >= 0)) {
            pairAcronyms(query, entry, p);
            return;
        }
        int[] pairedEntry = p.pairedEntry.clone();
        int[] lastEntry = p.lastEntry.clone();
        boolean[] entryUsed = p.entryUsed.clone();
        if (pairAcronyms(query, entry, p) < 2) {
            System.arraycopy(pairedEntry, 0, p.pairedEntry, 0, n);
            System.arraycopy(lastEntry, 0, p.lastEntry, 0, n);
            System.arraycopy(entryUsed, 0, p.entryUsed, 0, m);
        }
    }

    /** Pairs the acronyms as {@link #acronyms} describes; returns how many it paired. */
    private int pairAcronyms(List<TokenComparator.Token> query, List<TokenComparator.Token> entry, Pairing p) {
        int n = query.size();
        int m = entry.size();
        int paired = 0;
        for (int q = 0; q < n; q++) {
            if (n > 1 && p.pairedEntry[q] < 0 && Acronyms.shaped(query.get(q))) {
                int[] run = Acronyms.run(query.get(q), entry, p.entryUsed, comparator::fold);
                if (run != null) {
                    p.pairedEntry[q] = run[0];
                    p.lastEntry[q] = run[1];
                    for (int e = run[0]; e <= run[1]; e++) {
                        p.entryUsed[e] = true;
                    }
                    p.similarities[q * m + run[0]] = TokenComparator.Similarity.ACRONYM;
                    paired++;
                }
            }
        }
        boolean[] queryUsed = new boolean[n];
        for (int e = 0; e < m; e++) {
            if (m == 1 || p.entryUsed[e] || !Acronyms.shaped(entry.get(e))) {
                continue;
            }
            for (int q = 0; q < n; q++) {
                queryUsed[q] = p.pairedEntry[q] >= 0;
            }
            int[] run = Acronyms.run(entry.get(e), query, queryUsed, comparator::fold);
            if (run != null) {
                for (int q = run[0]; q <= run[1]; q++) {
                    p.pairedEntry[q] = e;
                    p.similarities[q * m + e] = TokenComparator.Similarity.ACRONYM;
                }
                p.entryUsed[e] = true;
                paired++;
            }
        }
        return paired;
    }

    /** Unpaired, or paired only by a similarity below transliteration (spelling, initial). */
    private static boolean weak(Pairing p, int q, int m) {
        int e = p.pairedEntry[q];
        return e < 0 || (p.lastEntry[q] < 0 && p.similarities[q * m + e].score() < TokenComparator.TRANSLITERATION_SCORE);
    }

    private double combine(List<TokenComparator.Token> query, double[] queryWeight, List<TokenComparator.Token> entry,
                           double[] entryWeight, Pairing p) {
        int n = query.size();
        int m = entry.size();
        double matchedQuery = 0;
        boolean translated = false;
        double vocabularyQuery = 0;
        double matchedEntry = 0;
        double fullQueryWeight = 0;
        double fullQueryMatched = 0;
        int fullQueryMatches = 0;
        int initialMatches = 0;
        boolean queryAllStrong = true;
        int unmatchedQuery = 0;
        boolean[] entryCounted = new boolean[m];
        double[] entrySimilarity = new double[m];
        for (int q = 0; q < n; q++) {
            int e = p.pairedEntry[q];
            boolean initial = query.get(q).initial();
            if (!initial) {
                fullQueryWeight += queryWeight[q];
            }
            if (e < 0) {
                unmatchedQuery++;
                queryAllStrong = false;
                continue;
            }
            TokenComparator.Similarity s = p.similarities[q * m + e];
            double sim = s.score();
            matchedQuery += sim * queryWeight[q];
            translated |= s.how() == MatchMethod.TRANSLATION;
            if (s.how() == MatchMethod.TRANSLATION
                    || (query.get(q).meanings().length > 0 && entry.get(e).meanings().length > 0)) {
                vocabularyQuery += sim * queryWeight[q];
            }
            boolean viaInitial = s.how() == MatchMethod.INITIAL;
            if (viaInitial) {
                initialMatches++;
            } else {
                fullQueryMatched += sim * queryWeight[q];
                fullQueryMatches++;
                queryAllStrong &= sim >= STRONG;
            }
            // The list token an initial stands for counts half: "V." is weaker evidence than "Vladimir".
            double credit = viaInitial && !entry.get(e).initial() ? sim * 0.5 : sim;
            entrySimilarity[e] = Math.max(entrySimilarity[e], credit);
            for (int next = e + 1; next <= p.lastEntry[q]; next++) {
                entrySimilarity[next] = Math.max(entrySimilarity[next], credit);
            }
        }
        double totalEntry = 0;
        boolean entryAllStrong = true;
        int fullEntryMatches = 0;
        for (int e = 0; e < m; e++) {
            totalEntry += entryWeight[e];
            matchedEntry += entrySimilarity[e] * entryWeight[e];
            if (entrySimilarity[e] >= STRONG) {
                fullEntryMatches++;
            } else {
                entryAllStrong = false;
            }
            entryCounted[e] = entrySimilarity[e] > 0;
        }
        double totalQuery = sum(queryWeight);
        double total = totalQuery + totalEntry;
        double score = total == 0 ? 0 : (matchedQuery + matchedEntry) / total;
        double entryShare = totalEntry == 0 ? 0 : matchedEntry / totalEntry;
        double queryShare = totalQuery == 0 ? 0 : matchedQuery / totalQuery;
        if (queryAllStrong && (fullQueryMatches >= 2 || (fullQueryMatches == 1 && initialMatches >= 1))
                && fullQueryWeight > 0) {
            double quality = fullQueryMatched / fullQueryWeight;
            score = Math.max(score, Math.min(PARTIAL_NAME_CAP, quality * (0.82 + 0.13 * entryShare)));
        }
        if (entryAllStrong && fullEntryMatches >= 2 && unmatchedQuery <= 2 && totalEntry > 0) {
            score = Math.max(score, Math.min(PARTIAL_NAME_CAP, (matchedEntry / totalEntry) * (0.80 + 0.13 * queryShare)));
        }
        // Matching only common words ("international", "trading") is not evidence of identity. Across languages
        // (some words paired as translations) neither are the glossary's words, translated or spelt alike
        // ("центральное" / "central"): they say what kind of body a name designates, not which one
        // ("Центральное Конструкторское Бюро" is not "Central Design Bureau" of some other place).
        double evidence = translated ? matchedQuery - vocabularyQuery : matchedQuery;
        if (evidence < minInformativeWeight) {
            score *= evidence / minInformativeWeight;
        }
        return Math.min(1.0, score);
    }

    private static double sum(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum;
    }
}
