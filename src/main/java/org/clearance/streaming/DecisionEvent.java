package org.clearance.streaming;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.clearance.facts.Jurisdiction;
import org.clearance.screening.Decision;
import org.clearance.screening.ScreeningView;

/** The event published on {@code clearance.events} for each screening: what was decided, without the findings. */
public record DecisionEvent(String type, String orderId, UUID screeningId, Decision decision,
                            Map<Jurisdiction, Decision> verdicts, int findings, Integer riskScore, String rulePack,
                            Instant screenedAt) {

    static final String TYPE = "screening.decided";

    static DecisionEvent of(ScreeningView view) {
        return new DecisionEvent(TYPE, view.orderId(), view.id(), view.decision(), view.verdicts(),
                view.findings().size(), view.risk() == null ? null : view.risk().score(), view.rulePack(),
                view.screenedAt());
    }
}
