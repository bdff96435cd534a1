package org.clearance.parties.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Scores a query name against one list name, independent of word order: every query/list token pair is
 * compared, the best pairs are taken greedily (each token used once), and the score is the weighted share of
 * both names that was matched —
 * {@code Σ similarity·(w_query + w_entry) / (Σ w_query + Σ w_entry)} with rarity weights. Unmatched rare
 * tokens on either side therefore pull the score down; unmatched common words barely do.
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

    private record Pair(int query, int entry, TokenComparator.Similarity similarity) {
    }

    Scored score(List<TokenComparator.Token> query, List<TokenComparator.Token> entry) {
        if (query.isEmpty() || entry.isEmpty()) {
            return new Scored(0, List.of());
        }
        List<Pair> pairs = new ArrayList<>();
        for (int q = 0; q < query.size(); q++) {
            for (int e = 0; e < entry.size(); e++) {
                TokenComparator.Similarity similarity = comparator.compare(query.get(q), entry.get(e));
                if (similarity.score() > 0) {
                    pairs.add(new Pair(q, e, similarity));
                }
            }
        }
        // Prefer higher similarity, then same position, so repeated tokens pair up in order.
        pairs.sort(Comparator.comparingDouble((Pair p) -> -p.similarity().score())
                .thenComparingInt(p -> Math.abs(p.query() - p.entry())));
        boolean[] queryUsed = new boolean[query.size()];
        boolean[] entryUsed = new boolean[entry.size()];
        double[] queryWeight = query.stream().mapToDouble(t -> weights.weight(t.folded())).toArray();
        double[] entryWeight = entry.stream().mapToDouble(t -> weights.weight(t.folded())).toArray();
        List<TokenMatch> explanation = new ArrayList<>();
        TokenMatch[] byQuery = new TokenMatch[query.size()];
        double matched = 0;
        double matchedQueryWeight = 0;
        for (Pair pair : pairs) {
            if (queryUsed[pair.query()] || entryUsed[pair.entry()]) {
                continue;
            }
            queryUsed[pair.query()] = true;
            entryUsed[pair.entry()] = true;
            double s = pair.similarity().score();
            matched += s * (queryWeight[pair.query()] + entryWeight[pair.entry()]);
            matchedQueryWeight += s * queryWeight[pair.query()];
            byQuery[pair.query()] = new TokenMatch(query.get(pair.query()).text(), entry.get(pair.entry()).text(),
                    pair.similarity().how(), s, queryWeight[pair.query()]);
        }
        for (int q = 0; q < query.size(); q++) {
            explanation.add(byQuery[q] != null ? byQuery[q]
                    : new TokenMatch(query.get(q).text(), null, MatchMethod.NONE, 0, queryWeight[q]));
        }
        for (int e = 0; e < entry.size(); e++) {
            if (!entryUsed[e]) {
                explanation.add(new TokenMatch(null, entry.get(e).text(), MatchMethod.NONE, 0, entryWeight[e]));
            }
        }
        double total = sum(queryWeight) + sum(entryWeight);
        double score = total == 0 ? 0 : matched / total;
        if (matchedQueryWeight < minInformativeWeight) {
            // Matching only common words ("international", "trading") is not evidence of identity.
            score *= matchedQueryWeight / minInformativeWeight;
        }
        return new Scored(Math.min(1.0, score), explanation);
    }

    private static double sum(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum;
    }
}
