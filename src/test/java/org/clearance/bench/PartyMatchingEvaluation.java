package org.clearance.bench;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.clearance.lists.ListEntry;
import org.clearance.parties.matching.Match;
import org.clearance.parties.matching.MatchSettings;
import org.clearance.parties.matching.PartyMatcher;
import org.clearance.parties.matching.TokenMatch;

/**
 * Quality and build-cost half of the party matching benchmark (the latency half is {@link PartyMatchingBenchmark}):
 * builds the expanded corpus and the labelled queries, times the index build, measures heap, computes the matcher's
 * recall and precision, then calibrates the brute-force Jaro-Winkler scan to the same recall and reports its
 * precision. Prints the scan threshold to pass to the JMH run. Run with {@code bench/matching}.
 * <p>
 * Quality counts every entry reported above the threshold (no top-k cut, so the scan can reach any recall by
 * lowering its threshold). A positive is found when the expected entry (or an entry with the same primary name —
 * lists repeat entities) is among them; a false positive is a negative with any result, or a positive with results
 * none of which is the expected entry. Precision = found / (found + false positives); "entries reported per query"
 * shows the review load behind it. Latency is measured with {@code limit = }{@value #TOP}, as screening calls it.
 * <p>
 * Arguments: {@code [names [queries [options…]]]}; option {@code noscan} skips the scan calibration, {@code fps}
 * lists every false positive with the matched name and its explanation.
 */
public final class PartyMatchingEvaluation {

    /** Result limit and country as screening asks: {@code match(name, country, 5)}. */
    static final int TOP = 5;
    /** Result limit for quality: every entry above the threshold. */
    private static final int ALL = 10_000;
    static final long SEED = 4L;

    private PartyMatchingEvaluation() {
    }

    /** Everything the benchmark measures against, built the same way every time. */
    record Setup(MatchingCorpus corpus, List<LabelledQueries.Query> queries, PartyMatcher matcher, long buildMillis) {

        /** The party country screening would pass: the expected entry's first country, else Germany. */
        String country(LabelledQueries.Query q) {
            if (q.positive()) {
                for (ListEntry e : corpus.realEntries()) {
                    if (e.key().equals(q.expectedKey()) && !e.allCountries().isEmpty()) {
                        return e.allCountries().iterator().next();
                    }
                }
            }
            return "DE";
        }

        static Setup build(int names, int queryCount) throws IOException {
            PartyMatcher matcher = new PartyMatcher(MatchSettings.defaults());
            MatchingCorpus corpus = MatchingCorpus.load(MatchingCorpus.listsDir(), names, SEED, matcher::normalise);
            long start = System.nanoTime();
            matcher.index(corpus.entries());
            long buildMillis = (System.nanoTime() - start) / 1_000_000;
            List<LabelledQueries.Query> queries = LabelledQueries.build(corpus, queryCount / 2, queryCount / 2, SEED,
                    matcher::normalise);
            return new Setup(corpus, queries, matcher, buildMillis);
        }
    }

    public static void main(String[] args) throws IOException {
        int names = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int queryCount = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        long heapBefore = usedHeap();
        Setup setup = Setup.build(names, queryCount);
        long heapAfter = usedHeap();
        MatchingCorpus corpus = setup.corpus();
        List<LabelledQueries.Query> queries = setup.queries();
        long positives = queries.stream().filter(LabelledQueries.Query::positive).count();
        System.out.printf(Locale.ROOT, "corpus: %d entries (%d real), %d names; queries: %d positives, %d negatives%n",
                corpus.entries().size(), corpus.realEntries().size(), corpus.names(), positives,
                queries.size() - positives);
        System.out.printf(Locale.ROOT, "index build: %d ms (first build, cold JVM)%n", setup.buildMillis());
        long start = System.nanoTime();
        setup.matcher().index(corpus.entries());
        System.out.printf(Locale.ROOT, "index build: %d ms (second build, warm)%n", (System.nanoTime() - start) / 1_000_000);
        System.out.printf(Locale.ROOT, "heap after building corpus + matcher: +%d MiB (entries, names and index)%n",
                (heapAfter - heapBefore) >> 20);

        // Matcher quality (every result above the threshold counts), and a quick timed pass of match(q, null, TOP).
        int found = 0;
        int falsePositives = 0;
        long alerts = 0;
        for (LabelledQueries.Query q : queries) {
            List<Match> matches = setup.matcher().match(q.name(), null, ALL);
            boolean hit = matches.stream().anyMatch(m -> expected(q, m.entry()));
            found += hit ? 1 : 0;
            falsePositives += !hit && !matches.isEmpty() ? 1 : 0;
            alerts += matches.size();
        }
        long[] nanos = new long[queries.size()];
        for (int pass = 0; pass < 3; pass++) {
            for (int i = 0; i < queries.size(); i++) {
                long t0 = System.nanoTime();
                setup.matcher().match(queries.get(i).name(), setup.country(queries.get(i)), TOP);
                nanos[i] = System.nanoTime() - t0;
            }
        }
        double matcherRecall = found / (double) positives;
        System.out.printf(Locale.ROOT, "matcher (threshold %.2f): recall %.3f (%d/%d), precision %.3f (%d false "
                        + "positives), %.2f entries reported per query; timed pass p50 %.0f us, p99 %.0f us%n",
                setup.matcher().settings().threshold(), matcherRecall, found, positives,
                found / (double) Math.max(1, found + falsePositives), falsePositives, alerts / (double) queries.size(),
                percentile(nanos, 0.50) / 1e3, percentile(nanos, 0.99) / 1e3);
        List<String> options = Arrays.asList(args).subList(Math.min(2, args.length), args.length);
        printMisses(setup);
        if (options.contains("fps")) {
            printFalsePositives(setup);
        }
        if (options.contains("noscan")) {
            return;
        }

        // Brute force: one full scan per query gives its top score, the expected entry's score and a histogram.
        BruteForceScan scan = new BruteForceScan(corpus.entries(), setup.matcher());
        long scanStart = System.nanoTime();
        ScanFacts[] facts = IntStream.range(0, queries.size()).parallel()
                .mapToObj(i -> scanFacts(scan, queries.get(i))).toArray(ScanFacts[]::new);
        System.out.printf(Locale.ROOT, "scan calibration: %d full scans in %d s (2 threads)%n", queries.size(),
                (System.nanoTime() - scanStart) / 1_000_000_000);
        int chosen = -1;
        for (int bin = BINS - 1; bin >= 0; bin--) {
            if (counts(facts, queries, bin)[0] / (double) positives >= matcherRecall) {
                chosen = bin;
                break;
            }
        }
        if (chosen < 0) {
            chosen = 0;
            System.out.printf(Locale.ROOT, "scan: cannot reach the matcher's recall even at threshold %.3f%n", threshold(0));
        }
        long[] counts = counts(facts, queries, chosen);
        System.out.printf(Locale.ROOT, "scan (Jaro-Winkler threshold %.3f): recall %.3f (%d/%d), precision %.3f (%d "
                        + "false positives), %.2f entries reported per query, over %d names%n", threshold(chosen),
                counts[0] / (double) positives, counts[0], positives, counts[0] / (double) Math.max(1, counts[0] + counts[1]),
                counts[1], counts[2] / (double) queries.size(), scan.names());
        System.out.printf(Locale.ROOT, "SCAN_THRESHOLD=%.3f%n", threshold(chosen));
    }

    /** Thresholds 0.500, 0.505 … 1.000: bin b is threshold 0.5 + b/200. */
    private static final int BINS = 101;

    private static double threshold(int bin) {
        return 0.5 + bin / 200.0;
    }

    /** One query's full scan: best score, the expected entry's score, entries at or above each threshold bin. */
    private record ScanFacts(double top, double expected, long[] atLeast) {
    }

    private static ScanFacts scanFacts(BruteForceScan scan, LabelledQueries.Query q) {
        double[] scores = scan.entryScores(q.name());
        List<ListEntry> entries = scan.entries();
        double top = 0;
        double expectedScore = -1;
        long[] atLeast = new long[BINS];
        for (int e = 0; e < scores.length; e++) {
            top = Math.max(top, scores[e]);
            if (q.positive() && scores[e] > expectedScore && expected(q, entries.get(e))) {
                expectedScore = scores[e];
            }
            for (int bin = 0; bin < BINS && scores[e] >= threshold(bin) - 1e-9; bin++) {
                atLeast[bin]++;
            }
        }
        return new ScanFacts(top, expectedScore, atLeast);
    }

    /** {found, false positives, entries reported} at a threshold bin. */
    private static long[] counts(ScanFacts[] facts, List<LabelledQueries.Query> queries, int bin) {
        double t = threshold(bin) - 1e-9;
        long[] c = new long[3];
        for (int i = 0; i < queries.size(); i++) {
            boolean hit = queries.get(i).positive() && facts[i].expected() >= t;
            c[0] += hit ? 1 : 0;
            c[1] += !hit && facts[i].top() >= t ? 1 : 0;
            c[2] += facts[i].atLeast()[bin];
        }
        return c;
    }

    static boolean expected(LabelledQueries.Query q, ListEntry entry) {
        return q.positive() && (entry.key().equals(q.expectedKey()) || entry.primaryName().equalsIgnoreCase(q.expectedName()));
    }

    private static void printMisses(Setup setup) {
        int shown = 0;
        for (LabelledQueries.Query q : setup.queries()) {
            List<Match> matches = setup.matcher().match(q.name(), null, ALL);
            boolean hit = matches.stream().anyMatch(m -> expected(q, m.entry()));
            if ((q.positive() && !hit || !q.positive() && !matches.isEmpty()) && shown++ < 15) {
                System.out.printf(Locale.ROOT, "  %s: %s -> %s%n", q.perturbation(), q.name(), matches.stream()
                        .map(m -> m.entry().primaryName() + " " + m.score()).toList());
            }
        }
    }

    /** Every false positive: the query, then each reported entry with its matched name, score and explanation. */
    private static void printFalsePositives(Setup setup) {
        System.out.println("false positives:");
        for (LabelledQueries.Query q : setup.queries()) {
            List<Match> matches = setup.matcher().match(q.name(), null, ALL);
            if (matches.isEmpty() || matches.stream().anyMatch(m -> expected(q, m.entry()))) {
                continue;
            }
            System.out.printf(Locale.ROOT, "  %s %s: %s%n", q.positive() ? "positive" : "negative", q.perturbation(),
                    q.name());
            for (Match m : matches) {
                System.out.printf(Locale.ROOT, "    -> %.3f %s (%s): %s%n", m.score(), m.matchedName(),
                        m.entry().primaryName(), String.join("; ", m.explanation().stream()
                                .map(TokenMatch::describe).toList()));
            }
        }
    }

    static double percentile(long[] values, double p) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}
