-- Webhooks (docs/cases.md#webhooks): the URLs administrators registered, and an outbox of deliveries written in the
-- same transaction as the case change they announce, so that an event is sent exactly when its change committed,
-- and retried with backoff until the receiver takes it.
-- Portable SQL: runs on H2 (default, embedded) and PostgreSQL (production).
CREATE TABLE webhook_endpoint (
    id          UUID                     NOT NULL PRIMARY KEY,
    url         VARCHAR(2000)            NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by  VARCHAR(600)             NOT NULL,
    disabled_at TIMESTAMP WITH TIME ZONE,
    disabled_by VARCHAR(600)
);

CREATE TABLE webhook_delivery (
    id              UUID                     NOT NULL PRIMARY KEY,
    endpoint_id     UUID                     NOT NULL REFERENCES webhook_endpoint (id),
    event_id        UUID                     NOT NULL,
    event_type      VARCHAR(64)              NOT NULL,
    payload         TEXT                     NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    -- pending, delivered or failed (no attempts left)
    status          VARCHAR(16)              NOT NULL,
    attempts        INTEGER                  NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    -- A sender claims a delivery until then, so that two servers never send it at once.
    claimed_until   TIMESTAMP WITH TIME ZONE,
    last_attempt_at TIMESTAMP WITH TIME ZONE,
    last_status     INTEGER,
    last_error      VARCHAR(2000),
    delivered_at    TIMESTAMP WITH TIME ZONE
);

CREATE INDEX webhook_delivery_due ON webhook_delivery (status, next_attempt_at);
CREATE INDEX webhook_delivery_event ON webhook_delivery (event_id);
