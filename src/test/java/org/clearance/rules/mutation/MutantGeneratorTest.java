package org.clearance.rules.mutation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.clearance.rules.RuleInfo;
import org.clearance.rules.RulePackLoader;
import org.clearance.testing.BesideTheApplication;
import org.junit.jupiter.api.Test;

/** The mutants generated from a shipped rule file. */
@BesideTheApplication
class MutantGeneratorTest {

    private static final Path RULES = Path.of("rules");

    @Test
    void shouldNotRemoveAnOrderJoinTheAgendaFilterEnforcesButRemoveItWhereItCounts() {
        List<String> problems = new ArrayList<>();
        Map<String, RuleInfo> rules = RulePackLoader.load(RULES).rules().stream()
                .collect(Collectors.toMap(RuleInfo::qualifiedName, Function.identity()));

        List<Mutant> mutants = MutantGenerator.generate(RULES, "eu/nexus.drl", rules, problems).stream()
                .flatMap(r -> r.mutants().stream()).toList();

        assertThat(problems).isEmpty();
        // OrderParty( orderId == $o.id, … ) is matched: a match of two orders' facts never fires, so removing it is equivalent.
        assertThat(mutants).filteredOn(m -> m.rule().id().equals("EU-NEXUS-U1"))
                .extracting(Mutant::description).doesNotContain("removing \"orderId == $o.id\"")
                .contains("changing \"==\" to \"!=\" in \"orderId == $o.id\"");
        // Inside an accumulate the stops of other orders would be collected, and inside "not" they would count.
        assertThat(mutants).filteredOn(m -> m.rule().id().equals("EU-NEXUS-01"))
                .extracting(Mutant::description).contains("removing \"orderId == $o.id\"");
        assertThat(mutants).filteredOn(m -> m.rule().id().equals("EU-NEXUS-00"))
                .extracting(Mutant::description).contains("removing \"orderId == $o.id\"");
    }

    @Test
    void shouldNotRemoveTheJoinOfAMatchedOrderOnAnotherMatchedFactsOrder() {
        List<String> problems = new ArrayList<>();
        Map<String, RuleInfo> rules = RulePackLoader.load(RULES).rules().stream()
                .collect(Collectors.toMap(RuleInfo::qualifiedName, Function.identity()));

        List<Mutant> mutants = MutantGenerator.generate(RULES, "us/listed-parties.drl", rules, problems).stream()
                .flatMap(r -> r.mutants().stream()).filter(m -> m.rule().id().equals("US-LIST-MEU-01")).toList();

        // $order : Order( id == $m.orderId ) beside $m : PartyMatch(…): the filter refuses a match of two orders.
        assertThat(mutants).extracting(Mutant::description).doesNotContain("removing \"id == $m.orderId\"")
                .contains("changing \"==\" to \"!=\" in \"id == $m.orderId\"");
    }
}
