package org.clearance.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.clearance.facts.Finding;
import org.clearance.facts.OrderParty;
import org.clearance.rules.RulePack;
import org.clearance.rules.RulePackLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 6: an order whose paperwork names a Turkish or Kyrgyz buyer, with no Russian party, but whose route, payer
 * and parties show the usual diversion pattern, reaches REVIEW - and the risk score explains why, contribution by
 * contribution, even without the diversion-country rule.
 */
class DiversionPatternExamplesTest {

    private static RulePack pack;

    @BeforeAll
    static void loadPack() {
        pack = RulePackLoader.load(Path.of("rules"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"26-turkish-buyer-diversion-pattern.json", "27-kyrgyz-buyer-diversion-pattern.json"})
    void shouldReachReviewWithAnExplainedRiskScoreAlthoughNoPartyIsRussian(String file) throws IOException {
        Screener.Batch batch = new Screener(pack).screen(file, Files.readString(Path.of("examples/orders", file)), null);
        ScreeningResult result = batch.results().get(0);

        assertThat(batch.items().get(0).parsed().order().parties()).extracting(OrderParty::country)
                .doesNotContain("RU", "BY");
        assertThat(result.decision()).isEqualTo(Decision.REVIEW);
        assertThat(result.risk().score()).isGreaterThanOrEqualTo(result.risk().reviewScore());
        assertThat(result.risk().contributions()).extracting(RiskView.Contribution::factor)
                .contains("country-source", "US-RF-PAYER-01", "US-RF-FWD-01", "US-RF-NEWCO-01");
        Finding risk = result.findings().stream().filter(f -> f.ruleId().equals("ALL-RISK-01")).findFirst().orElseThrow();
        assertThat(risk.message()).contains("Risk score " + result.risk().score(), "third-country payer",
                "freight forwarder as final recipient", "named by");
    }

    @ParameterizedTest
    @ValueSource(strings = {"26-turkish-buyer-diversion-pattern.json", "27-kyrgyz-buyer-diversion-pattern.json"})
    void shouldStillReachReviewOnRiskAloneWithoutTheDiversionCountryRule(String file) throws IOException {
        Screener.Batch batch = new Screener(pack).screen(file, Files.readString(Path.of("examples/orders", file)), null);
        List<Finding> findings = batch.results().get(0).findings();

        Set<String> reviewRulesOtherThanDiversion = new java.util.TreeSet<>(findings.stream()
                .filter(f -> f.severity() == org.clearance.facts.Severity.REVIEW)
                .map(Finding::ruleId).filter(id -> !id.equals("ALL-DIV-01")).toList());
        assertThat(reviewRulesOtherThanDiversion).contains("ALL-RISK-01");
    }
}
