package org.ldportal.plan;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The templates (tables {@code template} and {@code template_version}): every version is
 * kept; a save names the version it was written from, so two admins editing at once
 * cannot overwrite each other unseen.
 */
@Repository
class Templates {

    private static final String ENTRY = "SELECT t.template_key, v.name, t.latest_version, v.saved_by, v.saved_at, "
            + "t.retired_at, t.retired_by FROM template t JOIN template_version v "
            + "ON v.template_key = t.template_key AND v.version = t.latest_version";

    private static final String VERSION = "SELECT template_key, version, name, document, saved_by, saved_at "
            + "FROM template_version";

    private final JdbcClient jdbc;

    private final TransactionTemplate transactions;

    Templates(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    List<TemplateEntry> all() {
        return jdbc.sql(ENTRY + " ORDER BY LOWER(v.name), t.template_key").query(Templates::entry).list();
    }

    Optional<TemplateEntry> find(String key) {
        return jdbc.sql(ENTRY + " WHERE t.template_key = :key").param("key", key).query(Templates::entry).optional();
    }

    /** Newest first. */
    List<TemplateVersion> versions(String key) {
        return jdbc.sql(VERSION + " WHERE template_key = :key ORDER BY version DESC")
            .param("key", key)
            .query(Templates::version)
            .list();
    }

    Optional<TemplateVersion> version(String key, int version) {
        return jdbc.sql(VERSION + " WHERE template_key = :key AND version = :version")
            .param("key", key)
            .param("version", version)
            .query(Templates::version)
            .optional();
    }

    /**
     * Saves the next version, written from {@code basedOn} (0 for a new template); empty
     * when another version was saved since (or, for a new one, the key is taken). Saving
     * brings a retired template back.
     */
    Optional<Integer> save(String key, int basedOn, String name, String document, String savedBy, Instant now) {
        int next = basedOn + 1;
        return transactions.execute(status -> {
            if (basedOn == 0) {
                try {
                    jdbc.sql("INSERT INTO template (template_key, latest_version) VALUES (:key, 1)")
                        .param("key", key)
                        .update();
                }
                catch (DuplicateKeyException taken) {
                    return Optional.<Integer>empty();
                }
            }
            else if (jdbc
                .sql("UPDATE template SET latest_version = :next, retired_at = NULL, retired_by = NULL "
                        + "WHERE template_key = :key AND latest_version = :basedOn")
                .param("next", next)
                .param("key", key)
                .param("basedOn", basedOn)
                .update() == 0) {
                return Optional.<Integer>empty();
            }
            jdbc.sql("INSERT INTO template_version (template_key, version, name, document, saved_by, saved_at) "
                    + "VALUES (:key, :version, :name, :document, :by, :at)")
                .param("key", key)
                .param("version", next)
                .param("name", name)
                .param("document", document)
                .param("by", savedBy)
                .param("at", Timestamp.from(now))
                .update();
            return Optional.of(next);
        });
    }

    /**
     * Takes it off the people's list; false when it was retired already or is unknown.
     */
    boolean retire(String key, String by, Instant now) {
        return jdbc
            .sql("UPDATE template SET retired_at = :at, retired_by = :by WHERE template_key = :key "
                    + "AND retired_at IS NULL")
            .param("at", Timestamp.from(now))
            .param("by", by)
            .param("key", key)
            .update() == 1;
    }

    private static TemplateEntry entry(ResultSet row, int number) throws SQLException {
        Timestamp retired = row.getTimestamp("retired_at");
        return new TemplateEntry(row.getString("template_key"), row.getString("name"), row.getInt("latest_version"),
                row.getString("saved_by"), row.getTimestamp("saved_at").toInstant(),
                retired == null ? null : retired.toInstant(), row.getString("retired_by"));
    }

    private static TemplateVersion version(ResultSet row, int number) throws SQLException {
        return new TemplateVersion(row.getString("template_key"), row.getInt("version"), row.getString("name"),
                row.getString("document"), row.getString("saved_by"), row.getTimestamp("saved_at").toInstant());
    }

}
