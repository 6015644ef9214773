package org.ldportal.audit;

import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Runs scheduled work on one instance of the portal at a time, when several share one
 * database: a job runs where its row in {@code scheduled_lock} could be taken (a
 * conditional UPDATE, or the first INSERT), and the row stays taken for at least
 * {@code holdAtLeast} after the job, so that the other instances' schedules, a moment
 * behind, find it taken and skip that round. Should an instance die mid-job, the row
 * frees itself after {@code holdAtMost}.
 */
@Component
public class ClusterLocks {

    private static final Logger log = LoggerFactory.getLogger(ClusterLocks.class);

    private final JdbcClient jdbc;

    private final Clock clock;

    private final String instance;

    public ClusterLocks(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.instance = ManagementFactory.getRuntimeMXBean().getName() + "/"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * A scheduled job that runs every {@code interval} on one instance: each round takes
     * the job's row and holds it for most of an interval, so that the other instances'
     * rounds, a moment behind, skip.
     */
    public Runnable onceAcrossInstances(String job, Duration interval, Duration holdAtMost, Runnable work) {
        Duration holdAtLeast = interval.multipliedBy(9).dividedBy(10);
        return () -> runIfFree(job, holdAtLeast, holdAtMost, work);
    }

    /** Runs the job here if no other instance holds it; answers whether it ran. */
    public boolean runIfFree(String job, Duration holdAtLeast, Duration holdAtMost, Runnable work) {
        Instant now = clock.instant();
        if (!take(job, now, now.plus(holdAtMost))) {
            log.debug("Scheduled job {} is running or ran just now on another instance", job);
            return false;
        }
        try {
            work.run();
        }
        finally {
            Instant done = clock.instant();
            Instant until = now.plus(holdAtLeast).isAfter(done) ? now.plus(holdAtLeast) : done;
            jdbc.sql("UPDATE scheduled_lock SET locked_until = :until WHERE name = :job AND locked_by = :me")
                .param("until", Timestamp.from(until))
                .param("job", job)
                .param("me", instance)
                .update();
        }
        return true;
    }

    private boolean take(String job, Instant now, Instant until) {
        int taken = jdbc
            .sql("UPDATE scheduled_lock SET locked_until = :until, locked_at = :now, locked_by = :me "
                    + "WHERE name = :job AND locked_until <= :now")
            .param("until", Timestamp.from(until))
            .param("now", Timestamp.from(now))
            .param("me", instance)
            .param("job", job)
            .update();
        if (taken == 1) {
            return true;
        }
        try {
            return jdbc.sql("INSERT INTO scheduled_lock (name, locked_until, locked_at, locked_by) "
                    + "SELECT :job, :until, :now, :me WHERE NOT EXISTS (SELECT 1 FROM scheduled_lock WHERE name = :job)")
                .param("job", job)
                .param("until", Timestamp.from(until))
                .param("now", Timestamp.from(now))
                .param("me", instance)
                .update() == 1;
        }
        catch (DuplicateKeyException anotherInstanceFirst) {
            return false;
        }
    }

}
