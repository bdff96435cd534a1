package org.clearance.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Which shipped rules cannot fire or read partial data, from the completeness their data files declare. */
class RuleCoverageTest {

    private static RulePack pack;

    @BeforeAll
    static void load() {
        pack = RulePackLoader.load(Path.of("rules"));
    }

    @Test
    void shouldMarkARuleWhoseOnlyListShipsEmptyAsUnableToFire() {
        RuleCoverage luxury = pack.incompleteCoverage().get("US-LUX-01");

        assertThat(luxury.cannotFire()).isTrue();
        assertThat(luxury.summary()).startsWith("cannot fire on real orders: us/supp5-luxury-hts6 is empty (");
    }

    @Test
    void shouldNotMarkALookupOfSeveralListsUnableToFireWhileOneHasRows() {
        RuleCoverage hts = pack.incompleteCoverage().get("US-HTS-01");

        assertThat(hts.cannotFire()).isFalse();
        assertThat(hts.summary()).contains("partial data: us/supp4-industry-sector-hts6 (")
                .contains("no data yet: us/supp7-hts6 is empty (");
    }

    @Test
    void shouldNotCountAskingWhetherAListIsCompleteAsReadingIt() {
        Map<String, RuleCoverage> incomplete = pack.incompleteCoverage();

        assertThat(incomplete.get("UK-UNLISTED-01").gaps()).extracting(g -> g.dataset())
                .containsExactly("common/broad-categories"); // not uk/schedule-goods-hs6, which it only asks about
        assertThat(incomplete.values()).allSatisfy(c -> assertThat(c.gaps()).allMatch(g -> !g.complete()));
        assertThat(RuleCoverage.withoutCompletenessChecks(
                "DataCompleteness( dataset in ( \"a\", \"b\" ), !complete ) DataRow( dataset == \"c\" )"))
                .isEqualTo(" DataRow( dataset == \"c\" )");
    }
}
