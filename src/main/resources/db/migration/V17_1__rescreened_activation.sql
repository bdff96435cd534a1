-- The activation whose open orders were screened again (docs/cases.md#re-screening-open-orders): the first server
-- running the newly activated pack raises it to the activation number and re-screens, the others see it done.
ALTER TABLE active_rule_pack ADD COLUMN rescreened_activation BIGINT DEFAULT 0 NOT NULL;
