package org.clearance.rules.mutation;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The outcome of a mutation run: every mutant's result in file and rule order, problems (unreadable files,
 * stale or wrong {@code equivalent_mutants} records), and how long it took with how many threads.
 */
public record MutationReport(List<MutantResult> results, List<String> problems, Duration elapsed, int threads) {

    public MutationReport {
        results = List.copyOf(results);
        problems = List.copyOf(problems);
    }

    /**
     * Killed, timed-out, survived, equivalent, uncompilable and not run mutants of a group (a rule, a file or the pack), and its
     * score.
     */
    public record Score(String name, int killed, int timedOut, int survived, int equivalent, int notCompiled,
                        int notRun) {

        /**
         * Detected mutants (killed or timed out) as a percentage of those that compile and are not equivalent; 100
         * when there are none.
         */
        public double percent() {
            int counted = killed + timedOut + survived;
            return counted == 0 ? 100.0 : 100.0 * (killed + timedOut) / counted;
        }

        public int mutants() {
            return killed + timedOut + survived + equivalent + notCompiled + notRun;
        }

        static Score of(String name, List<MutantResult> results) {
            Map<MutantResult.Status, Long> counts = results.stream()
                    .collect(Collectors.groupingBy(MutantResult::status, Collectors.counting()));
            Function<MutantResult.Status, Integer> count = s -> counts.getOrDefault(s, 0L).intValue();
            return new Score(name, count.apply(MutantResult.Status.KILLED), count.apply(MutantResult.Status.TIMED_OUT),
                    count.apply(MutantResult.Status.SURVIVED), count.apply(MutantResult.Status.EQUIVALENT),
                    count.apply(MutantResult.Status.NOT_COMPILED), count.apply(MutantResult.Status.NOT_RUN));
        }
    }

    public Score overall() {
        return Score.of("pack", results);
    }

    /** Scores by rule id, in report order. */
    public List<Score> byRule() {
        return group(r -> r.mutant().rule().id());
    }

    /** Scores by rule file, in report order. */
    public List<Score> byFile() {
        return group(r -> r.mutant().file());
    }

    public List<MutantResult> survivors() {
        return withStatus(MutantResult.Status.SURVIVED);
    }

    public List<MutantResult> withStatus(MutantResult.Status status) {
        return results.stream().filter(r -> r.status() == status).toList();
    }

    /** Mutants per second over the whole run (generation, compilation and screening). */
    public double mutantsPerSecond() {
        double seconds = elapsed.toMillis() / 1000.0;
        return seconds == 0 ? results.size() : results.size() / seconds;
    }

    /** True when the score reaches {@code failUnder} percent and nothing is wrong with the pack's records. */
    public boolean success(double failUnder) {
        return problems.isEmpty() && overall().percent() >= failUnder;
    }

    private List<Score> group(Function<MutantResult, String> key) {
        Map<String, List<MutantResult>> groups = results.stream()
                .collect(Collectors.groupingBy(key, LinkedHashMap::new, Collectors.toList()));
        return groups.entrySet().stream().map(e -> Score.of(e.getKey(), e.getValue())).toList();
    }
}
