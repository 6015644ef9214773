-- A plan made for several targets (a template's forEach: several projects or environments) says which each step is
-- for, so that its page shows a result for each target.
ALTER TABLE plan_step ADD COLUMN target VARCHAR(512);
