package org.clearance.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.clearance.parties.matching.Match;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Per-query latency of {@code PartyMatcher.match} against the brute-force Jaro-Winkler scan, on the expanded
 * 100,000-name corpus and the 2,000 labelled queries of {@link PartyMatchingEvaluation} (each invocation takes the
 * next query with its country, limit 5, as screening calls it, so the sample distribution is the query mix). SampleTime mode: JMH reports p50/p99 per benchmark.
 * Run with {@code bench/matching}.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PartyMatchingBenchmark {

    @Param({"100000"})
    int names;

    @Param({"2000"})
    int queries;

    /** Jaro-Winkler threshold giving the scan the matcher's recall; printed by PartyMatchingEvaluation. */
    @Param({"0.900"})
    double scanThreshold;

    private PartyMatchingEvaluation.Setup setup;
    private BruteForceScan scan;
    private String[] queryNames;
    private String[] queryCountries;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        setup = PartyMatchingEvaluation.Setup.build(names, queries);
        scan = new BruteForceScan(setup.corpus().entries(), setup.matcher());
        queryNames = setup.queries().stream().map(LabelledQueries.Query::name).toArray(String[]::new);
        queryCountries = setup.queries().stream().map(setup::country).toArray(String[]::new);
        System.out.printf("%n%d names, %d queries, index built in %d ms%n", setup.corpus().names(), queryNames.length,
                setup.buildMillis());
    }

    private String nextQuery() {
        String q = queryNames[next];
        next = (next + 1) % queryNames.length;
        return q;
    }

    @Benchmark
    @Warmup(iterations = 3, time = 5)
    @Measurement(iterations = 5, time = 5)
    public List<Match> matcher() {
        String country = queryCountries[next];
        return setup.matcher().match(nextQuery(), country, PartyMatchingEvaluation.TOP);
    }

    @Benchmark
    @Warmup(iterations = 1, time = 10)
    @Measurement(iterations = 3, time = 10)
    public List<BruteForceScan.Hit> bruteForceScan() {
        return scan.match(nextQuery(), scanThreshold, PartyMatchingEvaluation.TOP);
    }
}
