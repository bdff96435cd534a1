package org.clearance.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.clearance.facts.Order;
import org.clearance.rules.RulePackLoader;
import org.clearance.screening.Screener;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * In-process screening throughput with the shipped rule pack (rules/): validation is excluded,
 * facts → Drools → findings → decision are included. Run with {@code bench/run}.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3)
@Measurement(iterations = 5)
public class ScreeningBenchmark {

    @Param({"100000"})
    int orders;

    private Screener screener;
    private List<Order> batch;
    private List<String> sources;
    private List<Order> single;

    @Setup(Level.Trial)
    public void setUp() {
        // Outside Quarkus nothing configures logging and every logger is at TRACE: Drools would then
        // build trace messages on its hot path (and 10.2 fails in one of them). Production runs at INFO.
        java.util.logging.Logger.getLogger("org.drools").setLevel(java.util.logging.Level.INFO);
        org.jboss.logmanager.Logger.getLogger("org.drools").setLevel(java.util.logging.Level.INFO);
        screener = new Screener(RulePackLoader.load(Path.of("rules")));
        batch = new OrderGenerator(42).orders(orders);
        sources = batch.stream().map(Order::id).toList();
        single = List.of(batch.get(0));
    }

    /** Screens all generated orders; orders/s = orders / (seconds per operation). */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public List<ScreeningResult> screenBatch() {
        return screener.screen(batch, sources);
    }

    /** One order alone, as the single-order HTTP endpoint does it. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Measurement(iterations = 5, time = 2)
    @Warmup(iterations = 3, time = 2)
    public List<ScreeningResult> screenOne() {
        return screener.screen(single, List.of("one"));
    }
}
