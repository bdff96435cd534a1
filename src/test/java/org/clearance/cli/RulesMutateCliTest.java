package org.clearance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.clearance.rules.FileTrees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rules test --mutate} through the real command line, on a pack of the shipped de minimis rule. */
@QuarkusMainTest
class RulesMutateCliTest {

    private static final Path SHIPPED = Path.of("rules");

    @TempDir
    Path pack;

    @Test
    void shouldNameASurvivingMutantInJsonAndExitOneUnlessTheScoreReachesFailUnder(QuarkusMainLauncher launcher) throws IOException {
        String tests = Files.readString(SHIPPED.resolve("us/de-minimis.tests.yaml"));
        int usMade = tests.indexOf("  - name: Near miss - US-made modules");
        assertThat(usMade).isPositive();
        FileTrees.copy(SHIPPED.resolve("bases"), pack.resolve("bases"));
        FileTrees.copy(SHIPPED.resolve("data"), pack.resolve("data"));
        Files.createDirectories(pack.resolve("us"));
        Files.copy(SHIPPED.resolve("us/de-minimis.drl"), pack.resolve("us/de-minimis.drl"));
        Files.writeString(pack.resolve("us/de-minimis.tests.yaml"), tests.substring(0, usMade));

        LaunchResult strict = launcher.launch("rules", "test", "--mutate", "--format", "json", "--threads", "1", pack.toString());
        LaunchResult lenient = launcher.launch("rules", "test", "--mutate", "--fail-under", "0", "--threads", "1", pack.toString());
        LaunchResult jsonAlone = launcher.launch("rules", "test", "--format", "json", pack.toString());

        assertThat(strict.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        // Test-mode logs share stdout with the report: the report is the JSON object that starts a line.
        String output = strict.getOutput();
        java.util.regex.Matcher start = java.util.regex.Pattern.compile("(?m)^\\{$").matcher(output);
        assertThat(start.find()).isTrue();
        JsonNode report = new ObjectMapper().readTree(output.substring(start.start()));
        assertThat(report.path("mutants").findValuesAsText("message"))
                .contains("us/de-minimis.drl:25: rule US-DEMIN-01: removing \"foreignMade\" changes no test result");
        assertThat(report.path("overall").path("score").asDouble()).isLessThan(100.0);
        assertThat(report.path("timing").path("threads").asInt()).isEqualTo(1);
        assertThat(lenient.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(lenient.getOutput()).contains("SURVIVED us/de-minimis.drl:25: rule US-DEMIN-01: removing \"foreignMade\"")
                .contains("mutation score:");
        assertThat(jsonAlone.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(jsonAlone.getErrorOutput()).contains("--format json needs --mutate");
    }
}
