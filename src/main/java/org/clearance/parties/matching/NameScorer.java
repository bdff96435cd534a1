package org.clearance.parties.matching;

import java.util.ArrayList;
import java.util.List;

/**
 * Scores a query name against one list name, independent of word order: every query/list token pair is
 * compared, the best pairs are taken greedily (each token used once), and the score is the weighted share of
 * both names that was matched —
 * {@code Σ similarity·(w_query + w_entry) / (Σ w_query + Σ w_entry)} with rarity weights. Unmatched rare
 * tokens on either side therefore pull the score down; unmatched common words barely do.
 * <p>
 * Token weights come in precomputed (list names' at index time, the query's once per query), and
 * {@link #score} builds no explanation: {@link #explain} does, for the few candidates above the threshold.
 */
final class NameScorer {

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

    /** Rarity weight of each token. */
    double[] weights(List<TokenComparator.Token> tokens) {
        double[] result = new double[tokens.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = weights.weight(tokens.get(i).folded());
        }
        return result;
    }

    /** Score and explanation (one line per query token, then each unmatched list token). */
    Scored explain(List<TokenComparator.Token> query, double[] queryWeight, List<TokenComparator.Token> entry,
                   double[] entryWeight) {
        if (query.isEmpty() || entry.isEmpty()) {
            return new Scored(0, List.of());
        }
        TokenComparator.Similarity[] similarities = new TokenComparator.Similarity[query.size() * entry.size()];
        int[] pairedEntry = new int[query.size()];
        double score = pair(query, queryWeight, entry, entryWeight, similarities, pairedEntry);
        boolean[] entryUsed = new boolean[entry.size()];
        List<TokenMatch> explanation = new ArrayList<>();
        for (int q = 0; q < query.size(); q++) {
            int e = pairedEntry[q];
            if (e >= 0) {
                entryUsed[e] = true;
                TokenComparator.Similarity s = similarities[q * entry.size() + e];
                explanation.add(new TokenMatch(query.get(q).text(), entry.get(e).text(), s.how(), s.score(),
                        queryWeight[q]));
            } else {
                explanation.add(new TokenMatch(query.get(q).text(), null, MatchMethod.NONE, 0, queryWeight[q]));
            }
        }
        for (int e = 0; e < entry.size(); e++) {
            if (!entryUsed[e]) {
                explanation.add(new TokenMatch(null, entry.get(e).text(), MatchMethod.NONE, 0, entryWeight[e]));
            }
        }
        return new Scored(score, explanation);
    }

    /** The score alone, without allocating an explanation. */
    double score(List<TokenComparator.Token> query, double[] queryWeight, List<TokenComparator.Token> entry,
                 double[] entryWeight) {
        if (query.isEmpty() || entry.isEmpty()) {
            return 0;
        }
        return pair(query, queryWeight, entry, entryWeight,
                new TokenComparator.Similarity[query.size() * entry.size()], new int[query.size()]);
    }

    /**
     * Greedy pairing: repeatedly the unused pair with the highest similarity, ties to the pair closest in
     * position (so repeated tokens pair up in order), then the first in query/entry order.
     */
    private double pair(List<TokenComparator.Token> query, double[] queryWeight, List<TokenComparator.Token> entry,
                        double[] entryWeight, TokenComparator.Similarity[] similarities, int[] pairedEntry) {
        int n = query.size();
        int m = entry.size();
        int candidates = 0;
        for (int q = 0; q < n; q++) {
            pairedEntry[q] = -1;
            for (int e = 0; e < m; e++) {
                TokenComparator.Similarity similarity = comparator.compare(query.get(q), entry.get(e));
                if (similarity.score() > 0) {
                    similarities[q * m + e] = similarity;
                    candidates++;
                }
            }
        }
        boolean[] entryUsed = new boolean[m];
        double matched = 0;
        double matchedQueryWeight = 0;
        while (candidates > 0) {
            int bestQ = -1;
            int bestE = -1;
            double best = 0;
            int bestDistance = Integer.MAX_VALUE;
            for (int q = 0; q < n; q++) {
                if (pairedEntry[q] >= 0) {
                    continue;
                }
                for (int e = 0; e < m; e++) {
                    TokenComparator.Similarity similarity = similarities[q * m + e];
                    if (similarity == null || entryUsed[e]) {
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
            pairedEntry[bestQ] = bestE;
            entryUsed[bestE] = true;
            matched += best * (queryWeight[bestQ] + entryWeight[bestE]);
            matchedQueryWeight += best * queryWeight[bestQ];
            candidates--;
        }
        double total = sum(queryWeight) + sum(entryWeight);
        double score = total == 0 ? 0 : matched / total;
        if (matchedQueryWeight < minInformativeWeight) {
            // Matching only common words ("international", "trading") is not evidence of identity.
            score *= matchedQueryWeight / minInformativeWeight;
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
