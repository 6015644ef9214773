-- The audit search ("name or key contains ...") as trigram indexes, so that LOWER(..) LIKE '%x%' need not read every
-- entry. pg_trgm is a trusted extension (PostgreSQL 13+): the database's owner may create it. Where it cannot be
-- created, the search works as before, without an index, and the start-up goes on.
DO $$
BEGIN
    BEGIN
        CREATE EXTENSION IF NOT EXISTS pg_trgm;
    EXCEPTION WHEN insufficient_privilege OR undefined_file THEN
        RAISE NOTICE 'pg_trgm is not available: the audit search stays without an index';
    END;
    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
        CREATE INDEX IF NOT EXISTS audit_entry_name_trgm ON audit_entry USING gin (LOWER(resource_name) gin_trgm_ops);
        CREATE INDEX IF NOT EXISTS audit_entry_key_trgm ON audit_entry USING gin (LOWER(resource_key) gin_trgm_ops);
    END IF;
END
$$;
