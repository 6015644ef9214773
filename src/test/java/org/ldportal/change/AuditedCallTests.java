package org.ldportal.change;

import org.ldportal.change.internal.InFlightAttempts;
import org.ldportal.change.internal.Settlement;
import org.ldportal.change.internal.SettlementProperties;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.ldportal.access.AccessGuard;
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
import org.ldportal.resource.ChangeAction;
import org.ldportal.resource.Place;
import org.ldportal.resource.ResourceType;
import org.ldportal.security.CurrentUser;
import org.ldportal.security.PortalRole;
import org.ldportal.security.PortalSecurityProperties;
import org.ldportal.testsupport.InMemorySubmissions;
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

/**
 * The one audited call: what it records, before and after the call, whatever the call
 * does.
 */
class AuditedCallTests {

    static final CurrentUser EDDIE = new CurrentUser("eddie", "Eddie Editor", null, EnumSet.of(PortalRole.EDITOR));

    static ApiFailureTranslator translator() {
        return new ApiFailureTranslator(new SecretRedactor(JsonMapper.builder().build()),
                new PortalSecurityProperties("groups", List.of(), List.of(), List.of(), "the platform team"));
    }

    /** No access rules: every role holds in every project, as before rules existed. */
    static AccessGuard everyoneAllowed(org.ldportal.audit.AuditTrail trail) {
        return new AccessGuard(new org.ldportal.access.ProjectAccess(org.ldportal.security.AccessProperties.none(),
                new org.ldportal.security.GroupRoleMapper(
                        new PortalSecurityProperties("groups", List.of(), List.of(), List.of(), "the platform team"))),
                trail);
    }

    static Change creatingQa() {
        return Change.create(AuditAttempt.by(EDDIE, ChangeAction.CREATE, ResourceType.ENVIRONMENT)
            .at(Place.project("mobile-app"))
            .withResource("QA", "qa", null)
            .withRequestBody("{\"key\":\"qa\"}"), "the environment");
    }

    /** Against the real trail on H2: the rows as the audit page reads them. */
    @Nested
    @DataJdbcTest
    // Committed as the portal commits (tracking a create is a transaction of its own, and
    // two threads send at once):
    // each test starts from empty tables instead.
    @org.springframework.transaction.annotation.Transactional(
            propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
    @Import({ AuditTrail.class, AuditQueries.class, AuditedCallTests.Beans.class })
    class OnTheDatabase {

        @org.junit.jupiter.api.BeforeEach
        void emptyTables() {
            jdbc.sql("DELETE FROM change_in_flight").update();
            jdbc.sql("DELETE FROM audit_entry").update();
        }

        @Autowired
        AuditTrail trail;

        @Autowired
        AuditQueries queries;

        @Autowired
        JdbcClient jdbc;

        @Autowired
        org.springframework.transaction.PlatformTransactionManager transactions;

        /**
         * What LaunchDarkly has now, as the features' checks would find it; null: it
         * cannot tell.
         */
        java.util.Optional<Sent> inLaunchDarkly = java.util.Optional.empty();

        /**
         * The portal's clock, moved by the tests: when a look is due, and when absence
         * proves anything.
         */
        final MovableClock clock = new MovableClock();

        final InMemorySubmissions submissions = new InMemorySubmissions();

        final List<AttemptSettled> settledEvents = new java.util.ArrayList<>();

        UnknownOutcomes outcomes() {
            ExistenceCheck check = new ExistenceCheck() {
                @Override
                public boolean handles(Target target) {
                    return target.type() == ResourceType.ENVIRONMENT;
                }

                @Override
                public String identity(Target target) {
                    return "environment:" + target.projectKey() + "/" + target.resourceKey();
                }

                @Override
                public java.util.Optional<Sent> find(Target target) {
                    if (inLaunchDarkly == null) {
                        throw new org.ldportal.launchdarkly.LaunchDarklyUnreachableException("down", false, null);
                    }
                    return inLaunchDarkly;
                }
            };
            InFlightAttempts inFlight = new InFlightAttempts(jdbc, trail, JsonMapper.builder().build(), transactions);
            return new UnknownOutcomes(new Settlement(List.of(check)), inFlight, trail, queries, submissions,
                    event -> settledEvents.add((AttemptSettled) event), SETTLEMENT, LAUNCHDARKLY, clock);
        }

        AuditedCall call() {
            return call(outcomes());
        }

        AuditedCall call(UnknownOutcomes outcomes) {
            return new AuditedCall(trail, translator(), everyoneAllowed(trail), provider(outcomes));
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
            long startedId = jdbc.sql("SELECT id FROM audit_entry WHERE outcome = 'STARTED'")
                .query(Long.class)
                .single();
            AuditEntry outcome = onlyListed();
            assertThat(outcome.outcome()).isEqualTo(AuditOutcome.SUCCEEDED);
            assertThat(outcome.attemptId()).isEqualTo(startedId);
            assertThat(outcome.resourceId()).isEqualTo("env-1");
            assertThat(outcome.httpStatus()).isEqualTo(201);
            assertThat(outcome.durationMs()).isNotNull();
        }

        @Test
        void sendWhenPersonMayNotActInTheProjectThenRefusedBeforeAnythingAndRecordedAsRejected() {
            org.ldportal.security.AccessProperties rules = new org.ldportal.security.AccessProperties(
                    List.of(new org.ldportal.security.AccessRule("web team", List.of("team-web"), PortalRole.EDITOR,
                            List.of("web-*"), List.of("*"), List.of(), false)));
            PortalSecurityProperties global = new PortalSecurityProperties("groups", List.of(), List.of(), List.of(),
                    "x");
            AccessGuard guard = new AccessGuard(new org.ldportal.access.ProjectAccess(rules,
                    new org.ldportal.security.GroupRoleMapper(global, rules)), trail);
            AuditedCall scoped = new AuditedCall(trail, translator(), guard, provider(null));
            CurrentUser webOnly = new CurrentUser("wes", "Wes Web", null, java.util.Set.of(),
                    EnumSet.of(PortalRole.EDITOR), java.util.Set.of("team-web"));
            AtomicLong calls = new AtomicLong();
            Change inMobileApp = Change.create(AuditAttempt.by(webOnly, ChangeAction.CREATE, ResourceType.ENVIRONMENT)
                .at(Place.project("mobile-app"))
                .withResource("QA", "qa", null), "the environment");

            org.assertj.core.api.Assertions
                .assertThatThrownBy(
                        () -> scoped.send(inMobileApp, () -> calls.incrementAndGet(), id -> Sent.NOTHING_KNOWN))
                .isInstanceOf(NotAllowedException.class)
                .hasMessage("Not allowed in project mobile-app");

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

            assertThat(result).isInstanceOfSatisfying(ChangeResult.MayExist.class, mayExist -> {
                assertThat(mayExist.message())
                    .contains("LaunchDarkly has not confirmed that the environment was created")
                    .contains("the portal is checking")
                    .contains("Do not send this form again")
                    .doesNotContain("decode");
                assertThat(mayExist.beingChecked()).isTrue();
            });
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

            assertThat(result).isInstanceOfSatisfying(ChangeResult.MayExist.class,
                    mayExist -> assertThat(mayExist.found()).isNull());
            AuditEntry outcome = onlyListed();
            assertThat(outcome.outcome()).isEqualTo(AuditOutcome.UNKNOWN);
            assertThat(outcome.httpStatus()).isEqualTo(502);
            assertThat(outcome.errorMessage()).isEqualTo(
                    "LaunchDarkly answered 502. The portal checks with LaunchDarkly " + "whether it was created.");
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
            assertThat(settled.httpStatus()).as("what LaunchDarkly answered, kept on the settled entry").isEqualTo(504);
            assertThat(settled.errorMessage()).startsWith("LaunchDarkly answered 504")
                .contains("it exists, so it was created");
            assertThat(count("UNKNOWN")).as("the unclear answer stays in the trail").isEqualTo(1);
            assertThat(settled.attemptId())
                .isEqualTo(jdbc.sql("SELECT attempt_id FROM audit_entry WHERE outcome = 'UNKNOWN'")
                    .query(Long.class)
                    .single());
            assertThat(inFlight()).as("settled: nothing left in flight").isZero();
        }

        @Test
        void sendWhenAnswerLostButTheResourceExistsAndCanBeReadBackThenASuccessWithItsResultPage() {
            inLaunchDarkly = java.util.Optional.of(new Sent("qa", "env-9", "https://ld.example/qa"));

            ChangeResult<String> result = call().send(creatingQa(), () -> {
                throw new org.ldportal.launchdarkly.LaunchDarklyUnreachableException("timeout", true, null);
            }, id -> new Sent(null, id, null), found -> "read back " + found.id());

            assertThat(result).isEqualTo(new ChangeResult.Succeeded<>("read back env-9", "https://ld.example/qa"));
            assertThat(onlyListed().outcome()).isEqualTo(AuditOutcome.SUCCEEDED);
        }

        @Test
        void sendWhenFoundAtOnceButNotReadBackThenARepeatOfTheFormSaysCreated() {
            inLaunchDarkly = java.util.Optional.of(new Sent("qa", "env-9", "https://ld.example/qa"));
            String token = "tok_" + "y".repeat(20);
            submissions.claim(token, EDDIE, Integer.class);

            java.util.function.Function<Sent, String> unreadable = found -> {
                throw new IllegalStateException("could not read it back");
            };
            submissions.send(token, () -> call().<String>send(creatingQa(), () -> {
                throw new LaunchDarklyApiException(504, null, null, null);
            }, id -> new Sent(null, id, null), unreadable), created -> created);

            assertThat(submissions.claim(token, EDDIE, Integer.class)).isInstanceOfSatisfying(
                    Submissions.Claim.Settled.class, repeat -> assertThat(repeat.created()).isTrue());
        }

        @Test
        void sendWhenAnswerLostAndNotFoundThenUnknownUntilTheRequestCannotBeInFlightThenFailed() {
            inLaunchDarkly = java.util.Optional.empty();
            UnknownOutcomes outcomes = outcomes();

            ChangeResult<String> result = call(outcomes).send(creatingQa(), () -> {
                throw new org.ldportal.launchdarkly.LaunchDarklyUnreachableException("timeout", true, null);
            }, id -> new Sent(null, id, null));

            assertThat(result).isInstanceOfSatisfying(ChangeResult.MayExist.class,
                    mayExist -> assertThat(mayExist.message()).contains("has not confirmed")
                        .doesNotContain("not created")
                        .doesNotContain("send the form again"));
            assertThat(onlyListed().outcome()).as("a 'not found' at once proves nothing")
                .isEqualTo(AuditOutcome.UNKNOWN);

            clock.move(java.time.Duration.ofSeconds(59));
            assertThat(outcomes.settleDue(clock.instant())).as("within the in-flight window: not due").isZero();
            clock.move(java.time.Duration.ofSeconds(10));
            assertThat(outcomes.settleDue(clock.instant())).as("after the window: looked again, still not proof")
                .isZero();
            assertThat(onlyListed().outcome()).isEqualTo(AuditOutcome.UNKNOWN);

            clock.move(java.time.Duration.ofMinutes(5));
            assertThat(outcomes.settleDue(clock.instant())).isEqualTo(1);
            AuditEntry settled = onlyListed();
            assertThat(settled.outcome()).isEqualTo(AuditOutcome.FAILED);
            assertThat(settled.errorMessage()).startsWith("LaunchDarkly did not answer in time")
                .contains("could no longer be in flight")
                .contains("nothing was created");
            assertThat(settledEvents).singleElement()
                .satisfies(event -> assertThat(event.outcome()).isEqualTo(AuditOutcome.FAILED));
        }

        @Test
        void sendWhenAnEarlierAttemptAtTheSameTargetIsUnsettledThenHeldWithALinkAndNothingSent() {
            inLaunchDarkly = java.util.Optional.empty();
            UnknownOutcomes outcomes = outcomes();
            call(outcomes).<String>send(creatingQa(), () -> {
                throw new LaunchDarklyApiException(504, null, null, null);
            }, id -> new Sent(null, id, null));
            long earlier = jdbc.sql("SELECT id FROM audit_entry WHERE outcome = 'STARTED'").query(Long.class).single();
            AtomicInteger calls = new AtomicInteger();

            ChangeResult<String> again = call(outcomes).send(creatingQa(), () -> {
                calls.incrementAndGet();
                return "env-2";
            }, id -> new Sent("qa", id, null));

            assertThat(calls).as("calls to LaunchDarkly").hasValue(0);
            assertThat(again).isInstanceOfSatisfying(ChangeResult.Refused.class, held -> {
                assertThat(held.isHeld()).isTrue();
                assertThat(held.link()).isEqualTo("/audit/" + earlier);
                assertThat(held.message()).contains("has no clear outcome yet").contains("was not sent");
            });
            assertThat(count("REJECTED")).as("the hold is recorded").isEqualTo(1);

            // Once the earlier one is settled (found), the same create may be sent again
            // (LaunchDarkly then decides).
            inLaunchDarkly = java.util.Optional.of(new Sent("qa", "env-1", null));
            clock.move(java.time.Duration.ofMinutes(2));
            outcomes.settleDue(clock.instant());
            call(outcomes).send(creatingQa(), () -> {
                calls.incrementAndGet();
                return "env-2";
            }, id -> new Sent("qa", id, null));
            assertThat(calls).hasValue(1);
        }

        @Test
        void sendWhenTwoPeopleSendTheSameCreateAtOnceThenOneIsSentAndTheOtherHeld() throws Exception {
            UnknownOutcomes outcomes = outcomes();
            java.util.concurrent.CountDownLatch inCall = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
            AtomicInteger calls = new AtomicInteger();
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
            java.util.concurrent.Future<ChangeResult<String>> first = pool
                .submit(() -> call(outcomes).send(creatingQa(), () -> {
                    calls.incrementAndGet();
                    inCall.countDown();
                    await(release);
                    return "env-1";
                }, id -> new Sent("qa", id, null)));
            await(inCall);

            ChangeResult<String> second = call(outcomes).send(creatingQa(), () -> {
                calls.incrementAndGet();
                return "env-2";
            }, id -> new Sent("qa", id, null));
            AuditEntry sending = queries
                .find(jdbc.sql("SELECT MIN(id) FROM audit_entry WHERE outcome = 'STARTED'").query(Long.class).single(),
                        AuditFilter.none())
                .orElseThrow();
            assertThat(outcomes.checkNow(sending, "Ada")).as("a check while it is being sent")
                .isInstanceOf(UnknownOutcomes.Settled.StillSending.class);
            release.countDown();

            assertThat(second).isInstanceOfSatisfying(ChangeResult.Refused.class,
                    held -> assertThat(held.message()).contains("is being sent to LaunchDarkly right now"));
            assertThat(first.get()).isInstanceOf(ChangeResult.Succeeded.class);
            assertThat(calls).hasValue(1);
            assertThat(inFlight()).as("answered clearly: the target is free").isZero();
            pool.shutdown();
        }

        @Test
        void settleWhenTheSendingInstanceStoppedAfterTheCallThenFoundByTheJobAndItsTokenFollows() {
            UnknownOutcomes outcomes = outcomes();
            String token = "tok_" + "x".repeat(20);
            submissions.claim(token, EDDIE, Integer.class);
            // The instance stops once the request is sent: no outcome is recorded, the
            // token stays in progress.
            org.assertj.core.api.Assertions.assertThatThrownBy(
                    () -> submissions.send(token, () -> call(outcomes).<String>send(creatingQa(), () -> {
                        throw new InstanceStopped();
                    }, id -> new Sent(null, id, null)), created -> created))
                .isInstanceOf(InstanceStopped.class);
            assertThat(onlyListed().outcome()).isEqualTo(AuditOutcome.STARTED);
            assertThat(submissions.claim(token, EDDIE, Integer.class)).isInstanceOf(Submissions.Claim.InProgress.class);

            inLaunchDarkly = java.util.Optional.of(new Sent("qa", "env-7", "https://ld.example/qa"));
            assertThat(outcomes.settleDue(clock.instant())).as("while the call could still be running").isZero();
            clock.move(java.time.Duration.ofSeconds(90));
            assertThat(outcomes.settleDue(clock.instant())).isEqualTo(1);

            AuditEntry settled = onlyListed();
            assertThat(settled.outcome()).isEqualTo(AuditOutcome.SUCCEEDED);
            assertThat(settled.errorMessage())
                .startsWith("The portal stopped before it recorded LaunchDarkly's answer.");
            assertThat(submissions.claim(token, EDDIE, Integer.class)).as("a resend shows the outcome")
                .isInstanceOfSatisfying(Submissions.Claim.Settled.class, resend -> {
                    assertThat(resend.created()).isTrue();
                    assertThat(resend.link()).isEqualTo("https://ld.example/qa");
                    assertThat(resend.attemptId()).isEqualTo(settled.attemptId());
                });
        }

        @Test
        void sendWhenValuesExceedTheirColumnsThenCutAndStillRecorded() {
            String longKey = "k".repeat(300);
            Change change = Change.create(AuditAttempt.by(EDDIE, ChangeAction.CREATE, ResourceType.ENVIRONMENT)
                .at(Place.project("mobile-app"))
                .withResource("N".repeat(2000), longKey, null), "the environment");

            ChangeResult<String> result = call().send(change, () -> "id-1", id -> new Sent(longKey, id, null));

            assertThat(result).isInstanceOf(ChangeResult.Succeeded.class);
            AuditEntry outcome = onlyListed();
            assertThat(outcome.resourceKey()).hasSize(255).startsWith("kkk").endsWith("\u2026");
            assertThat(outcome.resourceName()).hasSize(1024);
        }

        @Test
        void refuseThenOneRejectedEntryWithoutStatus() {
            ChangeResult<String> result = call().refuse(creatingQa(), RefusalTarget.field("key"),
                    "The key qa is reserved.");

            assertThat(result).isEqualTo(new ChangeResult.Refused<>(RefusalTarget.field("key"),
                    "The key qa is reserved.", null, null, null));
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

        private long inFlight() {
            return jdbc.sql("SELECT COUNT(*) FROM change_in_flight").query(Long.class).single();
        }

        private AuditEntry onlyListed() {
            List<AuditEntry> listed = queries.page(AuditFilter.none(), null, null, 25).entries();
            assertThat(listed).as("one row per attempt on the audit page").hasSize(1);
            return listed.get(0);
        }

        private long count(String outcome) {
            return jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE outcome = :outcome")
                .param("outcome", outcome)
                .query(Long.class)
                .single();
        }

    }

    /** When the trail itself fails. */
    @Nested
    class WhenTheTrailFails {

        private final AuditTrail trail = mock(AuditTrail.class);

        private final AuditedCall call = new AuditedCall(trail, translator(), everyoneAllowed(trail), provider(null));

        @Test
        void sendWhenStartCannotBeRecordedThenNothingIsSent() {
            when(trail.started(any())).thenThrow(new IllegalStateException("database down"));
            AtomicInteger calls = new AtomicInteger();

            ChangeResult<String> result = call.send(creatingQa(), () -> {
                calls.incrementAndGet();
                return "id";
            }, id -> new Sent(null, id, null));

            assertThat(calls).hasValue(0);
            assertThat(result).isInstanceOfSatisfying(ChangeResult.Failed.class,
                    failed -> assertThat(failed.message()).contains("nothing was sent to LaunchDarkly")
                        .contains("the platform team"));
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

    static final SettlementProperties SETTLEMENT = new SettlementProperties(java.time.Duration.ofSeconds(60),
            java.time.Duration.ofMinutes(5), java.time.Duration.ofSeconds(15), java.time.Duration.ofMinutes(1),
            java.time.Duration.ofMinutes(2));

    static final org.ldportal.launchdarkly.LaunchDarklyProperties LAUNCHDARKLY = new org.ldportal.launchdarkly.LaunchDarklyProperties(
            java.net.URI.create("http://localhost"), "token", "20240415", java.time.Duration.ofSeconds(5),
            java.time.Duration.ofSeconds(20), 3, java.time.Duration.ofSeconds(10), java.time.Duration.ZERO);

    /**
     * The tracking of unclear answers, or none (as in a context without the database).
     */
    static org.springframework.beans.factory.ObjectProvider<UnknownOutcomes> provider(UnknownOutcomes outcomes) {
        org.springframework.beans.factory.support.StaticListableBeanFactory beans = new org.springframework.beans.factory.support.StaticListableBeanFactory();
        if (outcomes != null) {
            beans.addBean("unknownOutcomes", outcomes);
        }
        return beans.getBeanProvider(UnknownOutcomes.class);
    }

    static void await(java.util.concurrent.CountDownLatch latch) {
        try {
            assertThat(latch.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * What an instance that stops mid-call looks like from inside: nothing after the call
     * runs.
     */
    static final class InstanceStopped extends Error {

    }

    /** A clock the tests move forward. */
    static final class MovableClock extends Clock {

        private java.time.Instant now = java.time.Instant.now();

        void move(java.time.Duration by) {
            now = now.plus(by);
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public java.time.Instant instant() {
            return now;
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
