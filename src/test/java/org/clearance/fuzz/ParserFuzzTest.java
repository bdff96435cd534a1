package org.clearance.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.clearance.facts.Order;
import org.clearance.order.InputProblem;
import org.clearance.order.OrderInput;
import org.clearance.order.OrderParser;
import org.clearance.order.ParsedOrder;
import org.clearance.order.Printable;
import org.clearance.order.StrictUtf8;
import org.clearance.rules.RulePack;
import org.clearance.rules.RulePackLoader;
import org.clearance.screening.Screener;
import org.clearance.testing.BesideTheApplication;
import org.junit.jupiter.api.Test;

/**
 * Property: whatever bytes arrive, the parser answers with an order or with problems — never an exception — and
 * each problem is plain words (no class names, no raw control characters, a bounded length). The orders it accepts
 * screen with the real rule pack without failing. {@value #ORDERS} seeded mutants of the example orders per run;
 * a failing input is written to target/fuzz-failures/ to be kept in src/test/resources/fuzz-regressions/.
 */
@BesideTheApplication
class ParserFuzzTest {

    static final int ORDERS = 12_000;
    static final long SEED = Long.getLong("clearance.fuzz.seed", 20261204L);

    @Test
    void shouldAnswerEveryMutatedOrderWithAnOrderOrPlainProblems() throws Exception {
        OrderMutator mutator = new OrderMutator(SEED);
        LocalDate today = LocalDate.of(2026, 1, 15);
        List<Order> accepted = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        Map<String, Integer> outcomes = new TreeMap<>();
        long start = System.nanoTime();
        long mutateNanos = 0;
        for (int i = 0; i < ORDERS; i++) {
            long t0 = System.nanoTime();
            OrderMutator.Mutant mutant = mutator.next();
            mutateNanos += System.nanoTime() - t0;
            try {
                OrderInput.Split split = StrictUtf8.split("fuzz", mutant.bytes());
                List<InputProblem> problems = new ArrayList<>(split.problems());
                for (var document : split.documents()) {
                    ParsedOrder parsed = OrderParser.parse(document, null, today);
                    problems.addAll(parsed.problems());
                    if (parsed.valid()) {
                        accepted.add(parsed.order());
                        sources.add("fuzz/" + i);
                    }
                }
                for (InputProblem problem : problems) {
                    String shown = problem.pointer() + " " + problem.message();
                    assertThat(ProblemChecks.leak(shown)).as("leak in %s", shown).isNull();
                    assertThat(Printable.hasControl(shown)).as("raw control character in %s", Printable.escape(shown)).isFalse();
                    assertThat(shown.length()).as("length of %s", Printable.quote(shown, 200, false)).isLessThan(1500);
                }
                outcomes.merge(problems.isEmpty() ? "accepted" : "refused", 1, Integer::sum);
            } catch (Throwable e) {
                keep(mutant, i);
                throw new AssertionError("mutant " + i + " " + mutant.mutations() + " failed the property", e);
            }
        }
        long parseMillis = (System.nanoTime() - start - mutateNanos) / 1_000_000;
        long mutateMillis = mutateNanos / 1_000_000;

        // Valid but unusual orders (limits, Unicode, duplicated lines) must screen too: in batches, as the service does.
        RulePack pack = RulePackLoader.load(Path.of("rules"));
        Screener screener = new Screener(pack);
        for (int from = 0; from < accepted.size(); from += 500) {
            int to = Math.min(accepted.size(), from + 500);
            List<Order> batch = uniqueIds(accepted.subList(from, to), from);
            assertThat(screener.screen(batch, sources.subList(from, to))).hasSize(to - from);
        }
        System.out.printf("Parser fuzz: %d mutants (seed %d) generated in %d ms, parsed in %d ms: %s; %d accepted orders screened%n",
                ORDERS, SEED, mutateMillis, parseMillis, outcomes, accepted.size());
        assertThat(outcomes.getOrDefault("refused", 0)).as("most mutants are bad input").isGreaterThan(ORDERS / 2);
        assertThat(outcomes.getOrDefault("accepted", 0)).as("some mutants stay valid").isGreaterThan(100);
    }

    /** One session screens many orders; ids must differ between them (mutants of one example share an id). */
    private static List<Order> uniqueIds(List<Order> orders, int offset) {
        List<Order> unique = new ArrayList<>(orders.size());
        for (int i = 0; i < orders.size(); i++) {
            unique.add(orders.get(i).withId("F" + (offset + i) + "-" + orders.get(i).id()));
        }
        return unique;
    }

    private static void keep(OrderMutator.Mutant mutant, int index) {
        try {
            Path dir = Files.createDirectories(Path.of("target/fuzz-failures"));
            Files.write(dir.resolve("parser-" + SEED + "-" + index + ".json"), mutant.bytes());
        } catch (Exception ignored) {
            // the assertion error says what failed; the file is a convenience
        }
    }
}
