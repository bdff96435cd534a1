package org.clearance.webhooks;

import java.time.Instant;
import java.util.UUID;

/** A registered webhook URL; {@code active} until disabled. */
public record WebhookEndpointView(UUID id, String url, boolean active, Instant createdAt, String createdBy,
                                  Instant disabledAt, String disabledBy) {

    static WebhookEndpointView of(WebhookEndpoint e) {
        return new WebhookEndpointView(e.id, e.url, e.disabledAt == null, e.createdAt, e.createdBy, e.disabledAt,
                e.disabledBy);
    }
}
