-- What the licence register said, at screening time, about the licences an order cites (docs/operations.md,
-- "Reproducing a decision"): the licences found, with what was left of them, as JSON. A shipment since then uses a
-- licence up; what a screening recorded does not change, so a replay resolves the cited licences as they were.
-- Null when the order cites no authorisation, and for screenings stored before this migration (a replay then uses
-- today's register and says so). Written in the screening's INSERT: the table is append-only (V7_1).
-- Portable SQL: runs on H2 (default, embedded) and PostgreSQL (production).
ALTER TABLE screening ADD COLUMN cited_licences TEXT;
