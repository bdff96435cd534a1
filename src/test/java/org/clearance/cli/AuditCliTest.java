package org.clearance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.clearance.testing.OwnDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code clearance audit verify|export|keygen} and {@code clearance screenings replay} through the command line. */
@QuarkusTest
@Tag("cli")
@TestProfile(OwnDatabase.class)
class AuditCliTest {

    @Inject
    Cli cli;

    private static final String BLOCKED = "examples/orders/13-hk-trader-fpga-to-russia-via-kyrgyzstan.json";

    @TempDir
    Path dir;

    @Test
    void shouldVerifyExportSignedAndVerifyAgainstTheExportedAnchor() throws Exception {
        assertThat(cli.launch("screen", BLOCKED).exitCode()).isEqualTo(ExitCodes.FINDINGS);
        Path key = OwnDatabase.SIGNING_KEY;
        Files.createDirectories(key.getParent());
        Files.deleteIfExists(key);
        Files.deleteIfExists(Path.of(key + ".pub"));
        assertThat(cli.launch("audit", "keygen", key.toString()).exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(cli.launch("audit", "keygen", key.toString()).exitCode()).isEqualTo(ExitCodes.INPUT);

        CliRun verify = cli.launch("audit", "verify");
        assertThat(verify.exitCode()).as(verify.errors()).isEqualTo(ExitCodes.OK);
        assertThat(verify.output()).contains("audit trail intact");

        Path export = dir.resolve("export.json");
        CliRun exported = cli.launch("audit", "export", "--from", "2000-01-01", "--to", "2100-12-31",
                "--output", export.toString());
        assertThat(exported.exitCode()).as(exported.errors()).isEqualTo(ExitCodes.OK);
        JsonNode document = new ObjectMapper().readTree(export.toFile());
        assertThat(document.path("records").size()).isPositive();
        assertThat(document.path("signature").path("algorithm").asText()).isEqualTo("Ed25519");
        assertThat(document.path("records").findValuesAsText("actor")).contains("cli:" + System.getProperty("user.name"));

        CliRun anchored = cli.launch("audit", "verify", "--anchor", export.toString(),
                "--public-key", key + ".pub");
        assertThat(anchored.exitCode()).as(anchored.errors()).isEqualTo(ExitCodes.OK);
        assertThat(anchored.output()).contains("anchor #" + document.path("head").path("seq").asLong() + " matches");

        Path otherKey = dir.resolve("other.key");
        cli.launch("audit", "keygen", otherKey.toString());
        CliRun forged = cli.launch("audit", "verify", "--anchor", export.toString(),
                "--public-key", otherKey + ".pub");
        assertThat(forged.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(forged.errors()).contains("the anchor signature does not verify");
    }

    @Test
    void shouldExitTwoForBadDatesAndUnreadableAnchors() throws Exception {
        CliRun dates = cli.launch("audit", "export", "--from", "yesterday", "--to", "2026-12-31");
        assertThat(dates.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(dates.errors()).contains("'yesterday' is not an ISO date or instant");

        Path notAnExport = Files.writeString(dir.resolve("x.json"), "{\"head\": 1}");
        assertThat(cli.launch("audit", "verify", "--anchor", notAnExport.toString()).exitCode()).isEqualTo(ExitCodes.INPUT);
    }

    @Test
    void shouldReplayAStoredScreeningIdenticallyAndRefuseUnknownIds() throws Exception {
        CliRun screened = cli.launch("screen", "--format", "json", BLOCKED);
        String output = screened.output();
        // The report is the JSON document, from its first line that opens an object.
        java.util.regex.Matcher report = java.util.regex.Pattern.compile("(?m)^\\{$").matcher(output);
        assertThat(report.find()).as(output).isTrue();
        String id = new ObjectMapper().readTree(output.substring(report.start())).findValue("id").asText();

        CliRun replay = cli.launch("screenings", "replay", id);
        assertThat(replay.exitCode()).as(replay.errors()).isEqualTo(ExitCodes.OK);
        assertThat(replay.output()).contains("decision: stored BLOCK, replayed BLOCK").contains("IDENTICAL")
                .contains("country risks and buyer history: recorded");

        assertThat(cli.launch("screenings", "replay", "--current", id).exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(cli.launch("screenings", "replay", UUID.randomUUID().toString()).exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(cli.launch("screenings", "replay", "nonsense").exitCode()).isEqualTo(ExitCodes.INPUT);
    }
}
