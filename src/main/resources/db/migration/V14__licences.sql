-- The licence register (docs/licences.md): licences and approvals issued to the exporter, what they cover and how much
-- of them is left, and what each shipment used. Text columns hold what licence validation allows, in UTF-16 units
-- (H2 counts a character outside the BMP as two): reference 64 characters, names 300, conditions 2,000.
-- Portable SQL: runs on H2 (default, embedded) and PostgreSQL (production).
CREATE TABLE licence (
    id                 UUID                     NOT NULL PRIMARY KEY,
    jurisdiction       VARCHAR(2)               NOT NULL,
    type               VARCHAR(16)              NOT NULL,
    reference          VARCHAR(128)             NOT NULL,
    -- Upper case: D1234567 and d1234567 are one licence.
    reference_key      VARCHAR(128)             NOT NULL,
    holder_name        VARCHAR(600)             NOT NULL,
    holder_country     VARCHAR(2)               NOT NULL,
    -- JSON arrays: item patterns, ISO country codes, {name, country} objects.
    items              TEXT                     NOT NULL,
    destinations       TEXT                     NOT NULL,
    consignees         TEXT                     NOT NULL,
    end_users          TEXT                     NOT NULL,
    quantity_limit     NUMERIC(38, 6),
    quantity_unit      VARCHAR(64),
    quantity_remaining NUMERIC(38, 6),
    value_limit        NUMERIC(38, 6),
    value_currency     VARCHAR(3),
    value_remaining    NUMERIC(38, 6),
    valid_from         DATE,
    valid_until        DATE,
    conditions         VARCHAR(4000),
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by         VARCHAR(600)             NOT NULL,
    -- What is left never goes below zero, whatever writes it.
    CONSTRAINT licence_quantity_not_negative CHECK (quantity_remaining >= 0),
    CONSTRAINT licence_value_not_negative CHECK (value_remaining >= 0),
    CONSTRAINT licence_reference_unique UNIQUE (jurisdiction, reference_key)
);

-- A screening marked shipped, once: the primary key refuses a second shipment of the same screening. Append-only (V14_1).
CREATE TABLE shipment (
    screening_id UUID                     NOT NULL PRIMARY KEY REFERENCES screening (id),
    shipped_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    shipped_by   VARCHAR(600)             NOT NULL
);

-- What one shipment used of one licence. Append-only (V14_1): the history of every decrement stays.
CREATE TABLE licence_usage (
    id           UUID                     NOT NULL PRIMARY KEY,
    licence_id   UUID                     NOT NULL REFERENCES licence (id),
    screening_id UUID                     NOT NULL REFERENCES shipment (screening_id),
    quantity     NUMERIC(38, 6),
    amount       NUMERIC(38, 6),
    used_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    used_by      VARCHAR(600)             NOT NULL,
    CONSTRAINT licence_usage_once UNIQUE (licence_id, screening_id),
    CONSTRAINT licence_usage_not_negative CHECK (quantity >= 0 AND amount >= 0)
);
CREATE INDEX licence_usage_licence ON licence_usage (licence_id);
