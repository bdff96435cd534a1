package org.clearance.rules.mutation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import org.clearance.rules.RuleCatalogue;
import org.clearance.rules.RulePack;
import org.clearance.rules.RulePackLoader;
import org.clearance.rules.cases.RuleCaseFiles;
import org.clearance.testing.BesideTheApplication;
import org.junit.jupiter.api.Test;

/**
 * The shipped pack's mutation scores in every build, without the minutes of a whole run: a score recorded in
 * {@code rules/mutation-scores.json} stands while the rule, its tests files and its data files are as they were
 * measured ({@link MutationInputs}); the rules whose scores do not stand are mutation-tested here. Together they may
 * not fall below {@link ShippedPackMutationTest#FLOOR}, and no rule measured here may score lower than it did.
 * {@code ./clearance rules test --mutate} records them again.
 */
@BesideTheApplication
class ShippedPackScoresTest {

    @Test
    void shouldMeasureEveryRuleWhoseScoreNoLongerStandsAndKeepThePackAboveTheFloor() {
        Path rules = Path.of("rules");
        RulePack pack = RulePackLoader.load(rules);
        List<String> problems = new ArrayList<>();
        Map<String, String> sources = RuleCatalogue.ruleSources(pack);
        Map<String, String> inputs = MutationInputs.of(pack, sources, RuleCaseFiles.readAll(pack.directory(), problems));
        MutationScores recorded = MutationScores.read(rules);
        SortedSet<String> notStanding = recorded.notHolding(sources, inputs);
        assertThat(problems).isEmpty();

        List<MutationReport.Score> scores = new ArrayList<>();
        recorded.rules().forEach((id, score) -> {
            if (sources.containsKey(id) && !notStanding.contains(id)) {
                scores.add(new MutationReport.Score(id, score.killed(), score.timedOut(), score.survived(), score.equivalent(),
                        score.notCompiled(), score.notRun()));
            }
        });
        if (!notStanding.isEmpty()) {
            System.out.println("mutation-testing " + notStanding.size() + " rules whose recorded scores do not stand: "
                    + String.join(", ", notStanding) + " (./clearance rules test --mutate records them)");
            MutationReport report = MutationTester.run(rules, 2, notStanding);
            assertThat(report.problems()).isEmpty();
            for (MutationReport.Score measured : report.byRule()) {
                MutationScores.RuleScore before = recorded.rules().get(measured.name());
                double now = Math.round(measured.percent() * 10) / 10.0; // as recorded
                assertThat(now).as("%s now, against %s recorded; survivors:%n%s", measured.name(),
                                before == null ? "none" : before.percent() + " %", survivors(report, measured.name()))
                        .isGreaterThanOrEqualTo(before == null ? ShippedPackMutationTest.FLOOR : before.percent());
                scores.add(measured);
            }
        }

        assertThat(sum(scores).percent()).as("the shipped pack's mutation score").isGreaterThanOrEqualTo(ShippedPackMutationTest.FLOOR);
    }

    private static String survivors(MutationReport report, String rule) {
        return String.join("\n", report.survivors().stream().filter(r -> r.mutant().rule().id().equals(rule))
                .map(r -> r.mutant().survivorMessage()).toList());
    }

    private static MutationReport.Score sum(List<MutationReport.Score> scores) {
        return new MutationReport.Score("pack", scores.stream().mapToInt(MutationReport.Score::killed).sum(),
                scores.stream().mapToInt(MutationReport.Score::timedOut).sum(),
                scores.stream().mapToInt(MutationReport.Score::survived).sum(),
                scores.stream().mapToInt(MutationReport.Score::equivalent).sum(),
                scores.stream().mapToInt(MutationReport.Score::notCompiled).sum(),
                scores.stream().mapToInt(MutationReport.Score::notRun).sum());
    }
}
