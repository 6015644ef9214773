package org.ldportal.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;

import org.junit.jupiter.api.Test;
import org.ldportal.resource.ChangeAction;
import org.ldportal.resource.ResourceType;
import org.ldportal.security.CurrentUser;
import org.ldportal.security.PortalRole;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@DataJdbcTest
@Import({ AuditTrail.class, AuditTrailContract.FixedClock.class })
class AuditRetentionTests {

    private static final Instant NOW = AuditTrailContract.NOW;

    @Autowired
    private AuditTrail trail;

    @Autowired
    private AuditRepository repository;

    @Autowired
    private JdbcClient jdbc;

    @Test
    void purgeWhenRetentionSetThenOlderEntriesDeletedAndThePurgeRecorded() {
        jdbc.sql("DELETE FROM audit_entry").update();
        long old = entryAt(NOW.minus(Duration.ofDays(40)));
        long recent = entryAt(NOW.minus(Duration.ofDays(10)));

        int deleted = new AuditRetention(jdbc, trail, Clock.fixed(NOW, ZoneOffset.UTC), retainingDays(30)).purge();

        assertThat(deleted).isEqualTo(1);
        assertThat(repository.findById(old)).isEmpty();
        assertThat(repository.findById(recent)).isPresent();
        AuditEntry purge = repository.findTop50ByOrderByIdDesc().get(0);
        assertThat(purge.action()).isEqualTo("purge");
        assertThat(purge.actorSubject()).isEqualTo("system:retention");
        assertThat(purge.errorMessage()).isEqualTo("Deleted 1 entries older than 30 days");
        assertThat(purge.outcome()).isEqualTo(AuditOutcome.SUCCEEDED);
    }

    @Test
    void purgeWhenNoRetentionSetThenKeepsEverything() {
        long old = entryAt(NOW.minus(Duration.ofDays(4000)));

        assertThat(new AuditRetention(jdbc, trail, Clock.fixed(NOW, ZoneOffset.UTC), retainingDays(null)).purge())
            .isZero();
        assertThat(repository.findById(old)).isPresent();
    }

    @Test
    void purgeWhenNothingOldThenNothingRecorded() {
        jdbc.sql("DELETE FROM audit_entry").update();
        entryAt(NOW.minus(Duration.ofDays(1)));

        assertThat(new AuditRetention(jdbc, trail, Clock.fixed(NOW, ZoneOffset.UTC), retainingDays(30)).purge())
            .isZero();
        assertThat(repository.count()).isEqualTo(1);
    }

    private long entryAt(Instant when) {
        long id = trail
            .record(AuditAttempt.by(new CurrentUser("eddie", "Eddie", null, EnumSet.of(PortalRole.EDITOR)),
                    ChangeAction.CREATE, ResourceType.ENVIRONMENT)
                .withOutcome(AuditOutcome.SUCCEEDED, 201, null, null, null))
            .id();
        jdbc.sql("UPDATE audit_entry SET occurred_at = :at WHERE id = :id")
            .param("at", Timestamp.from(when))
            .param("id", id)
            .update();
        return id;
    }

    private static AuditProperties retainingDays(Integer days) {
        return new AuditProperties(days, java.time.Duration.ofHours(24), java.time.Duration.ofMinutes(5));
    }

}
