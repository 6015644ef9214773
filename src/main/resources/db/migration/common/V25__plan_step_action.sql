-- A plan may change what exists (turning several destinations off at once), not only create: a step says what it
-- does. NULL is a create, as every step was before.
ALTER TABLE plan_step ADD COLUMN action VARCHAR(32);
