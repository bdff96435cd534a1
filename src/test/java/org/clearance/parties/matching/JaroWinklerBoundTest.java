package org.clearance.parties.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.junit.jupiter.api.Test;

class JaroWinklerBoundTest {

    private final JaroWinklerSimilarity exact = new JaroWinklerSimilarity();

    @Test
    void shouldNeverBeBelowTheExactSimilarityOfNearSpellings() {
        Random random = new Random(7);
        for (String alphabet : new String[] {"ab", "abc", "abcdef", "abcdefghijklmnopqrstuvwxyz0123456789", "aбc-é"}) {
            for (int i = 0; i < 200_000; i++) {
                String a = randomWord(random, alphabet);
                String b = random.nextBoolean() ? mutate(random, a, alphabet) : randomWord(random, alphabet);
                assertThat(JaroWinklerBound.upper(a, b)).as("%s / %s", a, b).isGreaterThanOrEqualTo(exact.apply(a, b));
            }
        }
    }

    @Test
    void shouldRuleOutWordsThatShareFewLetters() {
        assertThat(JaroWinklerBound.below("quazyx", "badeko", 0.75)).isTrue();
        assertThat(JaroWinklerBound.below("limited", "limtied", 0.93)).isFalse();
        assertThat(JaroWinklerBound.below("rotenberg", "rothenberg", 0.88)).isFalse();
        assertThat(JaroWinklerBound.upper("", "")).isEqualTo(1.0);
        assertThat(JaroWinklerBound.upper("abc", "")).isZero();
    }

    private static String randomWord(Random random, String alphabet) {
        StringBuilder word = new StringBuilder();
        int length = 1 + random.nextInt(12);
        for (int i = 0; i < length; i++) {
            word.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return word.toString();
    }

    /** One to three substitutions, deletions or swaps of neighbours. */
    private static String mutate(Random random, String word, String alphabet) {
        StringBuilder out = new StringBuilder(word);
        for (int k = 1 + random.nextInt(3); k > 0 && out.length() > 1; k--) {
            int at = random.nextInt(out.length());
            switch (random.nextInt(3)) {
                case 0 -> out.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                case 1 -> out.deleteCharAt(at);
                default -> {
                    if (at + 1 < out.length()) {
                        char c = out.charAt(at);
                        out.setCharAt(at, out.charAt(at + 1));
                        out.setCharAt(at + 1, c);
                    }
                }
            }
        }
        return out.toString();
    }
}
