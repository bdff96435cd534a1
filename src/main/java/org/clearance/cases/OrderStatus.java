package org.clearance.cases;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.clearance.screening.Decision;

/**
 * Whether an order may ship, for ERP integrations: {@code hold} while a case is open (or its last screening was not
 * CLEAR and no officer has decided), {@code released} or {@code rejected} as the officers decided its last case,
 * {@code clear} when screened CLEAR and never held.
 */
public record OrderStatus(String orderId, State status, UUID caseId, UUID screeningId, Decision decision,
                          Instant screenedAt) {

    public enum State {
        HOLD, RELEASED, REJECTED, CLEAR;

        @JsonValue
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
