package org.ldportal.audit;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.UUID;

import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Runs scheduled work on one instance of the portal at a time, when several share one
 * database, with ShedLock's JDBC lock (table {@code shedlock}): a job runs where its row
 * could be taken, and the row stays taken for at least {@code holdAtLeast} after the job
 * started, so that the other instances' schedules, a moment behind, find it taken and
 * skip that round. Should an instance die mid-job, the row frees itself after
 * {@code holdAtMost}.
 */
@Component
public class ClusterLocks {

    private static final Logger log = LoggerFactory.getLogger(ClusterLocks.class);

    private final LockingTaskExecutor executor;

    public ClusterLocks(JdbcTemplate jdbc) {
        // Each instance by its own name in the row, so an operator can tell who holds it.
        String instance = ManagementFactory.getRuntimeMXBean().getName() + "/"
                + UUID.randomUUID().toString().substring(0, 8);
        this.executor = new DefaultLockingTaskExecutor(
                new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                    .withJdbcTemplate(jdbc)
                    .withTableName("shedlock")
                    .withLockedByValue(instance)
                    .build()));
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

    /**
     * Runs the job here if no other instance holds it; answers whether it ran. A row is
     * never held for less than {@code holdAtLeast}, even when an instance dies mid-job
     * (ShedLock's rule): a daily purge whose instance died then waits for its next day.
     */
    public boolean runIfFree(String job, Duration holdAtLeast, Duration holdAtMost, Runnable work) {
        Duration atMost = holdAtMost.compareTo(holdAtLeast) < 0 ? holdAtLeast : holdAtMost;
        try {
            boolean ran = executor.executeWithLock(() -> {
                work.run();
                return Boolean.TRUE;
            }, new LockConfiguration(ClockProvider.now(), job, atMost, holdAtLeast)).wasExecuted();
            if (!ran) {
                log.debug("Scheduled job {} is running or ran just now on another instance", job);
            }
            return ran;
        }
        catch (RuntimeException | Error e) {
            throw e;
        }
        catch (Throwable checked) {
            throw new IllegalStateException(checked);
        }
    }

}
