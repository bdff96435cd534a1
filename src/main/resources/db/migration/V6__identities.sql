-- Who may act, and who did: API keys, the submitter of each screening, and dismissals that can expire or be revoked.
-- Portable SQL: runs on H2 (default, embedded) and PostgreSQL (production).

-- An API key. The secret is shown once when the key is created; only its SHA-256 is kept. key_id is the public
-- part of the key (clr_<key_id>_<secret>) used to find the row. Names are unique for ever: a revoked key keeps its
-- row (and its name) as history.
CREATE TABLE api_key (
    id          UUID          NOT NULL PRIMARY KEY,
    name        VARCHAR(64)   NOT NULL,
    key_id      VARCHAR(32)   NOT NULL,
    secret_hash VARCHAR(64)   NOT NULL,
    roles       VARCHAR(1000) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by  VARCHAR(255)  NOT NULL,
    expires_on  DATE,
    revoked_at  TIMESTAMP WITH TIME ZONE,
    revoked_by  VARCHAR(255)
);

CREATE UNIQUE INDEX api_key_key_id ON api_key (key_id);
CREATE UNIQUE INDEX api_key_name ON api_key (name);

-- Who submitted a screening (the authenticated principal, or cli:<user> for the command line); screeners see only theirs.
ALTER TABLE screening ADD COLUMN submitted_by VARCHAR(255);
CREATE INDEX screening_submitted_by ON screening (submitted_by, screened_at);

-- A dismissal may end on a date, or be revoked with a reason; its row stays as history either way.
ALTER TABLE party_dismissal ADD COLUMN expires_on DATE;
ALTER TABLE party_dismissal ADD COLUMN revoked_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE party_dismissal ADD COLUMN revoked_by VARCHAR(255);
ALTER TABLE party_dismissal ADD COLUMN revoke_reason VARCHAR(4000);

-- Who made a rule pack live (the caller of POST /api/v1/rules/reload, or system:<trigger>) and who imported a list version.
ALTER TABLE rule_pack_version ADD COLUMN triggered_by VARCHAR(255);
ALTER TABLE list_import ADD COLUMN imported_by VARCHAR(255);
