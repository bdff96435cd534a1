-- The rule pack every server runs: one row, written by each activation (`clearance rules activate`, a watched rules
-- folder, POST /api/v1/rules/reload) and polled by every server, which loads the pack from rule_pack_content by hash.
-- activation grows by one with each change of pack, so a server tells a new activation from the one it runs.
-- Without the row (a fresh database) each server runs its configured rules folder.
-- Portable SQL: runs on H2 (default, embedded) and PostgreSQL (production).
CREATE TABLE active_rule_pack (
    id                   INTEGER       NOT NULL PRIMARY KEY,
    activation           BIGINT        NOT NULL,
    pack_hash            VARCHAR(64)   NOT NULL,
    rule_pack_version_id BIGINT        NOT NULL,
    activated_by         VARCHAR(255)  NOT NULL,
    activated_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    directory            VARCHAR(1000),
    CONSTRAINT active_rule_pack_single_row CHECK (id = 1),
    CONSTRAINT active_rule_pack_version_fk FOREIGN KEY (rule_pack_version_id) REFERENCES rule_pack_version (id)
);
