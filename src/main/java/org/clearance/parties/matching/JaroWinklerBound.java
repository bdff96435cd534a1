package org.clearance.parties.matching;

/**
 * An upper bound of commons-text's Jaro-Winkler similarity that costs a glance at each string, so that the exact
 * computation (most of the time spent matching) is skipped for pairs that cannot reach a threshold. Jaro is
 * {@code (m/|a| + m/|b| + (m − t/2)/m) / 3} for {@code m} matching characters and {@code t} transpositions. Every
 * character of {@code a} that {@code b} lacks stays unmatched, so {@code m ≤ |a| − |letters of a not in b|} (and the
 * same the other way round), with letters taken as 64 buckets (a–z and 0–9 each their own) so that the sets are two
 * {@code long}s; the last term is at most 1. Winkler adds {@code 0.1 · ℓ · (1 − Jaro)} for a common prefix
 * {@code ℓ ≤ 4}, which grows with Jaro, so the bound of Jaro gives the bound of Jaro-Winkler.
 */
final class JaroWinklerBound {

    private static final double PREFIX_SCALE = 0.1;
    private static final int MAX_PREFIX = 4;

    private JaroWinklerBound() {
    }

    /** True when the Jaro-Winkler similarity of {@code a} and {@code b} is certainly below {@code threshold}. */
    static boolean below(String a, String b, double threshold) {
        return below(a, letters(a), b, letters(b), threshold);
    }

    /** As {@link #below(String, String, double)} with the strings' {@link #letters} computed beforehand. */
    static boolean below(String a, long lettersOfA, String b, long lettersOfB, double threshold) {
        // The margin keeps a pair whose bound equals the threshold up to rounding on the exact path.
        return upper(a, lettersOfA, b, lettersOfB) < threshold - 1e-9;
    }

    static double upper(String a, String b) {
        return upper(a, letters(a), b, letters(b));
    }

    private static double upper(String a, long lettersOfA, String b, long lettersOfB) {
        if (a.isEmpty() || b.isEmpty()) {
            return a.equals(b) ? 1.0 : 0.0;
        }
        return upper(a.length(), lettersOfA, commonPrefix(a, b), b.length(), lettersOfB);
    }

    /**
     * The bound from the strings' lengths, {@link #letters} and common prefix (see {@link #head}): for scanning many
     * strings kept as arrays of these.
     */
    static double upper(int lengthOfA, long lettersOfA, int commonPrefix, int lengthOfB, long lettersOfB) {
        double shared = Math.min(lengthOfA - Long.bitCount(lettersOfA & ~lettersOfB),
                lengthOfB - Long.bitCount(lettersOfB & ~lettersOfA));
        if (shared <= 0) {
            return 0.0;
        }
        double jaro = (shared / lengthOfA + shared / lengthOfB + 1.0) / 3.0;
        return Math.min(1.0, jaro + PREFIX_SCALE * commonPrefix * (1.0 - jaro));
    }

    /** The first four characters packed in a {@code long}, first in the highest bits, for {@link #commonPrefix}. */
    static long head(String text) {
        long head = 0;
        for (int i = 0; i < MAX_PREFIX; i++) {
            head = (head << 16) | (i < text.length() ? text.charAt(i) : 0);
        }
        return head;
    }

    /** The common prefix (at most 4) of two strings of these lengths and {@link #head}s. */
    static int commonPrefix(int lengthOfA, long headOfA, int lengthOfB, long headOfB) {
        int limit = Math.min(MAX_PREFIX, Math.min(lengthOfA, lengthOfB));
        return Math.min(limit, Long.numberOfLeadingZeros(headOfA ^ headOfB) / 16);
    }

    /** The set of characters of {@code text}, one bit per bucket: a–z, 0–9, then the rest folded into 28 bits. */
    static long letters(String text) {
        long letters = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int bucket = c >= 'a' && c <= 'z' ? c - 'a' : c >= '0' && c <= '9' ? 26 + c - '0' : 36 + c % 28;
            letters |= 1L << bucket;
        }
        return letters;
    }

    private static int commonPrefix(String a, String b) {
        int limit = Math.min(MAX_PREFIX, Math.min(a.length(), b.length()));
        int prefix = 0;
        while (prefix < limit && a.charAt(prefix) == b.charAt(prefix)) {
            prefix++;
        }
        return prefix;
    }
}
