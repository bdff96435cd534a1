package org.clearance.rules.mutation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.clearance.rules.RuleCatalogue;
import org.clearance.rules.RuleInfo;
import org.clearance.rules.RulePack;
import org.clearance.rules.RulePackLoader;
import org.clearance.rules.cases.RuleCaseFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The per-rule scores a mutation run keeps beside the pack, as rules doc and the rules API read them. */
class MutationScoresTest {

    @TempDir
    Path pack;

    @Test
    void shouldKeepEachRulesScoreWithTheDayOfTheRunAndShowItOnlyWhileTheRuleIsUnchanged() throws IOException {
        DeMinimisPack.write(pack, DeMinimisPack.casesWithout("US-made modules"));
        RulePack loaded = RulePackLoader.loadUnshared(pack);
        RuleInfo rule = loaded.rules().stream().filter(r -> r.id().equals(DeMinimisPack.RULE_ID)).findFirst().orElseThrow();
        Mutant mutant = new Mutant(rule, rule.file(), rule.line(), MutationOperator.REMOVE_CONDITION, "removing \"x\"", "", null);
        MutationReport report = new MutationReport(List.of(
                new MutantResult(mutant, MutantResult.Status.KILLED, "a case"),
                new MutantResult(mutant, MutantResult.Status.KILLED, "a case"),
                new MutantResult(mutant, MutantResult.Status.TIMED_OUT, "did not terminate"),
                new MutantResult(mutant, MutantResult.Status.SURVIVED, null),
                new MutantResult(mutant, MutantResult.Status.NOT_RUN, MutationWorker.NOT_SWAPPABLE)), List.of(), Duration.ofSeconds(1), 1);
        Map<String, String> sources = RuleCatalogue.ruleSources(loaded);

        MutationScores.of(report, sources, Map.of(), LocalDate.of(2026, 12, 6)).write(pack);
        MutationScores read = MutationScores.read(pack);

        assertThat(read.ran()).isEqualTo(LocalDate.of(2026, 12, 6));
        assertThat(read.current(rule.id(), sources.get(rule.id())))
                .extracting(MutationScores.RuleScore::percent, MutationScores.RuleScore::killed,
                        MutationScores.RuleScore::timedOut, MutationScores.RuleScore::survived, MutationScores.RuleScore::notRun)
                .containsExactly(75.0, 2, 1, 1, 1);
        assertThat(read.summary(rule.id(), sources.get(rule.id()))).isEqualTo("75.0 % (2026-12-06; 1 not run)");
        String edited = sources.get(rule.id()).replace("foreignMade", "foreignMade, true");
        assertThat(read.current(rule.id(), edited)).isNull();
        assertThat(read.summary(rule.id(), edited)).isEqualTo("changed since 2026-12-06");
        assertThat(read.summary("NO-SUCH-RULE", "rule")).isEmpty();
    }

    @Test
    void shouldHoldAScoreOnlyWhileTheRuleItsTestsAndItsDataAreAsMeasured() throws IOException {
        DeMinimisPack.write(pack, DeMinimisPack.casesWithout("US-made modules"));
        RulePack loaded = RulePackLoader.loadUnshared(pack);
        RuleInfo rule = loaded.rules().stream().filter(r -> r.id().equals(DeMinimisPack.RULE_ID)).findFirst().orElseThrow();
        Mutant mutant = new Mutant(rule, rule.file(), rule.line(), MutationOperator.REMOVE_CONDITION, "removing \"x\"", "", null);
        MutationReport report = new MutationReport(List.of(new MutantResult(mutant, MutantResult.Status.KILLED, "a case")),
                List.of(), Duration.ofSeconds(1), 1);
        Map<String, String> sources = RuleCatalogue.ruleSources(loaded);
        MutationScores.of(report, sources, inputs(loaded), LocalDate.of(2026, 12, 7)).write(pack);

        assertThat(MutationScores.read(pack).notHolding(sources, inputs(loaded))).doesNotContain(rule.id())
                .as("rules the run did not measure").isNotEmpty();

        Files.writeString(pack.resolve("us/unrelated.tests.yaml"), "cases: []\n");
        assertThat(MutationScores.read(pack).notHolding(sources, inputs(loaded))).doesNotContain(rule.id());

        Path tests = pack.resolve("us/de-minimis.tests.yaml");
        String measured = Files.readString(tests);
        Files.writeString(tests, DeMinimisPack.casesWithout("US-made modules").replaceFirst("\n  - name: [^\n]*\n", "\n  - name: renamed\n"));
        assertThat(MutationScores.read(pack).notHolding(sources, inputs(loaded))).as("its tests changed").contains(rule.id());
        Files.writeString(tests, measured);

        Path thresholds = pack.resolve(loaded.dataSets().stream().filter(d -> d.name().equals("us/de-minimis-thresholds"))
                .findFirst().orElseThrow().file());
        Files.writeString(thresholds, Files.readString(thresholds) + "\n");
        assertThat(MutationScores.read(pack).notHolding(sources, inputs(loaded))).as("its data changed").contains(rule.id());
    }

    private Map<String, String> inputs(RulePack loaded) {
        return MutationInputs.of(loaded, RuleCatalogue.ruleSources(loaded),
                RuleCaseFiles.readAll(pack, new java.util.ArrayList<>()));
    }

    @Test
    void shouldReadAPackWithoutScoresAsNeverMeasuredAndRefuseABrokenFileWithAClearMessage() throws IOException {
        assertThat(MutationScores.read(pack).rules()).isEmpty();

        Files.writeString(pack.resolve(MutationScores.FILE), "{ \"ran\": \"yesterday\" }");

        assertThatThrownBy(() -> MutationScores.read(pack)).isInstanceOf(MutationScores.UnreadableException.class)
                .hasMessageStartingWith("mutation-scores.json: not the scores 'rules test --mutate' writes")
                .hasMessageEndingWith("run it again or delete the file");
    }
}
