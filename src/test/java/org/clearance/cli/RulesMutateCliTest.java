package org.clearance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.clearance.rules.mutation.DeMinimisPack;
import org.clearance.rules.mutation.MutationScores;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rules test --mutate} through the real command line, on a pack of the shipped de minimis rule, and the scores
 * it keeps for {@code rules doc}.
 */
@QuarkusTest
@Tag("cli")
class RulesMutateCliTest {

    @Inject
    Cli cli;

    @TempDir
    Path pack;

    @Test
    void shouldNameASurvivingMutantInJsonAndExitOneUnlessTheScoreReachesFailUnder() throws IOException {
        DeMinimisPack.write(pack, DeMinimisPack.casesWithout("US-made modules"));

        CliRun strict = cli.launch("rules", "test", "--mutate", "--format", "json", "--threads", "1", pack.toString());
        CliRun lenient = cli.launch("rules", "test", "--mutate", "--fail-under", "0", "--threads", "1", pack.toString());
        CliRun jsonAlone = cli.launch("rules", "test", "--format", "json", pack.toString());

        assertThat(strict.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        // Test-mode logs share stdout with the report: the report is the JSON object that starts a line.
        String output = strict.output();
        java.util.regex.Matcher start = java.util.regex.Pattern.compile("(?m)^\\{$").matcher(output);
        assertThat(start.find()).isTrue();
        JsonNode report = new ObjectMapper().readTree(output.substring(start.start()));
        assertThat(report.path("mutants").findValuesAsText("message"))
                .contains(DeMinimisPack.foreignMadeSurvivor() + " changes no test result");
        assertThat(report.path("overall").path("score").asDouble()).isLessThan(100.0);
        assertThat(report.path("timing").path("threads").asInt()).isEqualTo(1);
        assertThat(lenient.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(lenient.output()).contains("SURVIVED " + DeMinimisPack.foreignMadeSurvivor())
                .contains("mutation score:");
        // The run keeps each rule's score beside the pack, for rules doc and GET /api/v1/rules.
        MutationScores kept = MutationScores.read(pack);
        assertThat(kept.ran()).isEqualTo(java.time.LocalDate.now());
        assertThat(kept.rules().get("US-DEMIN-01").survived()).isPositive();
        assertThat(kept.rules().get("US-DEMIN-01").percent()).isLessThan(100.0);
        CliRun doc = cli.launch("rules", "doc", "--rules", pack.toString(), "-o", "-");
        assertThat(doc.output()).containsPattern("\\| US-DEMIN-01 \\|.*\\| [0-9.]+ % \\(" + kept.ran() + "\\) \\| us/de-minimis.drl \\|");
        assertThat(jsonAlone.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(jsonAlone.errors()).contains("--format json needs --mutate");
    }

    @Test
    void shouldMutateOnlyTheNamedRuleFileAndKeepTheScoresOfTheOtherRules() throws IOException {
        DeMinimisPack.write(pack, DeMinimisPack.casesWithout("US-made modules"));
        MutationScores.RuleScore other = new MutationScores.RuleScore(50.0, 1, 0, 1, 0, 0, 0, "0123456789abcdef", null);
        new MutationScores(LocalDate.now(), Map.of("US-OTHER-01", other)).write(pack);

        CliRun run = cli.launch("rules", "test", "--mutate", "--mutate-only", "./" + DeMinimisPack.RULE_FILE,
                "--fail-under", "0", "--threads", "1", pack.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.output()).contains("SURVIVED " + DeMinimisPack.foreignMadeSurvivor())
                .contains("file " + DeMinimisPack.RULE_FILE + ":");
        MutationScores kept = MutationScores.read(pack);
        assertThat(kept.rules()).containsEntry("US-OTHER-01", other);
        assertThat(kept.rules().get("US-DEMIN-01").survived()).isPositive();
    }

    @Test
    void shouldKeepScoresOfAnotherDayWhenOnlyOneFileIsMutated() throws IOException {
        DeMinimisPack.write(pack, DeMinimisPack.casesWithout("US-made modules"));
        MutationScores.RuleScore other = new MutationScores.RuleScore(50.0, 1, 0, 1, 0, 0, 0, "0123456789abcdef", null);
        MutationScores before = new MutationScores(LocalDate.now().minusDays(3), Map.of("US-OTHER-01", other));
        before.write(pack);

        CliRun run = cli.launch("rules", "test", "--mutate", "--mutate-only", DeMinimisPack.RULE_FILE,
                "--fail-under", "0", "--threads", "1", pack.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.errors()).contains("the scores are not kept: mutation-scores.json is of another day");
        assertThat(MutationScores.read(pack)).isEqualTo(before);
    }

    @Test
    void shouldRefuseAMutateOnlyFileThatIsNotARuleFileOfThePack() throws IOException {
        DeMinimisPack.write(pack, DeMinimisPack.casesWithout("US-made modules"));

        CliRun unknown = cli.launch("rules", "test", "--mutate", "--mutate-only", "us/de-minimis.tests.yaml", pack.toString());
        CliRun withoutMutate = cli.launch("rules", "test", "--mutate-only", DeMinimisPack.RULE_FILE, pack.toString());

        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(unknown.errors()).contains("--mutate-only us/de-minimis.tests.yaml: no rule file of the pack in " + pack)
                .contains("one of: " + DeMinimisPack.CLASSIFICATION_FILE + ", " + DeMinimisPack.RULE_FILE);
        assertThat(withoutMutate.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(withoutMutate.errors()).contains("--mutate-only needs --mutate");
    }
}
