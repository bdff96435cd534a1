package org.clearance.rules.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.clearance.rules.RulePackLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rule test runner catches what a case-by-case run cannot: rules that mix the facts of several orders. */
class RuleCaseRunnerTest {

    @TempDir
    Path pack;

    @Test
    void shouldFailACaseWhoseResultChangesWhenScreenedWithOtherOrders() throws IOException {
        Files.writeString(pack.resolve("leaky.drl"), """
                package leaky;
                import org.clearance.facts.Line;
                import org.clearance.facts.OrderParty;
                import org.clearance.facts.Finding;
                rule "LEAK-1 Lines of any order are flagged when some order has a Russian buyer"
                    @id("LEAK-1") @jurisdiction("EU") @severity("REVIEW") @citation("test") @effective("2024-01-01")
                when
                    $l : Line()
                    exists OrderParty( country == "RU" )
                then
                    insert(Finding.of(drools.getRule(), $l, "leak"));
                end
                """);
        Files.writeString(pack.resolve("leaky.tests.yaml"), """
                cases:
                  - name: Russian buyer
                    order: %s
                    expect: { decision: REVIEW, rules: [LEAK-1] }
                  - name: Kazakh buyer
                    order: %s
                    expect: { decision: CLEAR, rules: [] }
                """.formatted(order("RU"), order("KZ")));

        RuleTestReport report = new RuleCaseRunner(RulePackLoader.load(pack)).run(pack);

        assertThat(report.passed()).isEqualTo(1);
        assertThat(report.failed()).isEqualTo(1);
        assertThat(report.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.testCase()).isEqualTo("leaky.tests.yaml #2 \"Kazakh buyer\"");
            assertThat(failure.differences()).singleElement().asString()
                    .contains("when screened with other orders").contains("join every pattern on orderId");
        });
        assertThat(report.uncovered()).isEmpty();
    }

    private static String order(String buyerCountry) {
        return """
                {"id": "T-%s", "date": "2025-01-10", "seller": {"name": "Seller GmbH", "country": "DE"},
                 "buyer": {"name": "Buyer", "country": "%s"}, "route": ["DE", "%s"],
                 "lines": [{"description": "desk", "hs_code": "940360"}]}""".formatted(buyerCountry, buyerCountry, buyerCountry)
                .replace("\n", " ");
    }
}
