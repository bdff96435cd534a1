-- Signed-in console users: one row per browser session. The cookie holds a random token; only its SHA-256 is kept,
-- so a copy of this table opens no session. A session opened with an API key stands for the key and ends with it
-- (revoked, expired); one opened through the identity provider keeps the principal and roles the provider gave.
CREATE TABLE console_session (
    token_hash   VARCHAR(64)   NOT NULL PRIMARY KEY,
    api_key_id   UUID          REFERENCES api_key (id),
    principal    VARCHAR(255)  NOT NULL,
    roles        VARCHAR(1000) NOT NULL,
    csrf_token   VARCHAR(64)   NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX console_session_expires ON console_session (expires_at);
