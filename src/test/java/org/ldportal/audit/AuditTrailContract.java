package org.ldportal.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;

import org.junit.jupiter.api.Test;
import org.ldportal.resource.ChangeAction;
import org.ldportal.resource.Place;
import org.ldportal.resource.ResourceType;
import org.ldportal.security.CurrentUser;
import org.ldportal.security.PortalRole;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the audit store must do on every database the portal supports; run by
 * {@link AuditRepositoryH2Tests} and {@link AuditRepositoryPostgresTests}.
 */
@Import({ AuditTrail.class, AuditTrailContract.FixedClock.class })
abstract class AuditTrailContract {

    static final Instant NOW = Instant.parse("2026-03-14T09:26:53.589Z");

    @Autowired
    AuditTrail trail;

    @Autowired
    AuditRepository repository;

    private final CurrentUser editor = new CurrentUser("sub-1", "Eddie Editor", "eddie@example.com",
            EnumSet.of(PortalRole.EDITOR));

    @Test
    void recordWhenAttemptSucceededThenEveryColumnIsStoredAndReadBack() {
        AuditAttempt attempt = AuditAttempt.by(editor, ChangeAction.CREATE, ResourceType.DESTINATION)
            .at(Place.environment("mobile-app", "production"))
            .withResource("Events to Kinesis", null, "dest-123")
            .withRequestBody("{\"kind\":\"kinesis\",\"config\":{\"roleArn\":\"arn:aws:iam::1:role/x\"}}")
            .withOutcome(AuditOutcome.SUCCEEDED, 201, null, null, Duration.ofMillis(87));

        AuditEntry saved = trail.record(attempt);

        AuditEntry read = repository.findById(saved.id()).orElseThrow();
        assertThat(read.id()).isNotNull();
        assertThat(read.occurredAt()).isEqualTo(NOW);
        assertThat(read.actorSubject()).isEqualTo("sub-1");
        assertThat(read.actorName()).isEqualTo("Eddie Editor");
        assertThat(read.actorEmail()).isEqualTo("eddie@example.com");
        assertThat(read.action()).isEqualTo("create");
        assertThat(read.resourceType()).isEqualTo("destination");
        assertThat(read.projectKey()).isEqualTo("mobile-app");
        assertThat(read.environmentKey()).isEqualTo("production");
        assertThat(read.resourceName()).isEqualTo("Events to Kinesis");
        assertThat(read.resourceId()).isEqualTo("dest-123");
        assertThat(read.outcome()).isEqualTo(AuditOutcome.SUCCEEDED);
        assertThat(read.httpStatus()).isEqualTo(201);
        assertThat(read.requestBody()).contains("\"roleArn\"");
        assertThat(read.durationMs()).isEqualTo(87L);
    }

    @Test
    void recordWhenGuardrailRefusedThenHttpStatusIsEmpty() {
        AuditEntry saved = trail.record(AuditAttempt.by(editor, ChangeAction.CREATE, ResourceType.ENVIRONMENT)
            .at(Place.project("mobile-app"))
            .withResource("Production", "production", null)
            .withOutcome(AuditOutcome.REJECTED, null, "reserved_key", "The key production is reserved", null));

        AuditEntry read = repository.findById(saved.id()).orElseThrow();
        assertThat(read.httpStatus()).isNull();
        assertThat(read.durationMs()).isNull();
        assertThat(read.errorCode()).isEqualTo("reserved_key");
        assertThat(read.outcome()).isEqualTo(AuditOutcome.REJECTED);
    }

    @Test
    void recordWhenSeveralAttemptsThenNewestFirst() {
        long before = repository.count();
        AuditEntry first = trail.record(AuditAttempt.by(editor, ChangeAction.CREATE, ResourceType.ENVIRONMENT)
            .withOutcome(AuditOutcome.FAILED, 500, "internal", "boom", Duration.ZERO));
        AuditEntry second = trail.record(AuditAttempt.by(editor, ChangeAction.CREATE, ResourceType.ENVIRONMENT)
            .withOutcome(AuditOutcome.UNKNOWN, null, null, "timed out", Duration.ofSeconds(10)));

        assertThat(repository.count()).isEqualTo(before + 2);
        assertThat(repository.findTop50ByOrderByIdDesc()).extracting(AuditEntry::id)
            .startsWith(second.id(), first.id());
    }

    @Test
    void auditTrailThenOffersNoWayToUpdateOrDelete() {
        assertThat(Arrays.stream(AuditTrail.class.getMethods()).map(java.lang.reflect.Method::getName))
            .noneMatch(name -> name.startsWith("update") || name.startsWith("delete") || name.startsWith("save"));
        assertThat(Arrays.stream(AuditQueries.class.getMethods()).map(java.lang.reflect.Method::getName))
            .noneMatch(name -> name.startsWith("update") || name.startsWith("delete") || name.startsWith("save"));
    }

    @TestConfiguration
    static class FixedClock {

        @Bean
        Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }

    }

}
