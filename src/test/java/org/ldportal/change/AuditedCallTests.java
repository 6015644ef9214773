package org.ldportal.change;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.ldportal.audit.AuditAttempt;
import org.ldportal.audit.AuditEntry;
import org.ldportal.audit.AuditFilter;
import org.ldportal.audit.AuditOutcome;
import org.ldportal.audit.AuditQueries;
import org.ldportal.audit.AuditTrail;
import org.ldportal.audit.SecretRedactor;
import org.ldportal.launchdarkly.LaunchDarklyApiException;
import org.ldportal.security.CurrentUser;
import org.ldportal.security.PortalRole;
import org.ldportal.security.PortalSecurityProperties;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The one audited call: what it records, before and after the call, whatever the call does. */
class AuditedCallTests {

    static final CurrentUser EDDIE = new CurrentUser("eddie", "Eddie Editor", null, EnumSet.of(PortalRole.EDITOR));

    static ApiFailureTranslator translator() {
        return new ApiFailureTranslator(new SecretRedactor(JsonMapper.builder().build()),
                new PortalSecurityProperties("groups", List.of(), List.of(), List.of(), "the platform team"));
    }

    /** No access rules: every role holds in every project, as before rules existed. */
    static AccessGuard everyoneAllowed(org.ldportal.audit.AuditTrail trail) {
        return new AccessGuard(new org.ldportal.security.ProjectAccess(org.ldportal.security.AccessProperties.none(),
                new org.ldportal.security.GroupRoleMapper(new PortalSecurityProperties("groups", List.of(), List.of(),
                        List.of(), "the platform team"))), trail);
    }

    static Change creatingQa() {
        return Change.create(AuditAttempt.by(EDDIE, "create", "environment").withTarget("mobile-app", null, null)
                .withResource("QA", "qa", null).withRequestBody("{\"key\":\"qa\"}"), "the environment");
    }

    /** Against the real trail on H2: the rows as the audit page reads them. */
    @Nested
    @DataJdbcTest
    @Import({ AuditTrail.class, AuditQueries.class, AuditedCallTests.Beans.class })
    class OnTheDatabase {

        @Autowired
        AuditTrail trail;

        @Autowired
        AuditQueries queries;

        @Autowired
        JdbcClient jdbc;

        /** What LaunchDarkly has now, as the features' checks would find it; null: it cannot tell. */
        java.util.Optional<Sent> inLaunchDarkly = java.util.Optional.empty();

        AuditedCall call() {
            ExistenceCheck check = new ExistenceCheck() {
                @Override
                public boolean handles(Target target) {
                    return target.resourceType().equals("environment");
                }

                @Override
                public java.util.Optional<Sent> find(Target target) {
                    if (inLaunchDarkly == null) {
                        throw new org.ldportal.launchdarkly.LaunchDarklyUnreachableException("down", false, null);
                    }
                    return inLaunchDarkly;
                }
            };
            return new AuditedCall(trail, translator(), new Settlement(List.of(check), trail), everyoneAllowed(trail));
        }

        @Test
        void sendWhenSucceededThenStartedEntryWrittenBeforeTheCallAndOutcomeLinkedToIt() {
            AtomicLong rowsDuringCall = new AtomicLong();

            ChangeResult<String> result = call().send(creatingQa(), () -> {
                rowsDuringCall.set(count("STARTED"));
                return "env-1";
            }, id -> new Sent("qa", id, "https://ld.example/qa"));

            assertThat(result).isEqualTo(new ChangeResult.Succeeded<>("env-1", "https://ld.example/qa"));
            assertThat(rowsDuringCall.get()).as("started entries while the call ran").isEqualTo(1);
            long startedId = jdbc.sql("SELECT id FROM audit_entry WHERE outcome = 'STARTED'").query(Long.class).single();
            AuditEntry outcome = onlyListed();
            assertThat(outcome.outcome()).isEqualTo(AuditOutcome.SUCCEEDED);
            assertThat(outcome.attemptId()).isEqualTo(startedId);
            assertThat(outcome.resourceId()).isEqualTo("env-1");
            assertThat(outcome.httpStatus()).isEqualTo(201);
            assertThat(outcome.durationMs()).isNotNull();
        }

        @Test
        void sendWhenPersonMayNotActInTheProjectThenRefusedBeforeAnythingAndRecordedAsRejected() {
            org.ldportal.security.AccessProperties rules = new org.ldportal.security.AccessProperties(List.of(
                    new org.ldportal.security.AccessRule("web team", List.of("team-web"), PortalRole.EDITOR,
                            List.of("web-*"), List.of("*"), List.of(), false)));
            PortalSecurityProperties global = new PortalSecurityProperties("groups", List.of(), List.of(), List.of(), "x");
            AccessGuard guard = new AccessGuard(new org.ldportal.security.ProjectAccess(rules,
                    new org.ldportal.security.GroupRoleMapper(global, rules)), trail);
            AuditedCall scoped = new AuditedCall(trail, translator(), new Settlement(List.of(), trail), guard);
            CurrentUser webOnly = new CurrentUser("wes", "Wes Web", null, java.util.Set.of(), EnumSet.of(PortalRole.EDITOR),
                    java.util.Set.of("team-web"));
            AtomicLong calls = new AtomicLong();
            Change inMobileApp = Change.create(AuditAttempt.by(webOnly, "create", "environment")
                    .withTarget("mobile-app", null, null).withResource("QA", "qa", null), "the environment");

            org.assertj.core.api.Assertions.assertThatThrownBy(() -> scoped.send(inMobileApp, () -> calls.incrementAndGet(),
                    id -> Sent.NOTHING_KNOWN)).isInstanceOf(NotAllowedException.class).hasMessage("Not allowed in project mobile-app");

            assertThat(calls.get()).as("calls to LaunchDarkly").isZero();
            assertThat(count("STARTED")).isZero();
            AuditEntry rejected = onlyListed();
            assertThat(rejected.outcome()).isEqualTo(AuditOutcome.REJECTED);
            assertThat(rejected.errorCode()).isEqualTo("not-allowed");
            assertThat(rejected.actorSubject()).isEqualTo("wes");
        }

        @Test
        void sendWhenTheAnswerCannotBeReadThenUnknownAndTheStartedEntryKept() {
            inLaunchDarkly = null; // and LaunchDarkly cannot be asked again just now
            ChangeResult<String> result = call().send(creatingQa(), () -> {
                throw new IllegalStateException("could not decode the body");
            }, id -> new Sent(null, id, null));

            assertThat(result).isInstanceOfSatisfying(ChangeResult.MayExist.class, mayExist ->
                    assertThat(mayExist.message()).contains("The environment may or may not have been created")
                            .contains("check in LaunchDarkly before you try again").doesNotContain("decode"));
            AuditEntry outcome = onlyListed();
            assertThat(outcome.outcome()).isEqualTo(AuditOutcome.UNKNOWN);
            assertThat(outcome.attemptId()).isNotNull();
            assertThat(count("STARTED")).isEqualTo(1);
        }

        @Test
        void sendWhenGatewayAnswers502AndLaunchDarklyCannotBeAskedThenUnknownNotFailed() {
            inLaunchDarkly = null;
            ChangeResult<String> result = call().send(creatingQa(), () -> {
                throw new LaunchDarklyApiException(502, null, null, null);
            }, id -> new Sent(null, id, null));

            assertThat(result).isInstanceOfSatisfying(ChangeResult.MayExist.class, mayExist ->
                    assertThat(mayExist.found()).isNull());
            AuditEntry outcome = onlyListed();
            assertThat(outcome.outcome()).isEqualTo(AuditOutcome.UNKNOWN);
            assertThat(outcome.httpStatus()).isEqualTo(502);
            assertThat(outcome.errorMessage()).contains("may or may not have been created");
        }

        @Test
        void sendWhenAnswerLostButTheResourceExistsThenSettledAsCreatedInANewLinkedEntry() {
            inLaunchDarkly = java.util.Optional.of(new Sent("qa", "env-9", "https://ld.example/qa"));

            ChangeResult<String> result = call().send(creatingQa(), () -> {
                throw new LaunchDarklyApiException(504, null, null, null);
            }, id -> new Sent(null, id, null));

            assertThat(result).isInstanceOfSatisfying(ChangeResult.MayExist.class, mayExist -> {
                assertThat(mayExist.found()).isEqualTo(new Sent("qa", "env-9", "https://ld.example/qa"));
                assertThat(mayExist.message()).contains("the environment was created");
            });
            AuditEntry settled = onlyListed();
            assertThat(settled.outcome()).isEqualTo(AuditOutcome.SUCCEEDED);
            assertThat(settled.errorCode()).isEqualTo("settled");
            assertThat(settled.resourceId()).isEqualTo("env-9");
            assertThat(count("UNKNOWN")).as("the unclear answer stays in the trail").isEqualTo(1);
            assertThat(settled.attemptId()).isEqualTo(jdbc.sql("SELECT attempt_id FROM audit_entry WHERE outcome = 'UNKNOWN'")
                    .query(Long.class).single());
        }

        @Test
        void sendWhenAnswerLostAndTheResourceDoesNotExistThenFailedSoTryingAgainIsSafe() {
            inLaunchDarkly = java.util.Optional.empty();

            ChangeResult<String> result = call().send(creatingQa(), () -> {
                throw new org.ldportal.launchdarkly.LaunchDarklyUnreachableException("timeout", true, null);
            }, id -> new Sent(null, id, null));

            assertThat(result).isInstanceOfSatisfying(ChangeResult.Failed.class, failed ->
                    assertThat(failed.message()).contains("the environment was not created").contains("send the form again"));
            assertThat(onlyListed().outcome()).isEqualTo(AuditOutcome.FAILED);
        }

        @Test
        void sendWhenValuesExceedTheirColumnsThenCutAndStillRecorded() {
            String longKey = "k".repeat(300);
            Change change = Change.create(AuditAttempt.by(EDDIE, "create", "environment").withTarget("mobile-app", null, null)
                    .withResource("N".repeat(2000), longKey, null), "the environment");

            ChangeResult<String> result = call().send(change, () -> "id-1", id -> new Sent(longKey, id, null));

            assertThat(result).isInstanceOf(ChangeResult.Succeeded.class);
            AuditEntry outcome = onlyListed();
            assertThat(outcome.resourceKey()).hasSize(255).startsWith("kkk").endsWith("\u2026");
            assertThat(outcome.resourceName()).hasSize(1024);
        }

        @Test
        void refuseThenOneRejectedEntryWithoutStatus() {
            ChangeResult<String> result = call().refuse(creatingQa(), RefusalTarget.field("key"), "The key qa is reserved.");

            assertThat(result).isEqualTo(new ChangeResult.Refused<>(RefusalTarget.field("key"), "The key qa is reserved.", null,
                    null, null));
            AuditEntry entry = onlyListed();
            assertThat(entry.outcome()).isEqualTo(AuditOutcome.REJECTED);
            assertThat(entry.httpStatus()).isNull();
            assertThat(entry.attemptId()).isNull();
            assertThat(count("STARTED")).isZero();
        }

        @Test
        void listWhenStartedEntryHasNoOutcomeThenItIsShownSoTheAttemptIsNotLost() {
            trail.started(creatingQa().attempt());

            AuditEntry entry = onlyListed();

            assertThat(entry.outcome()).isEqualTo(AuditOutcome.STARTED);
        }

        private AuditEntry onlyListed() {
            List<AuditEntry> listed = queries.page(AuditFilter.none(), null, null, 25).entries();
            assertThat(listed).as("one row per attempt on the audit page").hasSize(1);
            return listed.get(0);
        }

        private long count(String outcome) {
            return jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE outcome = :outcome").param("outcome", outcome)
                    .query(Long.class).single();
        }
    }

    /** When the trail itself fails. */
    @Nested
    class WhenTheTrailFails {

        private final AuditTrail trail = mock(AuditTrail.class);
        private final AuditedCall call = new AuditedCall(trail, translator(), new Settlement(List.of(), trail), everyoneAllowed(trail));

        @Test
        void sendWhenStartCannotBeRecordedThenNothingIsSent() {
            when(trail.started(any())).thenThrow(new IllegalStateException("database down"));
            AtomicInteger calls = new AtomicInteger();

            ChangeResult<String> result = call.send(creatingQa(), () -> {
                calls.incrementAndGet();
                return "id";
            }, id -> new Sent(null, id, null));

            assertThat(calls).hasValue(0);
            assertThat(result).isInstanceOfSatisfying(ChangeResult.Failed.class, failed ->
                    assertThat(failed.message()).contains("nothing was sent to LaunchDarkly").contains("the platform team"));
        }

        @Test
        void sendWhenOutcomeCannotBeRecordedWholeThenBareOutcomeLinkedAndStillSucceeded() {
            when(trail.started(any())).thenReturn(41L);
            when(trail.record(any())).thenThrow(new IllegalStateException("value too long")).thenReturn(null);

            ChangeResult<String> result = call.send(creatingQa(), () -> "id-1", id -> new Sent("qa", id, null));

            assertThat(result).isInstanceOf(ChangeResult.Succeeded.class);
            ArgumentCaptor<AuditAttempt> recorded = ArgumentCaptor.forClass(AuditAttempt.class);
            verify(trail, times(2)).record(recorded.capture());
            AuditAttempt bare = recorded.getAllValues().get(1);
            assertThat(bare.outcome()).isEqualTo(AuditOutcome.SUCCEEDED);
            assertThat(bare.attemptId()).isEqualTo(41L);
            assertThat(bare.redactedRequestBody()).isNull();
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Beans {

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }
}
