package org.clearance.parties.matching;

import java.util.Map;
import java.util.Set;

/**
 * Rarity of folded tokens over the loaded lists: inverse document frequency (documents = entries) scaled to
 * 0..1, so a token found in one entry weighs 1 and "bank" or "trading" little. Words in
 * {@code generic-words.txt} are capped, because a small list understates how common they are in the world.
 */
final class TokenWeights {

    private static final double FLOOR = 0.02;

    private final Map<String, Integer> documentFrequency;
    private final int documents;
    private final Set<String> genericFolded;
    private final double genericCap;

    TokenWeights(Map<String, Integer> documentFrequency, int documents, Set<String> genericFolded, double genericCap) {
        this.documentFrequency = Map.copyOf(documentFrequency);
        this.documents = Math.max(documents, 1);
        this.genericFolded = Set.copyOf(genericFolded);
        this.genericCap = genericCap;
    }

    double weight(String folded) {
        int df = documentFrequency.getOrDefault(folded, 0);
        double max = Math.log(1 + documents / 0.5);
        double weight = Math.log(1 + documents / (df + 0.5)) / max;
        if (genericFolded.contains(folded)) {
            weight = Math.min(weight, genericCap);
        }
        return Math.max(FLOOR, Math.min(1.0, weight));
    }
}
