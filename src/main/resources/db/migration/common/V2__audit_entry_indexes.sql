-- Indexes for the audit page's filters. Every list is ordered by id (keyset pagination), so each index ends in id:
-- a filtered page is an index range scan that stops after one page of rows.
CREATE INDEX audit_entry_actor ON audit_entry (actor_subject, id);
CREATE INDEX audit_entry_outcome ON audit_entry (outcome, id);
CREATE INDEX audit_entry_resource_type ON audit_entry (resource_type, id);
CREATE INDEX audit_entry_project ON audit_entry (project_key, environment_key, id);
-- The date range and the retention purge.
CREATE INDEX audit_entry_occurred_at ON audit_entry (occurred_at);
