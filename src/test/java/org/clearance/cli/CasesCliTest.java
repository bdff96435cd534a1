package org.clearance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code clearance cases list|show|act|dispose} as the jar's main, with its exit codes. */
@QuarkusMainTest
@Tag("cli")
class CasesCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void shouldWorkABlockedOrdersCaseAndRefuseTheSameOperatorsApproval(QuarkusMainLauncher launcher) throws Exception {
        String orderId = "CLI-CASE-" + UUID.randomUUID();
        ObjectNode order = (ObjectNode) JSON.readTree(Files.readString(Path.of("examples/orders/25-us-valves-to-crimea.json")));
        order.put("id", orderId);
        Path file = Files.writeString(dir.resolve("order.json"), order.toString());
        assertThat(launcher.launch("screen", file.toString()).exitCode()).isEqualTo(ExitCodes.FINDINGS);

        LaunchResult listed = launcher.launch("cases", "list", "-q", orderId, "--format", "json");
        assertThat(listed.exitCode()).as(listed.getErrorOutput()).isEqualTo(ExitCodes.OK);
        JsonNode page = JSON.readTree(CiReportsCliTest.json(listed.getOutput()));
        assertThat(page.path("total").asLong()).isEqualTo(1);
        String caseId = page.path("items").path(0).path("id").asText();

        LaunchResult shown = launcher.launch("cases", "show", caseId);
        assertThat(shown.getOutput()).contains("status open", "decision BLOCK", "finding:US-CRIMEA-01:");

        LaunchResult proposed = launcher.launch("cases", "act", caseId, "release", "--reason", "Irrigation valves, verified");
        assertThat(proposed.exitCode()).as(proposed.getErrorOutput()).isEqualTo(ExitCodes.OK);
        assertThat(proposed.getOutput()).contains("release proposed by cli:");

        LaunchResult approved = launcher.launch("cases", "act", caseId, "approve", "--reason", "me again");
        assertThat(approved.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(approved.getErrorOutput()).contains("Four-eyes rule", "(four-eyes)");

        LaunchResult rejected = launcher.launch("cases", "act", caseId, "reject", "--reason", "Crimea", "--format", "json");
        assertThat(rejected.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(JSON.readTree(CiReportsCliTest.json(rejected.getOutput())).path("timeline").findValuesAsText("action"))
                .containsExactly("opened", "release", "reject");
    }

    @Test
    void shouldNameBadInputWithExitTwo(QuarkusMainLauncher launcher) {
        LaunchResult noReason = launcher.launch("cases", "act", UUID.randomUUID().toString(), "release");
        assertThat(noReason.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(noReason.getErrorOutput()).contains("/reason is required for release");

        LaunchResult unknown = launcher.launch("cases", "act", UUID.randomUUID().toString(), "comment", "--reason", "x");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(unknown.getErrorOutput()).contains("No case with id");

        LaunchResult notAnId = launcher.launch("cases", "show", "12; DROP TABLE");
        assertThat(notAnId.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(notAnId.getErrorOutput()).contains("is not a case id");

        LaunchResult badFilter = launcher.launch("cases", "list", "--status", "done");
        assertThat(badFilter.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(badFilter.getErrorOutput()).contains("status must be open, in_review");
    }
}
