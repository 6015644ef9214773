-- The audit trail is insert-only, and on PostgreSQL the database says so: an UPDATE, DELETE or TRUNCATE of
-- audit_entry is refused, unless the transaction declared itself maintenance (the retention purge does, with
-- set_config('ldportal.audit_maintenance', 'on', true)). This stops a bug or an injected statement from rewriting
-- history; for separation against the application's own role, see the README (grants for a separate owner).
CREATE FUNCTION audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('ldportal.audit_maintenance', true) = 'on' THEN
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
    END IF;
    RAISE EXCEPTION 'audit_entry is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_entry_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only();
CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_append_only();
