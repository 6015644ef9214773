-- The audit page's environment menu reads its values one index probe each (AuditQueries.distinct); the other menus'
-- columns lead an index already, the environment did not (it follows the project in audit_entry_project).
CREATE INDEX audit_entry_environment ON audit_entry (environment_key);
