package org.ldportal.audit;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.util.Objects;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.ldportal.security.RequestIdFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;

/**
 * Records the attempts to change something in LaunchDarkly: an entry before each call and
 * one with its outcome. There is deliberately no update or delete here: the trail is
 * append-only (the retention purge is the one exception, and it records itself).
 * <p>
 * One fixed INSERT, as {@link AuditQueries} reads with fixed SQL: through Spring Data
 * JDBC's aggregate template the two inserts of every change spent about three times as
 * long in mapping, SQL generation and entity callbacks as in the database.
 */
@Service
public class AuditTrail {

    private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);

    private static final String INSERT = "INSERT INTO audit_entry (occurred_at, actor_subject, actor_name, actor_email, "
            + "action, resource_type, project_key, environment_key, integration_key, resource_name, resource_key, "
            + "resource_id, outcome, http_status, error_code, error_message, request_body, duration_ms, attempt_id, approved_by, request_id) "
            + "VALUES (:occurredAt, :actorSubject, :actorName, :actorEmail, :action, :resourceType, :projectKey, "
            + ":environmentKey, :integrationKey, :resourceName, :resourceKey, :resourceId, :outcome, :httpStatus, "
            + ":errorCode, :errorMessage, :requestBody, :durationMs, :attemptId, :approvedBy, :requestId)";

    private static final String[] GENERATED = { "id" };

    private final NamedParameterJdbcTemplate jdbc;

    private final Clock clock;

    private final MeterRegistry meters;

    public AuditTrail(NamedParameterJdbcTemplate jdbc, Clock clock, ObjectProvider<MeterRegistry> meters) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.meters = meters.getIfAvailable(SimpleMeterRegistry::new);
    }

    /**
     * Records an attempt before its call to LaunchDarkly, as
     * {@link AuditOutcome#STARTED}; its outcome follows as an entry
     * {@link AuditAttempt#linkedTo(long) linked} to the id returned.
     */
    public long started(AuditAttempt attempt) {
        return record(attempt.started()).id();
    }

    /** Inserts the entry and returns it with its id. */
    public AuditEntry record(AuditAttempt attempt) {
        AuditEntry entry = withId(attempt.toEntry(clock.instant(), RequestIdFilter.current()));
        // Attempts by resource and outcome (STARTED entries included: started minus
        // outcomes is what never ended).
        meters.counter("ldportal.audit.entries", "resource", entry.resourceType(), "outcome", entry.outcome().name())
            .increment();
        log.info("audit #{}: {} {} {} by {} -> {}", entry.id(), entry.action(), entry.resourceType(),
                entry.resourceKey() != null ? entry.resourceKey() : entry.resourceName(), entry.actorSubject(),
                entry.outcome());
        return entry;
    }

    /**
     * Inserts, never updates: an entry that somehow carried an id is inserted all the
     * same, under a new one.
     */
    private AuditEntry withId(AuditEntry entry) {
        // Types given, so that a null binds without asking the driver for the parameter's
        // type.
        MapSqlParameterSource values = new MapSqlParameterSource()
            .addValue("occurredAt", Timestamp.from(entry.occurredAt()))
            .addValue("actorSubject", entry.actorSubject(), Types.VARCHAR)
            .addValue("actorName", entry.actorName(), Types.VARCHAR)
            .addValue("actorEmail", entry.actorEmail(), Types.VARCHAR)
            .addValue("action", entry.action(), Types.VARCHAR)
            .addValue("resourceType", entry.resourceType(), Types.VARCHAR)
            .addValue("projectKey", entry.projectKey(), Types.VARCHAR)
            .addValue("environmentKey", entry.environmentKey(), Types.VARCHAR)
            .addValue("integrationKey", entry.integrationKey(), Types.VARCHAR)
            .addValue("resourceName", entry.resourceName(), Types.VARCHAR)
            .addValue("resourceKey", entry.resourceKey(), Types.VARCHAR)
            .addValue("resourceId", entry.resourceId(), Types.VARCHAR)
            .addValue("outcome", entry.outcome().name(), Types.VARCHAR)
            .addValue("httpStatus", entry.httpStatus(), Types.INTEGER)
            .addValue("errorCode", entry.errorCode(), Types.VARCHAR)
            .addValue("errorMessage", entry.errorMessage(), Types.VARCHAR)
            .addValue("requestBody", entry.requestBody(), Types.VARCHAR)
            .addValue("durationMs", entry.durationMs(), Types.BIGINT)
            .addValue("attemptId", entry.attemptId(), Types.BIGINT)
            .addValue("approvedBy", entry.approvedBy(), Types.VARCHAR)
            .addValue("requestId", entry.requestId(), Types.VARCHAR);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(INSERT, values, key, GENERATED);
        // The insert generates the id (GENERATED): the key is there.
        return new AuditEntry(Objects.requireNonNull(key.getKeyAs(Number.class)).longValue(), entry.occurredAt(),
                entry.actorSubject(), entry.actorName(), entry.actorEmail(), entry.action(), entry.resourceType(),
                entry.projectKey(), entry.environmentKey(), entry.integrationKey(), entry.resourceName(),
                entry.resourceKey(), entry.resourceId(), entry.outcome(), entry.httpStatus(), entry.errorCode(),
                entry.errorMessage(), entry.requestBody(), entry.durationMs(), entry.attemptId(), entry.approvedBy(),
                entry.requestId());
    }

}
