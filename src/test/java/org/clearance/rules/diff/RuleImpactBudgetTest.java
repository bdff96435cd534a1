package org.clearance.rules.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.clearance.order.OrderDocument;
import org.clearance.parties.FixtureLists;
import org.clearance.rules.RulePack;
import org.clearance.rules.RulePackLoader;
import org.clearance.rules.guard.HostilePacks;
import org.clearance.rules.guard.TimeBudget;
import org.clearance.testing.BesideTheApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A compared pack whose rule never finishes stops the replay at the budget instead of hanging {@code rules diff}. */
@BesideTheApplication
class RuleImpactBudgetTest {

    private static final Path ORDER = Path.of("examples/orders/01-turkish-distributor-chips-to-russia.json");

    @TempDir
    Path base;

    @TempDir
    Path head;

    @Test
    void shouldStopTheReplayOnAPackThatNeverFinishes() throws Exception {
        RulePack harmless = RulePackLoader.load(HostilePacks.pack(base, List.of()));
        RulePack endless = RulePackLoader.load(HostilePacks.budgetPack(head));
        ObjectNode order = (ObjectNode) new ObjectMapper().readTree(ORDER.toFile());
        order.withArray("lines").forEach(line -> ((ObjectNode) line).remove(List.of("hs_code", "eccn")));
        List<OrderDocument> corpus = List.of(new OrderDocument("unclassified.json", "", order));
        RuleImpact impact = new RuleImpact(FixtureLists.finder(base.resolve("rules/bases/lists")), Duration.ofSeconds(2));

        Instant started = Instant.now();
        assertThatThrownBy(() -> impact.compare(harmless, "base", endless, "head", corpus, null))
                .isInstanceOf(TimeBudget.ExceededException.class)
                .hasMessageContaining("the screenings on the compared pack did not finish within 2 s");
        assertThat(Duration.between(started, Instant.now())).isLessThan(Duration.ofSeconds(30));
        assertThat(impact.compare(harmless, "base", harmless, "head", corpus, null).ordersReplayed()).isEqualTo(1);
    }
}
