-- Kafka messages already screened, by order id (the record key) and the SHA-256 of the record value:
-- a redelivered message (consumer restart, rebalance) finds its row and is answered from it instead of
-- being screened and stored a second time. Written in the same transaction as the screening.
CREATE TABLE streamed_order (
    order_key     VARCHAR(255) NOT NULL,
    content_hash  VARCHAR(64)  NOT NULL,
    screening_id  UUID,
    problem_json  TEXT,
    first_source  VARCHAR(1000) NOT NULL,
    processed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (order_key, content_hash)
);
