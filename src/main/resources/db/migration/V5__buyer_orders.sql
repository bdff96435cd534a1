-- Customer history: one row per (buyer, order) screened, with the order's CHP quantity, so that the
-- next screening can compare a buyer's order against its own earlier ones (org.clearance.history).
-- Re-screening an order replaces its row. Not a unique key: two requests re-screening the same order at
-- once may both insert (neither sees the other's row), and a unique key would fail one of the screenings;
-- readers take one row per order instead. Portable SQL: H2 and PostgreSQL.
CREATE TABLE buyer_order (
    id           UUID           NOT NULL PRIMARY KEY,
    buyer_key    VARCHAR(1000)  NOT NULL,
    order_id     VARCHAR(255)   NOT NULL,
    as_of        DATE           NOT NULL,
    chp_lines    INTEGER        NOT NULL,
    chp_quantity NUMERIC(19, 3) NOT NULL,
    screening_id UUID           NOT NULL REFERENCES screening (id) ON DELETE CASCADE
);

CREATE INDEX buyer_order_order ON buyer_order (buyer_key, order_id);
CREATE INDEX buyer_order_history ON buyer_order (buyer_key, as_of);

-- Explained risk: each screening's risk score, the score that calls for review, and its contributions.
ALTER TABLE screening ADD COLUMN risk_score INTEGER;
ALTER TABLE screening ADD COLUMN risk_review_score INTEGER;

CREATE TABLE screening_risk_factor (
    screening_id UUID          NOT NULL REFERENCES screening (id) ON DELETE CASCADE,
    position     INTEGER       NOT NULL,
    factor       VARCHAR(64)   NOT NULL,
    points       INTEGER       NOT NULL,
    explanation  VARCHAR(2000) NOT NULL,
    PRIMARY KEY (screening_id, position)
);
