package org.ldportal.audit;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.jdbc.core.JdbcAggregateTemplate;
import org.springframework.stereotype.Service;

/**
 * Records the attempts to change something in LaunchDarkly: an entry before each call and one with its outcome. There is deliberately no update or delete here:
 * the trail is append-only (the retention purge is the one exception, and it records itself).
 */
@Service
public class AuditTrail {

    private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);

    private final JdbcAggregateTemplate jdbc;
    private final Clock clock;

    public AuditTrail(JdbcAggregateTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Records an attempt before its call to LaunchDarkly, as {@link AuditOutcome#STARTED}; its outcome follows as
     * an entry {@link AuditAttempt#linkedTo(long) linked} to the id returned.
     */
    public long started(AuditAttempt attempt) {
        return record(attempt.started()).id();
    }

    /** Inserts the entry and returns it with its id. */
    public AuditEntry record(AuditAttempt attempt) {
        // insert, never save: save() would update an entry that somehow carried an id.
        AuditEntry entry = jdbc.insert(attempt.toEntry(clock.instant()));
        log.info("audit #{}: {} {} {} by {} -> {}", entry.id(), entry.action(), entry.resourceType(),
                entry.resourceKey() != null ? entry.resourceKey() : entry.resourceName(), entry.actorSubject(),
                entry.outcome());
        return entry;
    }
}
