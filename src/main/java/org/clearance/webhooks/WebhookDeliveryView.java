package org.clearance.webhooks;

import java.time.Instant;
import java.util.UUID;

/** One entry of the delivery log: which event went to which URL, how many attempts, and the last answer. */
public record WebhookDeliveryView(UUID id, UUID endpointId, UUID eventId, String eventType, String status, int attempts,
                                  Instant createdAt, Instant nextAttemptAt, Instant lastAttemptAt, Integer lastStatus,
                                  String lastError, Instant deliveredAt) {

    static WebhookDeliveryView of(WebhookDelivery d) {
        return new WebhookDeliveryView(d.id, d.endpointId, d.eventId, d.eventType, d.status, d.attempts, d.createdAt,
                WebhookDelivery.PENDING.equals(d.status) ? d.nextAttemptAt : null, d.lastAttemptAt, d.lastStatus,
                d.lastError, d.deliveredAt);
    }
}
