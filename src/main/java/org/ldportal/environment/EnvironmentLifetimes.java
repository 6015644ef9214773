package org.ldportal.environment;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.ldportal.resource.DeletionReminder;
import org.ldportal.resource.Place;
import org.ldportal.resource.ResourceType;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The time-limited environments (table {@code environment_lifetime}): one row per
 * environment the portal will delete, kept until it is gone.
 */
@Repository
class EnvironmentLifetimes {

    private static final String COLUMNS = "project_key, environment_key, environment_id, environment_name, delete_on, "
            + "owner_subject, owner_name, owner_email, reminded_for";

    private final JdbcClient jdbc;

    private final TransactionTemplate transactions;

    private final ApplicationEventPublisher events;

    EnvironmentLifetimes(JdbcClient jdbc, PlatformTransactionManager transactionManager,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.events = events;
    }

    /**
     * Keeps the day for a new environment (replacing what an older one of the key left).
     */
    void keep(EnvironmentLifetime lifetime, Instant now) {
        transactions.executeWithoutResult(status -> {
            forget(lifetime.projectKey(), lifetime.environmentKey());
            jdbc.sql("INSERT INTO environment_lifetime (" + COLUMNS + ", created_at) VALUES (:project, :key, :id, "
                    + ":name, :deleteOn, :subject, :ownerName, :email, NULL, :now)")
                .param("project", lifetime.projectKey())
                .param("key", lifetime.environmentKey())
                .param("id", lifetime.environmentId())
                .param("name", lifetime.environmentName())
                .param("deleteOn", Date.valueOf(lifetime.deleteOn()))
                .param("subject", lifetime.ownerSubject())
                .param("ownerName", lifetime.ownerName())
                .param("email", lifetime.ownerEmail())
                .param("now", Timestamp.from(now))
                .update();
        });
    }

    Optional<EnvironmentLifetime> find(String projectKey, String environmentKey) {
        return jdbc
            .sql("SELECT " + COLUMNS + " FROM environment_lifetime WHERE project_key = :project AND "
                    + "environment_key = :key")
            .param("project", projectKey)
            .param("key", environmentKey)
            .query(EnvironmentLifetimes::row)
            .optional();
    }

    /** A new day: its owner is reminded of it in turn. */
    boolean extend(String projectKey, String environmentKey, LocalDate deleteOn) {
        return jdbc
            .sql("UPDATE environment_lifetime SET delete_on = :deleteOn WHERE project_key = :project AND "
                    + "environment_key = :key")
            .param("deleteOn", Date.valueOf(deleteOn))
            .param("project", projectKey)
            .param("key", environmentKey)
            .update() == 1;
    }

    void forget(String projectKey, String environmentKey) {
        jdbc.sql("DELETE FROM environment_lifetime WHERE project_key = :project AND environment_key = :key")
            .param("project", projectKey)
            .param("key", environmentKey)
            .update();
    }

    /** Those whose day has come ({@code today} or earlier). */
    List<EnvironmentLifetime> due(LocalDate today) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM environment_lifetime WHERE delete_on <= :today ORDER BY delete_on")
            .param("today", Date.valueOf(today))
            .query(EnvironmentLifetimes::row)
            .list();
    }

    /**
     * Publishes a reminder for each environment deleted by {@code until} whose owner was
     * not reminded of that day yet: each marked in the transaction that publishes it, so
     * that an owner is told once however many instances look.
     */
    int remind(LocalDate until) {
        List<EnvironmentLifetime> near = jdbc
            .sql("SELECT " + COLUMNS + " FROM environment_lifetime WHERE delete_on <= :until AND "
                    + "(reminded_for IS NULL OR reminded_for <> delete_on)")
            .param("until", Date.valueOf(until))
            .query(EnvironmentLifetimes::row)
            .list();
        int told = 0;
        for (EnvironmentLifetime lifetime : near) {
            Boolean marked = transactions.execute(status -> {
                boolean did = jdbc
                    .sql("UPDATE environment_lifetime SET reminded_for = delete_on WHERE project_key = :project AND "
                            + "environment_key = :key AND delete_on = :deleteOn AND "
                            + "(reminded_for IS NULL OR reminded_for <> delete_on)")
                    .param("project", lifetime.projectKey())
                    .param("key", lifetime.environmentKey())
                    .param("deleteOn", Date.valueOf(lifetime.deleteOn()))
                    .update() == 1;
                if (did) {
                    events.publishEvent(new DeletionReminder(ResourceType.ENVIRONMENT,
                            Place.environment(lifetime.projectKey(), lifetime.environmentKey()),
                            lifetime.environmentName(), lifetime.deleteOn(), lifetime.ownerSubject(), lifetime.page()));
                }
                return did;
            });
            if (Boolean.TRUE.equals(marked)) {
                told++;
            }
        }
        return told;
    }

    private static EnvironmentLifetime row(ResultSet rs, int n) throws SQLException {
        Date reminded = rs.getDate("reminded_for");
        return new EnvironmentLifetime(rs.getString("project_key"), rs.getString("environment_key"),
                rs.getString("environment_id"), rs.getString("environment_name"), rs.getDate("delete_on").toLocalDate(),
                rs.getString("owner_subject"), rs.getString("owner_name"), rs.getString("owner_email"),
                reminded == null ? null : reminded.toLocalDate());
    }

}
