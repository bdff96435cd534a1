package org.clearance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.clearance.rules.guard.HostilePacks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The hostile packs through the real CLI: {@code rules test DIR}, {@code screen --rules DIR} and
 * {@code rules diff --base DIR} refuse a pack holding all of them with every message and exit 3, and none of
 * their code runs; {@code rules test} stops rule tests that never finish at the time budget (exit 1).
 * One pack per path holds every hostile file, so that each path costs two commands, not one per file.
 */
@QuarkusTest
@Tag("cli")
@TestProfile(HostilePacks.Profile.class)
class HostilePacksCliTest {

    @Inject
    Cli cli;

    private static final String ORDER = "examples/orders/03-italian-furniture-to-kazakhstan-clear.json";

    @BeforeEach
    void clearMarkers() {
        HostilePacks.clearMarkers();
    }

    @Test
    void shouldRefuseEveryHostileFileOnEveryCliPath() throws IOException {
        Path harmless = HostilePacks.pack(Files.createTempDirectory("clearance-hostile-"), List.of());
        for (List<String> files : List.of(HostilePacks.sourceRefused(), List.copyOf(HostilePacks.COMPILED))) {
            String pack = HostilePacks.pack(Files.createTempDirectory("clearance-hostile-"), files).toString();
            List<String> expected = HostilePacks.expected(files);

            assertRefused(cli.launch("rules", "test", pack), expected);
            assertRefused(cli.launch("screen", "--rules", pack, ORDER), expected);
            assertRefused(cli.launch("rules", "diff", "--base", pack, "--rules", harmless.toString(),
                    "--corpus", ORDER), expected);
        }
        assertThat(HostilePacks.markersPresent()).isEmpty();
    }

    @Test
    void shouldStopRuleTestsThatNeverFinish() throws IOException {
        Path pack = HostilePacks.budgetPack(Files.createTempDirectory("clearance-hostile-"));

        CliRun result = cli.launch("rules", "test", pack.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(result.errors()).contains("clearance: the rule tests did not finish within 3 s "
                + "(clearance.reload.check-timeout): a rule loops or keeps firing; it was stopped");
    }

    private static void assertRefused(CliRun result, List<String> expected) {
        assertThat(result.exitCode()).as(result.errors()).isEqualTo(ExitCodes.RULE_PACK);
        assertThat(result.errors()).contains(expected).doesNotContain("\tat ");
    }
}
