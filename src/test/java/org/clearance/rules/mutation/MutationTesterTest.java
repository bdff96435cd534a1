package org.clearance.rules.mutation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.clearance.rules.FileTrees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutation testing of a small pack (the shipped de minimis rule with its data and bases): a condition without a
 * near miss survives, named by file, line and rule; an equivalent record counts it out; stale records are problems.
 */
class MutationTesterTest {

    private static final Path SHIPPED = Path.of("rules");

    @TempDir
    Path pack;

    @Test
    void shouldReportAConditionWithoutANearMissAsASurvivorByFileLineAndRule() throws IOException {
        copyDeMinimis(withoutCase("US-made modules"));

        MutationReport report = MutationTester.run(pack, 1);

        assertThat(report.survivors()).extracting(r -> r.mutant().survivorMessage())
                .contains("us/de-minimis.drl:25: rule US-DEMIN-01: removing \"foreignMade\" changes no test result");
        assertThat(report.overall().percent()).isLessThan(100.0);
        assertThat(report.success(100)).isFalse();
        assertThat(report.results()).filteredOn(r -> r.mutant().operator() == MutationOperator.MOVE_EFFECTIVE)
                .hasSize(2).allMatch(r -> r.status() == MutantResult.Status.KILLED);
        assertThat(report.results()).filteredOn(r -> r.mutant().operator() == MutationOperator.EMPTY_DATASET)
                .isNotEmpty().allMatch(r -> r.status() == MutantResult.Status.KILLED);
    }

    @Test
    void shouldCountARecordedEquivalentMutantOutAndRejectStaleOrWrongRecords() throws IOException {
        copyDeMinimis(withoutCase("US-made modules") + """
                equivalent_mutants:
                  - rule: US-DEMIN-01
                    mutant: 'removing "foreignMade"'
                    reason: test of the record
                  - rule: US-DEMIN-01
                    mutant: 'removing "no such condition"'
                    reason: stale
                """);

        MutationReport report = MutationTester.run(pack, 1);

        assertThat(report.results()).filteredOn(r -> r.mutant().description().equals("removing \"foreignMade\""))
                .singleElement().satisfies(r -> {
                    assertThat(r.status()).isEqualTo(MutantResult.Status.EQUIVALENT);
                    assertThat(r.detail()).isEqualTo("test of the record");
                });
        assertThat(report.problems()).singleElement().asString()
                .contains("us/de-minimis.tests.yaml equivalent_mutants 2").contains("has no mutant \"removing \"no such condition\"\"");
        assertThat(report.success(0)).isFalse();
    }

    private String withoutCase(String nameFragment) throws IOException {
        String tests = Files.readString(SHIPPED.resolve("us/de-minimis.tests.yaml"));
        int at = tests.indexOf("  - name: Near miss - " + nameFragment);
        assertThat(at).isPositive();
        int next = tests.indexOf("\n  - name:", at + 1);
        return tests.substring(0, at) + (next < 0 ? "" : tests.substring(next + 1));
    }

    private void copyDeMinimis(String tests) throws IOException {
        FileTrees.copy(SHIPPED.resolve("bases"), pack.resolve("bases"));
        FileTrees.copy(SHIPPED.resolve("data"), pack.resolve("data"));
        Files.createDirectories(pack.resolve("us"));
        Files.copy(SHIPPED.resolve("us/de-minimis.drl"), pack.resolve("us/de-minimis.drl"));
        Files.writeString(pack.resolve("us/de-minimis.tests.yaml"), tests);
    }
}
