-- Ownership facts an exporter imports (clearance lists import-ownership): who owns which share of an entity,
-- and where that fact came from. Each import replaces every row of the one before, in one transaction; the
-- import rows stay as the history of what was imported when (the audit log records each import too).
CREATE TABLE ownership_import (
    id          UUID          NOT NULL PRIMARY KEY,
    sha256      VARCHAR(64)   NOT NULL,
    file_name   VARCHAR(1000),
    link_count  INTEGER       NOT NULL,
    imported_at TIMESTAMP WITH TIME ZONE NOT NULL,
    imported_by VARCHAR(200)  NOT NULL,
    active      BOOLEAN       NOT NULL
);

-- One row of the active import: owner holds share percent (0 to 100) of entity. entity_key is the entity's
-- name as screening looks it up (Unicode NFKC, lower case, single spaces).
CREATE TABLE ownership_link (
    id          UUID           NOT NULL PRIMARY KEY,
    import_id   UUID           NOT NULL REFERENCES ownership_import (id),
    line        INTEGER        NOT NULL,
    entity      VARCHAR(1000)  NOT NULL,
    entity_key  VARCHAR(1000)  NOT NULL,
    owner       VARCHAR(1000)  NOT NULL,
    share       NUMERIC(9, 6)  NOT NULL,
    source      VARCHAR(2000)  NOT NULL
);

CREATE INDEX ownership_link_import ON ownership_link (import_id);
