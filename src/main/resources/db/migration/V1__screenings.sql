-- Every screening, with the order as received, its decision, verdicts and findings.
-- Portable SQL: runs on H2 (default, embedded) and PostgreSQL (production).
CREATE TABLE screening (
    id          UUID         NOT NULL PRIMARY KEY,
    order_id    VARCHAR(255) NOT NULL,
    source      VARCHAR(1000),
    decision    VARCHAR(16)  NOT NULL,
    verdict_us  VARCHAR(16)  NOT NULL,
    verdict_eu  VARCHAR(16)  NOT NULL,
    verdict_uk  VARCHAR(16)  NOT NULL,
    verdict_jp  VARCHAR(16)  NOT NULL,
    rule_pack   VARCHAR(64)  NOT NULL,
    as_of       DATE         NOT NULL,
    screened_at TIMESTAMP WITH TIME ZONE NOT NULL,
    order_json  TEXT         NOT NULL
);

CREATE INDEX screening_screened_at ON screening (screened_at);
CREATE INDEX screening_decision ON screening (decision, screened_at);
CREATE INDEX screening_order_id ON screening (order_id);

CREATE TABLE screening_finding (
    screening_id    UUID          NOT NULL REFERENCES screening (id) ON DELETE CASCADE,
    position        INTEGER       NOT NULL,
    rule_id         VARCHAR(64)   NOT NULL,
    jurisdiction    VARCHAR(8)    NOT NULL,
    severity        VARCHAR(16)   NOT NULL,
    citation        VARCHAR(1000) NOT NULL,
    confidence      VARCHAR(32),
    message         VARCHAR(4000) NOT NULL,
    subject_pointer VARCHAR(255),
    subject_label   VARCHAR(1000),
    PRIMARY KEY (screening_id, position)
);

CREATE INDEX screening_finding_rule ON screening_finding (rule_id);
