-- Continuous screening of open orders (docs/cases.md#re-screening-open-orders). An order is open until it is
-- marked shipped or cancelled (order_closure, or a shipment of one of its screenings) or its latest screening is older
-- than clearance.rescreen.open-for. Each re-screening run is kept with its counts.
-- Portable SQL: runs on H2 (default, embedded) and PostgreSQL (production).
CREATE TABLE order_closure (
    order_id  VARCHAR(512)             NOT NULL PRIMARY KEY,
    state     VARCHAR(16)              NOT NULL,
    closed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    closed_by VARCHAR(600)             NOT NULL
);

CREATE TABLE rescreen_run (
    id           UUID                     NOT NULL PRIMARY KEY,
    cause        VARCHAR(1000)            NOT NULL,
    started_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    open_orders  INTEGER                  NOT NULL,
    considered   INTEGER                  NOT NULL,
    rescreened   INTEGER                  NOT NULL,
    changed      INTEGER                  NOT NULL,
    duration_ms  BIGINT                   NOT NULL,
    triggered_by VARCHAR(600)             NOT NULL
);

CREATE INDEX rescreen_run_started ON rescreen_run (started_at);
CREATE INDEX screening_order_screened ON screening (order_id, screened_at);
