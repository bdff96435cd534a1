package org.clearance.rules.cases;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.clearance.facts.CountryRisk;
import org.clearance.screening.Decision;

/**
 * One test case from a {@code *.tests.yaml} file: an order (built from a base order and changes,
 * or given whole) and what must come out of screening it. {@code countryRisks} are the computed country risks
 * its session sees (the {@code country_risk:} fixture; none unless the case gives them).
 */
public record RuleCase(String file, int number, String name, JsonNode order, Decision expectedDecision,
                       List<String> expectedRules, List<CountryRisk> countryRisks) {

    public RuleCase {
        expectedRules = expectedRules.stream().sorted().toList();
        countryRisks = countryRisks == null ? List.of() : List.copyOf(countryRisks);
    }

    /** A case without country risk fixtures. */
    public RuleCase(String file, int number, String name, JsonNode order, Decision expectedDecision,
                    List<String> expectedRules) {
        this(file, number, name, order, expectedDecision, expectedRules, List.of());
    }

    public String label() {
        return file + " #" + number + " \"" + name + "\"";
    }
}
