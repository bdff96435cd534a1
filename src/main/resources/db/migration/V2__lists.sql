-- Sanctions and entity lists: each source (a feed such as "ofac-sdn"), every version imported from it, the
-- entries of the active version, and reviewed false positives (dismissals).
-- Portable SQL: runs on H2 (default, embedded) and PostgreSQL (production).
CREATE TABLE list_source (
    name       VARCHAR(64)  NOT NULL PRIMARY KEY,
    format     VARCHAR(32)  NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- One row per version ever imported; exactly one active per source once the first import succeeded.
-- Entries of superseded versions are deleted, the version row stays as history.
CREATE TABLE list_import (
    id           UUID         NOT NULL PRIMARY KEY,
    source       VARCHAR(64)  NOT NULL REFERENCES list_source (name),
    format       VARCHAR(32)  NOT NULL,
    sha256       VARCHAR(64)  NOT NULL,
    published_on DATE,
    imported_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    entry_count  INTEGER      NOT NULL,
    file_name    VARCHAR(1000),
    active       BOOLEAN      NOT NULL
);

CREATE INDEX list_import_source ON list_import (source, active);

-- An entry of an imported version. list_code + source_id point to the publisher's record (US-OFAC-SDN / 11195);
-- entry_json holds the whole entry (aliases, addresses, identifiers, details); content_hash changes when any of it does.
CREATE TABLE list_record (
    id           UUID          NOT NULL PRIMARY KEY,
    import_id    UUID          NOT NULL REFERENCES list_import (id) ON DELETE CASCADE,
    list_code    VARCHAR(64)   NOT NULL,
    source_id    VARCHAR(255)  NOT NULL,
    entity_type  VARCHAR(16)   NOT NULL,
    primary_name VARCHAR(2000) NOT NULL,
    countries    VARCHAR(1000),
    programs     VARCHAR(4000),
    content_hash VARCHAR(64)   NOT NULL,
    entry_json   TEXT          NOT NULL
);

CREATE INDEX list_record_import ON list_record (import_id);
CREATE INDEX list_record_key ON list_record (list_code, source_id);

-- Every name of an entry (primary first, then aliases), for SQL look-ups and reports.
CREATE TABLE list_record_name (
    record_id UUID          NOT NULL REFERENCES list_record (id) ON DELETE CASCADE,
    position  INTEGER       NOT NULL,
    name      VARCHAR(2000) NOT NULL,
    weak      BOOLEAN       NOT NULL,
    PRIMARY KEY (record_id, position)
);

-- A reviewed false positive: this order party is not that list entry. Applies while the entry's content hash is unchanged.
CREATE TABLE party_dismissal (
    id            UUID          NOT NULL PRIMARY KEY,
    party_key     VARCHAR(2000) NOT NULL,
    party_name    VARCHAR(2000) NOT NULL,
    party_country VARCHAR(2),
    list_code     VARCHAR(64)   NOT NULL,
    source_id     VARCHAR(255)  NOT NULL,
    entry_hash    VARCHAR(64)   NOT NULL,
    reason        VARCHAR(4000) NOT NULL,
    reviewer      VARCHAR(255)  NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX party_dismissal_entry ON party_dismissal (list_code, source_id);
