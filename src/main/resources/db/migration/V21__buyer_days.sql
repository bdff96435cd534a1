-- Customer history per buyer and day: the sums of buyer_order's rows for each (buyer_key, as_of), kept in the
-- same transaction as every change to buyer_order (org.clearance.history.StoredBuyerHistory). A buyer's history
-- as of a date is then a sum over its days, not over each of its earlier orders, so screening stays linear however
-- many orders a buyer has placed. Storing locks the day's row before it reads an order's earlier row, so two
-- requests re-screening one order take turns and leave one row: buyer_order gets the unique key V5 could not have.
CREATE TABLE buyer_day (
    buyer_key    VARCHAR(1000)  NOT NULL,
    as_of        DATE           NOT NULL,
    orders       INTEGER        NOT NULL,
    chp_orders   INTEGER        NOT NULL,
    chp_quantity NUMERIC(38, 6) NOT NULL,
    PRIMARY KEY (buyer_key, as_of)
);

-- Rows two concurrent re-screenings left before: one per order stays (they differ at most in the figures of an
-- order that changed between the two).
DELETE FROM buyer_order WHERE EXISTS (
    SELECT 1 FROM buyer_order later
    WHERE later.buyer_key = buyer_order.buyer_key AND later.order_id = buyer_order.order_id AND later.id > buyer_order.id);

DROP INDEX buyer_order_order;
CREATE UNIQUE INDEX buyer_order_order ON buyer_order (buyer_key, order_id);

INSERT INTO buyer_day (buyer_key, as_of, orders, chp_orders, chp_quantity)
SELECT buyer_key, as_of, COUNT(*), SUM(CASE WHEN chp_lines > 0 THEN 1 ELSE 0 END), SUM(chp_quantity)
FROM buyer_order GROUP BY buyer_key, as_of;

-- The rows an order already has, found by its id for a whole chunk of orders in one query.
CREATE INDEX buyer_order_order_id ON buyer_order (order_id);
