-- Tamper-evident audit trail, reproducible screenings. Portable SQL: runs on H2 (default, embedded) and PostgreSQL.

-- Every state change, append-only. chain = SHA-256(previous chain || canonical JSON of this record), so that a
-- changed, deleted, inserted or reordered record breaks every chain value after it (docs/operations.md).
CREATE TABLE audit_event (
    seq          BIGINT        NOT NULL PRIMARY KEY,
    at           TIMESTAMP WITH TIME ZONE NOT NULL,
    actor        VARCHAR(255)  NOT NULL,
    action       VARCHAR(64)   NOT NULL,
    subject      VARCHAR(1000) NOT NULL,
    content_hash VARCHAR(64),
    chain        VARCHAR(64)   NOT NULL
);

CREATE INDEX audit_event_subject ON audit_event (subject);
CREATE INDEX audit_event_at ON audit_event (at);

-- The head of the chain: one row, locked (SELECT ... FOR UPDATE) by every append, so that appends from every
-- thread and every process sharing the database form one chain. The only audit table that is updated.
CREATE TABLE audit_chain_head (
    id    INTEGER     NOT NULL PRIMARY KEY,
    seq   BIGINT      NOT NULL,
    chain VARCHAR(64) NOT NULL
);

INSERT INTO audit_chain_head (id, seq, chain) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- Rule pack contents, so that any screening can be replayed with the pack that made it: each distinct file once
-- (by SHA-256, base64 so that binary decision tables fit a text column on both databases) ...
CREATE TABLE rule_file (
    sha256  VARCHAR(64) NOT NULL PRIMARY KEY,
    content TEXT        NOT NULL
);

-- ... and, per pack hash, which file sits at which path.
CREATE TABLE rule_pack_content (
    pack_hash VARCHAR(64)   NOT NULL,
    path      VARCHAR(1000) NOT NULL,
    sha256    VARCHAR(64)   NOT NULL REFERENCES rule_file (sha256),
    PRIMARY KEY (pack_hash, path)
);

-- The list versions (list_import ids, comma-separated, sorted) each screening matched parties against. Null for
-- screenings stored before this migration.
ALTER TABLE screening ADD COLUMN list_versions VARCHAR(4000);
