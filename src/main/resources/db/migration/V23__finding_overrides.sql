-- A finding of a rule that a company's overlay changed (raised severity, added condition) says what changed, why
-- and who said so, as the rule's @overriddenBy metadata had it when the order was screened.
ALTER TABLE screening_finding ADD COLUMN override_note VARCHAR(4000);
