package org.ldportal.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.ldportal.resource.ChangeAction;
import org.ldportal.resource.ResourceType;
import org.ldportal.security.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deletes entries older than {@code portal.audit.retention-days}; without that setting
 * the trail is kept forever. This is the only code that deletes audit entries, and every
 * purge that deletes something is itself recorded.
 */
@Component
public class AuditRetention {

    private static final Logger log = LoggerFactory.getLogger(AuditRetention.class);
    static final CurrentUser RETENTION_POLICY = new CurrentUser("system:retention", "Retention policy", null, Set.of());

    private final JdbcClient jdbc;

    private final AuditTrail trail;

    private final Clock clock;

    private final @Nullable Integer retentionDays;

    public AuditRetention(JdbcClient jdbc, AuditTrail trail, Clock clock, AuditProperties properties) {
        this.jdbc = jdbc;
        this.trail = trail;
        this.clock = clock;
        this.retentionDays = properties.retentionDays();
    }

    /**
     * Runs every purge interval (see {@link AuditSchedulingConfig}); returns how many
     * entries were deleted.
     */
    @Transactional
    public int purge() {
        if (retentionDays == null || retentionDays <= 0) {
            return 0;
        }
        Instant cutoff = clock.instant().minus(Duration.ofDays(retentionDays));
        long started = System.nanoTime();
        AppendOnly.maintenance(jdbc);
        int deleted = jdbc.sql("DELETE FROM audit_entry WHERE occurred_at < :cutoff")
            .param("cutoff", Timestamp.from(cutoff))
            .update();
        if (deleted > 0) {
            String message = "Deleted " + deleted + " entries older than " + retentionDays + " days";
            trail.record(AuditAttempt.by(RETENTION_POLICY, ChangeAction.PURGE, ResourceType.AUDIT_ENTRY)
                .withOutcome(AuditOutcome.SUCCEEDED, null, null, message,
                        Duration.ofNanos(System.nanoTime() - started)));
            log.info("Audit retention: {}", message);
        }
        return deleted;
    }

}
