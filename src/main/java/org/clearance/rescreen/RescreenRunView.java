package org.clearance.rescreen;

import java.time.Instant;
import java.util.UUID;

/** A re-screening run as the API and the CLI report it. */
public record RescreenRunView(UUID id, String cause, Instant startedAt, Instant finishedAt, int openOrders,
                              int considered, int rescreened, int changed, long durationMs, String triggeredBy) {

    static RescreenRunView of(RescreenRun r) {
        return new RescreenRunView(r.id, r.cause, r.startedAt, r.finishedAt, r.openOrders, r.considered, r.rescreened,
                r.changed, r.durationMs, r.triggeredBy);
    }
}
