package org.clearance.rules.mutation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.clearance.rules.RulePackLoader;
import org.junit.jupiter.api.Test;

/**
 * Every condition of every shipped rule is tested: each mutant of the shipped pack is killed by one of its rule's
 * cases or recorded as equivalent with a reason (the near misses of docs/rules.md, enforced).
 */
class ShippedPackMutationTest {

    @Test
    void shouldKillEveryMutantOfTheShippedPack() {
        Path rules = Path.of("rules");
        int threads = Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));

        MutationReport report = MutationTester.run(rules, threads);

        assertThat(report.problems()).isEmpty();
        assertThat(report.survivors()).extracting(r -> r.mutant().survivorMessage()).isEmpty();
        assertThat(report.overall().percent()).isEqualTo(100.0);
        // Every rule is mutated (at least its two moved @effective dates), and most mutants compile.
        assertThat(report.byRule()).hasSameSizeAs(RulePackLoader.load(rules).rules());
        assertThat(report.overall().killed()).isGreaterThan(4 * report.byRule().size());
    }
}
