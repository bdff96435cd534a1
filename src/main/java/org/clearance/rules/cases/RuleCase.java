package org.clearance.rules.cases;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.clearance.facts.CountryRisk;
import org.clearance.licences.LicenceView;
import org.clearance.screening.Decision;

/**
 * One test case from a {@code *.tests.yaml} file: an order (built from a base order and changes,
 * or given whole), optionally its buyer's history (the {@code history:} fixture; null without one) and the
 * computed country risks its session sees (the {@code country_risk:} fixture; none unless the case gives them),
 * and what must come out of screening it. {@code expectedVerdicts} (regimes a case names under {@code verdicts:},
 * each CLEAR, REVIEW, BLOCK or NOT_APPLICABLE) and {@code expectedNexus} (the ids of the nexus rules that decided
 * applicability, under {@code nexus:}; null when the case does not say) are checked only when given.
 * {@code licences} is the case's licence register (the {@code licences:} fixture, in the import's JSON format).
 */
public record RuleCase(String file, int number, String name, JsonNode order, Decision expectedDecision,
                       List<String> expectedRules, HistoryFixture history, List<CountryRisk> countryRisks,
                       java.util.Map<org.clearance.facts.Jurisdiction, Decision> expectedVerdicts,
                       List<String> expectedNexus, List<LicenceView> licences) {

    public RuleCase {
        licences = licences == null ? List.of() : List.copyOf(licences);
        expectedRules = expectedRules.stream().sorted().toList();
        countryRisks = countryRisks == null ? List.of() : List.copyOf(countryRisks);
        expectedVerdicts = expectedVerdicts == null ? java.util.Map.of() : java.util.Map.copyOf(expectedVerdicts);
        expectedNexus = expectedNexus == null ? null : expectedNexus.stream().sorted().toList();
    }

    /** A case without a licence register fixture. */
    public RuleCase(String file, int number, String name, JsonNode order, Decision expectedDecision,
                    List<String> expectedRules, HistoryFixture history, List<CountryRisk> countryRisks,
                    java.util.Map<org.clearance.facts.Jurisdiction, Decision> expectedVerdicts, List<String> expectedNexus) {
        this(file, number, name, order, expectedDecision, expectedRules, history, countryRisks, expectedVerdicts,
                expectedNexus, List.of());
    }

    /** A case that checks neither verdicts nor nexus rules. */
    public RuleCase(String file, int number, String name, JsonNode order, Decision expectedDecision,
                    List<String> expectedRules, HistoryFixture history, List<CountryRisk> countryRisks) {
        this(file, number, name, order, expectedDecision, expectedRules, history, countryRisks, null, null);
    }

    /** A case without fixtures. */
    public RuleCase(String file, int number, String name, JsonNode order, Decision expectedDecision,
                    List<String> expectedRules) {
        this(file, number, name, order, expectedDecision, expectedRules, null, List.of());
    }

    /** What earlier screenings say about the case's buyer, as a rule test gives it (no database). */
    public record HistoryFixture(int previousOrders, int previousChpOrders, java.math.BigDecimal previousChpQuantity) {
    }

    public String label() {
        return file + " #" + number + " \"" + name + "\"";
    }
}
