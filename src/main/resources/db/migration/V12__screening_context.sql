-- What each screening's rules were given besides the order, the rule pack and the lists, so that a replay gives them
-- the same (docs/operations.md, "Reproducing a decision"): the country risks computed from trade statistics and the
-- buyer's history. A later trade import or re-screening changes both; what a screening stored does not change.
-- Portable SQL: runs on H2 (default, embedded) and PostgreSQL (production).

-- Each distinct list of country risks once, by the SHA-256 of its canonical JSON: every screening of a batch, and
-- every batch until the next trade import, is given the same list. Append-only (V12_1).
CREATE TABLE country_risk_set (
    sha256  VARCHAR(64) NOT NULL PRIMARY KEY,
    content TEXT        NOT NULL
);

-- Both null for screenings stored before this migration: replay says the context was not recorded. A screening stored
-- since always names its country risk list; its buyer_history (JSON) is null only when the rules were given none.
ALTER TABLE screening ADD COLUMN country_risk_set VARCHAR(64) REFERENCES country_risk_set (sha256);
ALTER TABLE screening ADD COLUMN buyer_history TEXT;
