package org.clearance.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.clearance.facts.Finding;
import org.clearance.facts.Jurisdiction;
import org.clearance.facts.Severity;
import org.junit.jupiter.api.Test;

/** A screening lists its findings in one order whatever order the engine produced them in. */
class FindingOrderTest {

    private static Finding listed(String entry) {
        return new Finding("o1", "US-LIST-EL-01", Jurisdiction.US, Severity.BLOCK, "15 CFR 744.11", null,
                "buyer matches " + entry, "/buyer", "buyer");
    }

    @Test
    void shouldOrderTwoFindingsOfOneRuleOnOneSubjectByTheirMessage() {
        Finding first = listed("ALPHA TRADING");
        Finding second = listed("BETA TRADING");
        Finding review = new Finding("o1", "ALL-DIV-01", Jurisdiction.ALL, Severity.REVIEW, "guidance", null,
                "diversion risk", "", "order o1");

        List<Finding> oneWay = ScreeningResult.of("o1", "a.json", LocalDate.of(2026, 1, 5),
                List.of(review, second, first), "pack").findings();
        List<Finding> otherWay = ScreeningResult.of("o1", "a.json", LocalDate.of(2026, 1, 5),
                List.of(first, review, second), "pack").findings();

        assertThat(oneWay).containsExactly(first, second, review);
        assertThat(otherWay).isEqualTo(oneWay);
    }
}
