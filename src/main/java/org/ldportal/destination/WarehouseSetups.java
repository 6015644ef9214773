package org.ldportal.destination;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.ldportal.launchdarkly.WarehouseSetupScript;
import org.ldportal.security.CurrentUser;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The warehouse set-ups people started, by whom; an admin sees everyone's. */
@Repository
class WarehouseSetups {

    private final JdbcClient jdbc;

    private final Clock clock;

    WarehouseSetups(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    long save(CurrentUser actor, DestinationForm form, @Nullable String hostAddress, WarehouseSetupScript script) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO warehouse_setup (actor_subject, project_key, environment_key, kind, name, turned_on, "
                + "host_address, script, public_key, iam_trust_policy, iam_permissions_policy, s3_bucket_name, created_at) "
                + "VALUES (:actor, :project, :environment, :kind, :name, :on, :host, :script, :publicKey, :trust, "
                + ":permissions, :bucket, :at)")
            .param("actor", actor.subject())
            .param("project", form.getProjectKey())
            .param("environment", form.getEnvironmentKey())
            .param("kind", form.getKind())
            .param("name", form.getName())
            .param("on", form.isOn())
            .param("host", hostAddress)
            .param("script", script.script())
            .param("publicKey", script.publicKey())
            .param("trust", script.redshiftIAMTrustPolicy())
            .param("permissions", script.redshiftIAMPermissionsPolicy())
            .param("bucket", script.s3BucketName())
            .param("at", Timestamp.from(clock.instant()))
            .update(key, "id");
        // The insert generates the id: the key is there.
        return Objects.requireNonNull(key.getKeyAs(Number.class)).longValue();
    }

    /**
     * The set-up, if it exists and the person may see it (theirs, or anyone's for an
     * admin).
     */
    Optional<WarehouseSetup> find(long id, CurrentUser viewer) {
        return jdbc.sql("SELECT * FROM warehouse_setup WHERE id = :id")
            .param("id", id)
            .query(SETUP)
            .optional()
            .filter(setup -> viewer.isAdmin() || setup.actorSubject().equals(viewer.subject()));
    }

    /** The pending set-ups the person may see, newest first. */
    List<WarehouseSetup> pending(CurrentUser viewer) {
        return jdbc
            .sql("SELECT * FROM warehouse_setup WHERE completed_at IS NULL"
                    + (viewer.isAdmin() ? "" : " AND actor_subject = :actor") + " ORDER BY id DESC")
            .param("actor", viewer.subject())
            .query(SETUP)
            .list();
    }

    void completed(long id) {
        jdbc.sql("UPDATE warehouse_setup SET completed_at = :at WHERE id = :id AND completed_at IS NULL")
            .param("at", Timestamp.from(clock.instant()))
            .param("id", id)
            .update();
    }

    /**
     * The set-ups of this person for this environment and kind that a later check found
     * completed.
     */
    void completedFor(String actorSubject, @Nullable String projectKey, @Nullable String environmentKey,
            @Nullable String kind) {
        jdbc.sql(
                "UPDATE warehouse_setup SET completed_at = :at WHERE actor_subject = :actor AND project_key = :project AND "
                        + "environment_key = :environment AND kind = :kind AND completed_at IS NULL")
            .param("at", Timestamp.from(clock.instant()))
            .param("actor", actorSubject)
            .param("project", projectKey)
            .param("environment", environmentKey)
            .param("kind", kind)
            .update();
    }

    private static final RowMapper<WarehouseSetup> SETUP = (ResultSet row, int number) -> new WarehouseSetup(
            row.getLong("id"), row.getString("actor_subject"), row.getString("project_key"),
            row.getString("environment_key"), row.getString("kind"), row.getString("name"), row.getBoolean("turned_on"),
            row.getString("host_address"),
            new WarehouseSetupScript(row.getString("script"), row.getString("public_key"), null,
                    row.getString("iam_permissions_policy"), row.getString("iam_trust_policy"),
                    row.getString("s3_bucket_name")),
            instant(row, "created_at"), instantOrNull(row, "completed_at"));

    /** A column declared NOT NULL (created_at): never null. */
    private static Instant instant(ResultSet row, String column) throws SQLException {
        return row.getTimestamp(column).toInstant();
    }

    private static @Nullable Instant instantOrNull(ResultSet row, String column) throws SQLException {
        Timestamp timestamp = row.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

}
