-- The id of the request that wrote the entry (X-Request-Id), as in the log lines and on the error page the person saw.
ALTER TABLE audit_entry ADD COLUMN request_id VARCHAR(64);
