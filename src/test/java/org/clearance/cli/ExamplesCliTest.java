package org.clearance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.clearance.rules.FileTrees;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code clearance examples check [--update]} through the real CLI and the shipped rule pack, on a temp copy of the
 * examples whose expected results are stale in one row (the exit code 2 cases need no application:
 * ExamplesCommandTest).
 */
@QuarkusTest
@Tag("cli")
class ExamplesCliTest {

    @Inject
    Cli cli;

    private static final String STALE_ROW = "02-eu-to-us-bearings-clear.json,VDL-2025-4471,REVIEW,EU-12G-02";

    @TempDir
    Path dir;

    @Test
    void shouldListAStaleRowThenRewriteTheFileWithUpdateAndThenPass() throws IOException {
        Path orders = dir.resolve("orders");
        FileTrees.copy(Path.of("examples/orders"), orders);
        Path expected = dir.resolve("expected.csv");
        String shipped = Files.readString(Path.of("examples/expected.csv"));
        String stale = shipped.replace("02-eu-to-us-bearings-clear.json,VDL-2025-4471,CLEAR,EU-12G-02", STALE_ROW);
        assertThat(stale).contains(STALE_ROW);
        Files.writeString(expected, stale);
        String[] check = {"examples", "check", "--orders", orders.toString(), "--expected", expected.toString()};

        CliRun differs = cli.launch(check);

        assertThat(differs.exitCode()).as(differs.errors()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(differs.outputLines()).filteredOn(line -> line.startsWith("DIFF ")).containsExactly(
                "DIFF 02-eu-to-us-bearings-clear.json VDL-2025-4471: expected REVIEW [EU-12G-02], actual CLEAR [EU-12G-02]");
        assertThat(differs.output()).contains("1 difference(s) from " + expected + ": if each change is intended, "
                + "run 'clearance examples check --update' and commit the file");
        assertThat(Files.readString(expected)).isEqualTo(stale);

        CliRun updated = cli.launch(check[0], check[1], check[2], check[3], check[4], check[5], "--update");

        assertThat(updated.exitCode()).as(updated.errors()).isEqualTo(ExitCodes.OK);
        assertThat(updated.output()).contains("UPDATED 02-eu-to-us-bearings-clear.json VDL-2025-4471")
                .contains(expected + ": 34 order(s), 1 changed");
        assertThat(Files.readString(expected)).isEqualTo(shipped);

        CliRun passes = cli.launch(check);

        assertThat(passes.exitCode()).as(passes.errors()).isEqualTo(ExitCodes.OK);
        assertThat(passes.outputLines()).contains("34 example order(s) screen as " + expected + " says")
                .noneMatch(line -> line.startsWith("DIFF "));
    }
}
