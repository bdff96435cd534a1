package org.clearance.screening;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clearance.facts.Finding;
import org.clearance.facts.Jurisdiction;

/**
 * The screening of one order: the decision, a verdict per jurisdiction (a finding marked ALL
 * counts for each), the findings, most severe first, and the risk score explained ({@code risk}; null when not
 * computed).
 */
public record ScreeningResult(String orderId, String source, LocalDate asOf, Decision decision,
                              Map<Jurisdiction, Decision> verdicts, List<Finding> findings, String rulePack,
                              RiskView risk) {

    private static final Comparator<Finding> MOST_SEVERE_FIRST = Comparator.comparing(Finding::severity)
            .thenComparing(Finding::ruleId).thenComparing(Finding::subjectPointer);

    public static ScreeningResult of(String orderId, String source, LocalDate asOf, List<Finding> findings,
                                     String rulePack) {
        return of(orderId, source, asOf, findings, rulePack, null);
    }

    public static ScreeningResult of(String orderId, String source, LocalDate asOf, List<Finding> findings,
                                     String rulePack, RiskView risk) {
        List<Finding> sorted = findings.stream().sorted(MOST_SEVERE_FIRST).toList();
        Map<Jurisdiction, Decision> verdicts = new LinkedHashMap<>();
        for (Jurisdiction jurisdiction : Jurisdiction.REPORTED) {
            verdicts.put(jurisdiction, Decision.of(sorted.stream()
                    .filter(f -> f.jurisdiction().covers(jurisdiction)).toList()));
        }
        return new ScreeningResult(orderId, source, asOf, Decision.of(sorted), Collections.unmodifiableMap(verdicts), sorted, rulePack,
                risk);
    }

    public List<String> ruleIds() {
        return findings.stream().map(Finding::ruleId).distinct().sorted().toList();
    }
}
