package org.clearance.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.clearance.screening.ScreeningResult;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * In-process screening with the shipped rule pack (rules/) on a corpus that fires every decision rule
 * ({@link ScreeningCorpus}: the pack's rule case orders, 10 % of the corpus, and generated orders for the rest).
 * Run with {@code bench/run}.
 * <p>
 * Each figure includes: building the facts of each order (buyer history from the cases' fixtures, licence look-up in
 * the cases' licence register, party matching of every party and declared owner against {@code names} list names and,
 * in a second small matcher, the fixture lists ({@link BenchLists}), with a new match cache per batch as in
 * production), the Drools session (warm pooled sessions, or a new one per chunk with {@code sessions=FRESH}),
 * findings, risk and decision, and the {@code ScreeningResult}s. It excludes JSON parsing and validation (orders are
 * parsed in the setup), storage (no database, no Kafka, no stored buyer history), HTTP, and building the name index.
 * {@code screenBatch}: the whole corpus once, one batch per session setup of the rule cases (most orders share one);
 * orders/s = {@code orders} / seconds per operation. {@code screenOne}: one order a call, the next of the corpus each
 * time, as the single-order endpoint sees different orders.
 * <p>
 * The setup screens the corpus once and fails unless every decision rule fired, printing "N of N decision rules
 * fired"; the sample lists come from {@code $CLEARANCE_BENCH_LISTS} (synthetic names only when missing, said on
 * stdout).
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3)
@Measurement(iterations = 5)
public class ScreeningBenchmark {

    /**
     * How sessions are got: WARM from the pack's pool (production, the default), FRESH a new Drools session per chunk
     * ({@code Screener.onFreshSessions()}); {@code bench/run -p sessions=WARM,FRESH} runs both.
     */
    public enum Sessions { WARM, FRESH }

    @Param({"100000"})
    int orders;

    /** List names the parties are matched against, besides the fixture lists; 0: the fixture lists only. */
    @Param({"100000"})
    int names;

    @Param({"WARM"})
    Sessions sessions;

    private ScreeningCorpus corpus;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        // Outside Quarkus nothing configures logging and every logger is at TRACE: Drools would then
        // build trace messages on its hot path (and 10.2 fails in one of them). Production runs at INFO.
        java.util.logging.Logger.getLogger("org.drools").setLevel(java.util.logging.Level.INFO);
        org.jboss.logmanager.Logger.getLogger("org.drools").setLevel(java.util.logging.Level.INFO);
        Path rules = Path.of("rules");
        BenchLists.Built lists = BenchLists.build(rules.resolve("bases").resolve("lists"), names,
                Optional.of(MatchingCorpus.listsDir()));
        System.out.printf("%nlists: %s%n", lists.describe());
        corpus = ScreeningCorpus.build(rules, orders, lists.finder(), sessions == Sessions.FRESH);
        DecisionRulesFired fired = DecisionRulesFired.of(corpus.pack(), corpus.screenAll()).requireAll();
        System.out.printf("corpus: %d orders (%d rule case orders), %d session groups; %s%n", corpus.size(),
                corpus.caseOrders(), corpus.groups().size(), fired.summary());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        corpus.close();
    }

    /** Screens the whole corpus; orders/s = orders / (seconds per operation). */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public List<ScreeningResult> screenBatch() {
        return corpus.screenAll();
    }

    /** One order alone, the next of the corpus each call, as the single-order HTTP endpoint does it. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Measurement(iterations = 5, time = 2)
    @Warmup(iterations = 3, time = 2)
    public List<ScreeningResult> screenOne() {
        return corpus.single(next++).screen();
    }
}
