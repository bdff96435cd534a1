package org.clearance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code clearance audit verify|export|keygen} and {@code clearance screenings replay} as the jar's main. */
@QuarkusMainTest
@Tag("cli")
@io.quarkus.test.junit.TestProfile(org.clearance.testing.OwnDatabase.class)
class AuditCliTest {

    private static final String BLOCKED = "examples/orders/13-hk-trader-fpga-to-russia-via-kyrgyzstan.json";

    @TempDir
    Path dir;

    @Test
    void shouldVerifyExportSignedAndVerifyAgainstTheExportedAnchor(QuarkusMainLauncher launcher) throws Exception {
        assertThat(launcher.launch("screen", BLOCKED).exitCode()).isEqualTo(ExitCodes.FINDINGS);
        Path key = dir.resolve("anchor.key");
        assertThat(launcher.launch("audit", "keygen", key.toString()).exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(launcher.launch("audit", "keygen", key.toString()).exitCode()).isEqualTo(ExitCodes.INPUT);

        LaunchResult verify = launcher.launch("audit", "verify");
        assertThat(verify.exitCode()).as(verify.getErrorOutput()).isEqualTo(ExitCodes.OK);
        assertThat(verify.getOutput()).contains("audit trail intact");

        Path export = dir.resolve("export.json");
        System.setProperty("clearance.audit.signing-key", key.toString()); // each launch reads its configuration anew
        LaunchResult exported;
        try {
            exported = launcher.launch("audit", "export", "--from", "2000-01-01", "--to", "2100-12-31",
                    "--output", export.toString());
        } finally {
            System.clearProperty("clearance.audit.signing-key");
        }
        assertThat(exported.exitCode()).as(exported.getErrorOutput()).isEqualTo(ExitCodes.OK);
        JsonNode document = new ObjectMapper().readTree(export.toFile());
        assertThat(document.path("records").size()).isPositive();
        assertThat(document.path("signature").path("algorithm").asText()).isEqualTo("Ed25519");
        assertThat(document.path("records").findValuesAsText("actor")).contains("cli:" + System.getProperty("user.name"));

        LaunchResult anchored = launcher.launch("audit", "verify", "--anchor", export.toString(),
                "--public-key", key + ".pub");
        assertThat(anchored.exitCode()).as(anchored.getErrorOutput()).isEqualTo(ExitCodes.OK);
        assertThat(anchored.getOutput()).contains("anchor #" + document.path("head").path("seq").asLong() + " matches");

        Path otherKey = dir.resolve("other.key");
        launcher.launch("audit", "keygen", otherKey.toString());
        LaunchResult forged = launcher.launch("audit", "verify", "--anchor", export.toString(),
                "--public-key", otherKey + ".pub");
        assertThat(forged.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(forged.getErrorOutput()).contains("the anchor signature does not verify");
    }

    @Test
    void shouldExitTwoForBadDatesAndUnreadableAnchors(QuarkusMainLauncher launcher) throws Exception {
        LaunchResult dates = launcher.launch("audit", "export", "--from", "yesterday", "--to", "2026-12-31");
        assertThat(dates.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(dates.getErrorOutput()).contains("'yesterday' is not an ISO date or instant");

        Path notAnExport = Files.writeString(dir.resolve("x.json"), "{\"head\": 1}");
        assertThat(launcher.launch("audit", "verify", "--anchor", notAnExport.toString()).exitCode()).isEqualTo(ExitCodes.INPUT);
    }

    @Test
    void shouldReplayAStoredScreeningIdenticallyAndRefuseUnknownIds(QuarkusMainLauncher launcher) throws Exception {
        LaunchResult screened = launcher.launch("screen", "--format", "json", BLOCKED);
        String output = screened.getOutput();
        // The report is the JSON document; in-process launches may print log lines before it.
        java.util.regex.Matcher report = java.util.regex.Pattern.compile("(?m)^\\{$").matcher(output);
        assertThat(report.find()).as(output).isTrue();
        String id = new ObjectMapper().readTree(output.substring(report.start())).findValue("id").asText();

        LaunchResult replay = launcher.launch("screenings", "replay", id);
        assertThat(replay.exitCode()).as(replay.getErrorOutput()).isEqualTo(ExitCodes.OK);
        assertThat(replay.getOutput()).contains("decision: stored BLOCK, replayed BLOCK").contains("IDENTICAL")
                .contains("country risks and buyer history: recorded");

        assertThat(launcher.launch("screenings", "replay", "--current", id).exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(launcher.launch("screenings", "replay", UUID.randomUUID().toString()).exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(launcher.launch("screenings", "replay", "nonsense").exitCode()).isEqualTo(ExitCodes.INPUT);
    }
}
