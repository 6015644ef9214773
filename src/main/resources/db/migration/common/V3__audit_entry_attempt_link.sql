-- An attempt is recorded before the call to LaunchDarkly (outcome STARTED) and its outcome as a second row that
-- links to it through attempt_id; nothing is updated in place. A STARTED row with no outcome row is an attempt whose
-- outcome was never recorded (the portal stopped mid-call): the resource may exist.
ALTER TABLE audit_entry ADD COLUMN attempt_id BIGINT;
CREATE INDEX audit_entry_attempt ON audit_entry (attempt_id);
