package org.clearance.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.clearance.lists.ListEntry;
import org.clearance.parties.matching.Match;
import org.clearance.parties.matching.MatchSettings;
import org.clearance.parties.matching.PartyMatcher;
import org.clearance.parties.matching.TestCorpus;

/**
 * Runs the {@link PartyMatchingIndependentSet} the way screening calls the matcher ({@code match(name, country, 5)})
 * and reports precision and recall per category and per script, and the recall of the candidate stage alone.
 * <p>
 * A positive is found when the expected entry (or an entry with the same primary name — lists repeat entities) is
 * among the results; a positive with results none of which is expected, and a hard negative whose named target is
 * reported, are false positives. Precision = found / (found + false positives).
 * Run with {@code bench/matching-evaluation} (the real sample lists) or {@code … fixtures} (the test fixtures only);
 * {@code … misses} also prints, per missed positive, the target's names and its best score and explanation at
 * threshold 0, to tell a miss lost at the candidate stage from one scored too low.
 */
public final class PartyMatchingIndependentEvaluation {

    static final int LIMIT = 5;

    private PartyMatchingIndependentEvaluation() {
    }

    /** Counts for one row of the report. */
    static final class Tally {
        int positives;
        int found;
        int candidateFound;
        int negatives;
        int falsePositives;

        double recall() {
            return positives == 0 ? Double.NaN : found / (double) positives;
        }

        double precision() {
            return found + falsePositives == 0 ? Double.NaN : found / (double) (found + falsePositives);
        }

        double candidateRecall() {
            return positives == 0 ? Double.NaN : candidateFound / (double) positives;
        }
    }

    /** One evaluated case and what happened. */
    record Outcome(PartyMatchingIndependentSet.Case c, boolean found, boolean falsePositive, boolean candidate,
                   List<Match> matches) {
    }

    /** The whole report: every outcome and tallies by category, by script and overall. */
    record Report(List<Outcome> outcomes, Map<String, Tally> byCategory, Map<String, Tally> byScript, Tally total) {

        Tally handChecked() {
            Tally t = new Tally();
            outcomes.stream().filter(o -> o.c().origin().equals(PartyMatchingIndependentSet.HAND_SOURCE))
                    .forEach(o -> add(t, o));
            return t;
        }
    }

    static Report run(PartyMatcher matcher, List<PartyMatchingIndependentSet.Case> cases) {
        List<Outcome> outcomes = new ArrayList<>();
        Map<String, Tally> byCategory = new TreeMap<>();
        Map<String, Tally> byScript = new TreeMap<>();
        Tally total = new Tally();
        for (PartyMatchingIndependentSet.Case c : cases) {
            List<Match> matches = matcher.match(c.query(), c.country(), LIMIT);
            boolean targetReported = matches.stream().anyMatch(m -> isTarget(c, m.entry()));
            boolean found = c.positive() && targetReported;
            boolean falsePositive = c.positive() ? !found && !matches.isEmpty() : targetReported;
            boolean candidate = c.positive() && matcher.candidates(c.query()).stream().anyMatch(e -> isTarget(c, e));
            Outcome outcome = new Outcome(c, found, falsePositive, candidate, matches);
            outcomes.add(outcome);
            add(byCategory.computeIfAbsent(c.category(), k -> new Tally()), outcome);
            add(byScript.computeIfAbsent(c.script(), k -> new Tally()), outcome);
            add(total, outcome);
        }
        return new Report(outcomes, byCategory, byScript, total);
    }

    private static void add(Tally t, Outcome o) {
        if (o.c().positive()) {
            t.positives++;
            t.found += o.found() ? 1 : 0;
            t.candidateFound += o.candidate() ? 1 : 0;
        } else {
            t.negatives++;
        }
        t.falsePositives += o.falsePositive() ? 1 : 0;
    }

    static boolean isTarget(PartyMatchingIndependentSet.Case c, ListEntry entry) {
        return entry.key().equals(c.targetKey()) || entry.primaryName().equalsIgnoreCase(c.targetName());
    }

    public static void main(String[] args) throws IOException {
        boolean fixtures = args.length > 0 && args[0].equals("fixtures");
        boolean misses = List.of(args).contains("misses");
        List<ListEntry> corpus = new ArrayList<>(TestCorpus.entries());
        PartyMatcher matcher = new PartyMatcher(MatchSettings.defaults());
        if (!fixtures) {
            // The real entries of the benchmark corpus (OFAC SDN snapshot and non-SDN, DPL, CSL, METI; not its
            // synthetic names, whose recombined real words would count as false alarms no real list would give)
            // plus the EU, UK and EU Annex IV fixtures, which carry the multilingual and non-Latin aliases.
            corpus = new ArrayList<>(MatchingCorpus.load(MatchingCorpus.listsDir(), 0, PartyMatchingEvaluation.SEED,
                    matcher::normalise).realEntries());
            for (ListEntry e : TestCorpus.entries()) {
                if (e.source().startsWith("EU-") || e.source().startsWith("UK-")) {
                    corpus.add(e);
                }
            }
        }
        PartyMatchingIndependentSet.Loaded set = PartyMatchingIndependentSet.build(corpus);
        matcher.index(set.index());
        Report report = run(matcher, set.cases());
        System.out.printf(Locale.ROOT, "independent evaluation: %d cases (%d positives, %d hard negatives) over %d "
                        + "entries; match(name, country, %d) at threshold %.2f%n", set.cases().size(), report.total().positives,
                report.total().negatives, set.index().size(), LIMIT, matcher.settings().threshold());
        print("category", report.byCategory());
        print("script", report.byScript());
        print("total", Map.of("all cases", report.total(), "hand-checked", report.handChecked()));
        if (misses) {
            printMisses(report, set.index());
            return;
        }
        int shown = 0;
        for (Outcome o : report.outcomes()) {
            if ((o.c().positive() && !o.found() || o.falsePositive()) && (args.length < 3 || o.c().origin().startsWith(args[2]))
                    && shown++ < (args.length > 1 ? Integer.parseInt(args[1]) : 60)) {
                System.out.printf(Locale.ROOT, "  %s %s [%s] %s -> %s%s%n", o.c().positive() ? "MISS" : "FALSE",
                        o.c().category(), o.c().script(), o.c().query(), o.c().targetName(),
                        o.matches().isEmpty() ? "" : " / got " + o.matches().stream()
                                .map(m -> m.entry().primaryName() + " " + m.score()).toList()
                                + (o.c().positive() ? "" : " " + o.matches().get(0).explanation().stream()
                                .map(org.clearance.parties.matching.TokenMatch::describe).toList()));
            }
        }
    }

    /** Per missed positive: the target's names, and how it scores when nothing is cut off by the threshold. */
    private static void printMisses(Report report, List<ListEntry> index) {
        PartyMatcher open = new PartyMatcher(MatchSettings.defaults().withThreshold(0.0));
        open.index(index);
        Map<String, ListEntry> byKey = new java.util.HashMap<>();
        index.forEach(e -> byKey.put(e.key(), e));
        for (Outcome o : report.outcomes()) {
            if (!o.c().positive() || o.found()) {
                continue;
            }
            ListEntry target = byKey.get(o.c().targetKey());
            System.out.printf(Locale.ROOT, "%nMISS %s [%s] %s%n  target: %s%s%n  candidate: %s%n", o.c().category(),
                    o.c().script(), o.c().query(), o.c().targetName(), target == null ? "" : " / aliases "
                            + target.aliases().stream().map(org.clearance.lists.Alias::name).toList(), o.candidate());
            open.match(o.c().query(), o.c().country(), 500).stream().filter(m -> isTarget(o.c(), m.entry()))
                    .findFirst().ifPresent(m -> System.out.printf(Locale.ROOT, "  best %.3f via %s: %s %s%n",
                            m.score(), m.matchedName(), m.explanation().stream()
                                    .map(org.clearance.parties.matching.TokenMatch::describe).toList(), m.notes()));
        }
    }

    private static void print(String title, Map<String, Tally> rows) {
        System.out.printf(Locale.ROOT, "%n| %s | positives | found | recall | negatives | false positives | precision "
                + "| candidate-stage recall |%n|---|---|---|---|---|---|---|---|%n", title);
        Function<Double, String> f = d -> d.isNaN() ? "–" : String.format(Locale.ROOT, "%.3f", d);
        new TreeMap<>(rows).forEach((k, t) -> System.out.printf(Locale.ROOT, "| %s | %d | %d | %s | %d | %d | %s | %s |%n",
                k, t.positives, t.found, f.apply(t.recall()), t.negatives, t.falsePositives, f.apply(t.precision()),
                f.apply(t.candidateRecall())));
    }
}
