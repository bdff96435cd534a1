-- Trade statistics (UN Comtrade layout, docs/trade.md): one row per reporter, partner, HS-6 code, month and flow,
-- the value in US dollars as the reporter declared it. Re-importing a row with the same key replaces its value.
-- Portable SQL: runs on H2 (default, embedded) and PostgreSQL (production).
CREATE TABLE trade_statistic (
    id           UUID           NOT NULL PRIMARY KEY,
    reporter     CHAR(2)        NOT NULL,
    partner      CHAR(2)        NOT NULL,
    hs_code      CHAR(6)        NOT NULL,
    period_year  INTEGER        NOT NULL,
    period_month INTEGER        NOT NULL,
    flow         VARCHAR(6)     NOT NULL,
    value_usd    NUMERIC(18, 2) NOT NULL,
    imported_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT trade_statistic_key UNIQUE (reporter, partner, hs_code, period_year, period_month, flow)
);

-- The analysis reads one period at a time across all reporters.
CREATE INDEX trade_statistic_period ON trade_statistic (period_year, period_month);
