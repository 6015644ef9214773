-- What a request would do: create (every request before this migration), update, turn-on, turn-off or delete.
ALTER TABLE approval_request ADD COLUMN action VARCHAR(64) DEFAULT 'create' NOT NULL;
