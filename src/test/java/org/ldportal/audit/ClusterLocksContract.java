package org.ldportal.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import net.javacrumbs.shedlock.core.ClockProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scheduled work on one instance at a time, with two "instances" (two lock holders) on
 * one database.
 */
abstract class ClusterLocksContract {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JdbcTemplate jdbcTemplate;

    @AfterEach
    void systemClock() {
        ClockProvider.setClock(Clock.systemUTC());
    }

    @BeforeEach
    void empty() {
        jdbc.sql("DELETE FROM shedlock").update();
    }

    /** A clock the test moves by hand. */
    static final class HandClock extends Clock {

        private Instant now = Instant.parse("2026-12-01T10:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

    }

    @Test
    void runIfFreeWhenTwoInstancesFireTogetherThenTheJobRunsOnce() throws Exception {
        ClusterLocks first = new ClusterLocks(jdbcTemplate);
        ClusterLocks second = new ClusterLocks(jdbcTemplate);
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService instances = Executors.newFixedThreadPool(2);
        List<Future<Boolean>> ran = new ArrayList<>();
        try {
            for (ClusterLocks instance : List.of(first, second)) {
                ran.add(instances.submit(() -> {
                    start.await();
                    return instance.runIfFree("purge", Duration.ofMinutes(5), Duration.ofMinutes(10), () -> {
                        runs.incrementAndGet();
                        sleep(200);
                    });
                }));
            }
            start.countDown();
            assertThat(List.of(ran.get(0).get(), ran.get(1).get())).containsExactlyInAnyOrder(true, false);
        }
        finally {
            instances.shutdownNow();
        }
        assertThat(runs.get()).isEqualTo(1);
        // The other instance's schedule, a moment later: still taken.
        assertThat(second.runIfFree("purge", Duration.ofMinutes(5), Duration.ofMinutes(10), runs::incrementAndGet)
                || first.runIfFree("purge", Duration.ofMinutes(5), Duration.ofMinutes(10), runs::incrementAndGet))
            .isFalse();
        assertThat(runs.get()).isEqualTo(1);
    }

    @Test
    void runIfFreeWhenHeldLongEnoughOrItsHolderDiedThenTheNextRoundRunsAnywhere() {
        HandClock clock = new HandClock();
        // ShedLock reads the time from its ClockProvider; set back after the test.
        ClockProvider.setClock(clock);
        ClusterLocks first = new ClusterLocks(jdbcTemplate);
        ClusterLocks second = new ClusterLocks(jdbcTemplate);
        AtomicInteger runs = new AtomicInteger();

        assertThat(first.runIfFree("expiry", Duration.ofMinutes(9), Duration.ofMinutes(30), runs::incrementAndGet))
            .isTrue();
        clock.advance(Duration.ofMinutes(8));
        assertThat(second.runIfFree("expiry", Duration.ofMinutes(9), Duration.ofMinutes(30), runs::incrementAndGet))
            .isFalse();
        clock.advance(Duration.ofMinutes(2));
        assertThat(second.runIfFree("expiry", Duration.ofMinutes(9), Duration.ofMinutes(30), runs::incrementAndGet))
            .isTrue();

        // An instance that dies inside a job never frees its row: it frees itself after
        // holdAtMost.
        jdbc.sql("UPDATE shedlock SET lock_until = :until, locked_by = 'died'")
            .param("until", java.sql.Timestamp.from(clock.instant().plus(Duration.ofMinutes(30))))
            .update();
        clock.advance(Duration.ofMinutes(29));
        assertThat(first.runIfFree("expiry", Duration.ofMinutes(9), Duration.ofMinutes(30), runs::incrementAndGet))
            .isFalse();
        clock.advance(Duration.ofMinutes(2));
        assertThat(first.runIfFree("expiry", Duration.ofMinutes(9), Duration.ofMinutes(30), runs::incrementAndGet))
            .isTrue();
        assertThat(runs.get()).isEqualTo(3);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
