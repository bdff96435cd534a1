package org.clearance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code clearance cases list|show|act|dispose} through the command line, with its exit codes. */
@QuarkusTest
@Tag("cli")
class CasesCliTest {

    @Inject
    Cli cli;

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void shouldWorkABlockedOrdersCaseAndRefuseTheSameOperatorsApproval() throws Exception {
        String orderId = "CLI-CASE-" + UUID.randomUUID();
        ObjectNode order = (ObjectNode) JSON.readTree(Files.readString(Path.of("examples/orders/25-us-valves-to-crimea.json")));
        order.put("id", orderId);
        Path file = Files.writeString(dir.resolve("order.json"), order.toString());
        assertThat(cli.launch("screen", file.toString()).exitCode()).isEqualTo(ExitCodes.FINDINGS);

        CliRun listed = cli.launch("cases", "list", "-q", orderId, "--format", "json");
        assertThat(listed.exitCode()).as(listed.errors()).isEqualTo(ExitCodes.OK);
        JsonNode page = JSON.readTree(CiReportsCliTest.json(listed.output()));
        assertThat(page.path("total").asLong()).isEqualTo(1);
        String caseId = page.path("items").path(0).path("id").asText();

        CliRun shown = cli.launch("cases", "show", caseId);
        assertThat(shown.output()).contains("status open", "decision BLOCK", "finding:US-CRIMEA-01:");

        CliRun proposed = cli.launch("cases", "act", caseId, "release", "--reason", "Irrigation valves, verified");
        assertThat(proposed.exitCode()).as(proposed.errors()).isEqualTo(ExitCodes.OK);
        assertThat(proposed.output()).contains("release proposed by cli:");

        CliRun approved = cli.launch("cases", "act", caseId, "approve", "--reason", "me again");
        assertThat(approved.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(approved.errors()).contains("Four-eyes rule", "(four-eyes)");

        CliRun rejected = cli.launch("cases", "act", caseId, "reject", "--reason", "Crimea", "--format", "json");
        assertThat(rejected.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(JSON.readTree(CiReportsCliTest.json(rejected.output())).path("timeline").findValuesAsText("action"))
                .containsExactly("opened", "release", "reject");
    }

    @Test
    void shouldNameBadInputWithExitTwo() {
        CliRun noReason = cli.launch("cases", "act", UUID.randomUUID().toString(), "release");
        assertThat(noReason.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(noReason.errors()).contains("/reason is required for release");

        CliRun unknown = cli.launch("cases", "act", UUID.randomUUID().toString(), "comment", "--reason", "x");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(unknown.errors()).contains("No case with id");

        CliRun notAnId = cli.launch("cases", "show", "12; DROP TABLE");
        assertThat(notAnId.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(notAnId.errors()).contains("is not a case id");

        CliRun badFilter = cli.launch("cases", "list", "--status", "done");
        assertThat(badFilter.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(badFilter.errors()).contains("status must be open, in_review");
    }
}
