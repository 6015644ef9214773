-- The trail of one resource (its detail page) and the filter by action (create, update, turn-on, turn-off, delete).
CREATE INDEX audit_entry_resource ON audit_entry (resource_id, id);
CREATE INDEX audit_entry_action ON audit_entry (action, id);
