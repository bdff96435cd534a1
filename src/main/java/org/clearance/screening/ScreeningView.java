package org.clearance.screening;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clearance.facts.Jurisdiction;

/**
 * A screening as reported by the API and the CLI's JSON format. {@code applicability} says why each regime applies
 * or not (absent for screenings stored before nexus rules).
 */
public record ScreeningView(UUID id, String orderId, String source, LocalDate asOf, Decision decision,
                            Map<Jurisdiction, Decision> verdicts, List<FindingView> findings, String rulePack,
                            Instant screenedAt, RiskView risk, Map<Jurisdiction, NexusView> applicability) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<Jurisdiction, NexusView>> NEXUS = new TypeReference<>() {
    };

    public static ScreeningView of(UUID id, ScreeningResult result, Instant screenedAt) {
        return new ScreeningView(id, result.orderId(), result.source(), result.asOf(), result.decision(),
                result.verdicts(), result.findings().stream().map(FindingView::of).toList(), result.rulePack(),
                screenedAt, result.risk(), result.applicability());
    }

    /** The applicability as stored with a screening. */
    static String applicabilityJson(Map<Jurisdiction, NexusView> applicability) {
        try {
            return applicability == null ? null : JSON.writeValueAsString(applicability);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("applicability is plain data and always serialisable", e);
        }
    }

    private static Map<Jurisdiction, NexusView> applicability(String json) {
        try {
            return json == null ? null : JSON.readValue(json, NEXUS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored applicability is written by applicabilityJson", e);
        }
    }

    public static ScreeningView of(Screening stored) {
        Map<Jurisdiction, Decision> verdicts = new java.util.LinkedHashMap<>();
        verdicts.put(Jurisdiction.US, stored.verdictUs);
        verdicts.put(Jurisdiction.EU, stored.verdictEu);
        verdicts.put(Jurisdiction.UK, stored.verdictUk);
        verdicts.put(Jurisdiction.JP, stored.verdictJp);
        return new ScreeningView(stored.id, stored.orderId, stored.source, stored.asOf, stored.decision, verdicts,
                stored.findings.stream().map(f -> FindingView.of(f.toFinding(stored.orderId))).toList(),
                stored.rulePack, stored.screenedAt, stored.riskScore == null ? null
                        : new RiskView(stored.riskScore, stored.riskReviewScore,
                                stored.riskFactors.stream().map(StoredRiskFactor::toContribution).toList()),
                applicability(stored.applicability));
    }
}
