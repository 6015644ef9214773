-- A step whose answer was unclear keeps its attempt's STARTED entry, so that when the portal settles it later the
-- plan's page says what became of it.
ALTER TABLE plan_step ADD COLUMN attempt_id BIGINT;
