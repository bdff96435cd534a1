package org.clearance.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.clearance.testing.BesideTheApplication;
import org.junit.jupiter.api.Test;

/**
 * The screening benchmark's corpus fires every decision rule of the shipped pack, so that its figures measure the
 * rules production runs: a small corpus (2,000 orders, 5,000 synthetic list names beside the fixture lists), screened
 * once, nothing timed.
 */
@BesideTheApplication
class ScreeningCorpusTest {

    @Test
    void everyDecisionRuleFires() {
        Path rules = Path.of("rules");
        BenchLists.Built lists = BenchLists.build(rules.resolve("bases").resolve("lists"), 5_000, Optional.empty());
        try (ScreeningCorpus corpus = ScreeningCorpus.build(rules, 2_000, lists.finder(), false)) {
            DecisionRulesFired fired = DecisionRulesFired.of(corpus.pack(), corpus.screenAll());

            assertThat(fired.missing()).as(fired.summary()).isEmpty();
            assertThat(fired.decisionRules()).isNotEmpty();
            assertThat(corpus.size()).isGreaterThanOrEqualTo(2_000);
            assertThat(lists.sampleLists()).isFalse();
            assertThat(lists.corpusNames()).isGreaterThanOrEqualTo(5_000);
        }
    }
}
