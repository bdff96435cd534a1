package org.clearance.rules.cases;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.clearance.screening.Decision;

/**
 * One test case from a {@code *.tests.yaml} file: an order (built from a base order and changes,
 * or given whole) and what must come out of screening it.
 */
public record RuleCase(String file, int number, String name, JsonNode order, Decision expectedDecision,
                       List<String> expectedRules) {

    public RuleCase {
        expectedRules = expectedRules.stream().sorted().toList();
    }

    public String label() {
        return file + " #" + number + " \"" + name + "\"";
    }
}
