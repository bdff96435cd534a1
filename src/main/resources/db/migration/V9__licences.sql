-- Jurisdiction nexus: why each regime applies to a screened order or not (JSON of regime -> applies, known,
-- reasons, settled_by, rules; null for screenings stored before nexus rules). Portable SQL: H2 and PostgreSQL.
ALTER TABLE screening ADD COLUMN applicability TEXT;
