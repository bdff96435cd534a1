-- Every column that keeps order text holds at least what order validation allows (docs/order-format.md, "Limits"):
-- an order id of 128 characters (H2 counts UTF-16 units, so a character outside the BMP takes two), a file path as
-- the source, finding messages and labels that quote a 1,000-character description or several names, and the summed
-- CHP quantity of 1,000 lines each just below 10^15 with 6 decimal places.
-- Portable SQL: ALTER COLUMN … SET DATA TYPE keeps NOT NULL on H2 (default, embedded) and PostgreSQL (production).
ALTER TABLE screening ALTER COLUMN order_id SET DATA TYPE VARCHAR(512);
ALTER TABLE screening ALTER COLUMN source SET DATA TYPE VARCHAR(10000);
ALTER TABLE screening_finding ALTER COLUMN message SET DATA TYPE VARCHAR(100000);
ALTER TABLE screening_finding ALTER COLUMN subject_pointer SET DATA TYPE VARCHAR(1000);
ALTER TABLE screening_finding ALTER COLUMN subject_label SET DATA TYPE VARCHAR(100000);
ALTER TABLE screening_risk_factor ALTER COLUMN explanation SET DATA TYPE VARCHAR(100000);
ALTER TABLE buyer_order ALTER COLUMN order_id SET DATA TYPE VARCHAR(512);
ALTER TABLE buyer_order ALTER COLUMN chp_quantity SET DATA TYPE NUMERIC(38, 6);
