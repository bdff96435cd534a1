package org.clearance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clearance.rules.FileTrees;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** {@code clearance rules activate DIR} through the real CLI: every exit code, and a second activation changes nothing. */
@QuarkusMainTest
@Tag("cli")
class RulesActivateCliTest {

    private static final Path SMALL_PACK = Path.of("src/test/resources/reload-pack").toAbsolutePath();
    private static final String RULE_FILE = "eu/no-russia-clause.drl";

    @AfterAll
    static void leaveNoActivePack() throws SQLException {
        // The other CLI tests share this database and screen with their folder: no notice about an active pack.
        String url = "jdbc:h2:file:./target/test-db/clearance-" + System.getProperty("test.fork.number", "0")
                + ";AUTO_SERVER=TRUE";
        try (Connection connection = DriverManager.getConnection(url, "clearance", "");
             Statement delete = connection.createStatement()) {
            delete.executeUpdate("DELETE FROM active_rule_pack");
        }
    }

    @Test
    void shouldActivateAFolderOnceAndRefuseWhatWouldNotGoLiveWithTheDocumentedExitCodes(QuarkusMainLauncher launcher)
            throws IOException {
        LaunchResult missing = launcher.launch("rules", "activate", "no/such/folder");
        Path failing = packCopy();
        Path tests = failing.resolve("eu/no-russia-clause.tests.yaml");
        Files.writeString(tests, Files.readString(tests).replaceFirst("decision: REVIEW", "decision: BLOCK"));
        LaunchResult failingTests = launcher.launch("rules", "activate", failing.toString());
        Path broken = packCopy();
        Files.writeString(broken.resolve(RULE_FILE), "\nrule \"EU-TMP-02 broken\"\nwhen\n    $o : Order( \nthen\nend\n",
                StandardOpenOption.APPEND);
        LaunchResult notLoading = launcher.launch("rules", "activate", broken.toString());

        assertThat(missing.exitCode()).as(missing.getErrorOutput()).isEqualTo(ExitCodes.INPUT);
        assertThat(missing.getErrorOutput()).contains("clearance: no/such/folder is not a folder");
        assertThat(failingTests.exitCode()).as(failingTests.getErrorOutput()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(failingTests.getErrorOutput()).contains("was refused (1 problem(s)); the active pack is unchanged:",
                "decision: expected BLOCK, got REVIEW");
        assertThat(notLoading.exitCode()).as(notLoading.getErrorOutput()).isEqualTo(ExitCodes.RULE_PACK);
        assertThat(notLoading.getErrorOutput()).contains("was refused", RULE_FILE + ":");
        assertThat(missing.getErrorOutput() + failingTests.getErrorOutput() + notLoading.getErrorOutput())
                .doesNotContain("\tat ");

        Path pack = packCopy();
        LaunchResult activated = launcher.launch("rules", "activate", pack.toString());
        LaunchResult again = launcher.launch("rules", "activate", pack.toString());

        assertThat(activated.exitCode()).as(activated.getErrorOutput()).isEqualTo(ExitCodes.OK);
        Matcher first = Pattern.compile("rule pack ([0-9a-f]{64}) is now active \\(activation (\\d+)\\): 3 rules from ")
                .matcher(activated.getOutput());
        assertThat(first.find()).as(activated.getOutput()).isTrue();
        assertThat(again.exitCode()).as(again.getErrorOutput()).isEqualTo(ExitCodes.OK);
        assertThat(again.getOutput()).contains("rule pack " + first.group(1) + " was already active (activation "
                + first.group(2) + ", by cli:").contains("3 rules; nothing changed");
    }

    /** A copy of the small pack with a hash of its own, so that no earlier run has activated it. */
    private static Path packCopy() throws IOException {
        Path copy = Files.createTempDirectory("clearance-activate-cli-").resolve("rules");
        FileTrees.copy(SMALL_PACK, copy);
        Files.writeString(copy.resolve(RULE_FILE), "\n// " + UUID.randomUUID() + "\n", StandardOpenOption.APPEND);
        return copy;
    }
}
