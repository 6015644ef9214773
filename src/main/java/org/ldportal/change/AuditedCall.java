package org.ldportal.change;

import org.ldportal.change.internal.ApiFailure;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.ldportal.audit.AuditAttempt;
import org.ldportal.audit.AuditOutcome;
import org.ldportal.audit.AuditTrail;
import org.ldportal.launchdarkly.LaunchDarklyException;
import org.ldportal.security.PortalRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The one path by which the portal changes anything in LaunchDarkly. It records the
 * attempt before the call, times the call, catches everything, records the outcome as a
 * second entry linked to the first, and answers one {@link ChangeResult}. Whatever goes
 * wrong once the request may have been sent is recorded as UNKNOWN: a resource that
 * exists in LaunchDarkly always has a trace in the trail. A change where the person may
 * not act (the access rules) is refused before anything else, recorded as REJECTED
 * ({@link ChangeGuard}).
 */
@Component
public class AuditedCall {

    private static final Logger log = LoggerFactory.getLogger(AuditedCall.class);

    private final AuditTrail audit;

    private final ApiFailureTranslator failures;

    private final ChangeGuard guard;

    private final ObjectProvider<UnknownOutcomes> unknownOutcomes;

    public AuditedCall(AuditTrail audit, ApiFailureTranslator failures, ChangeGuard guard,
            ObjectProvider<UnknownOutcomes> unknownOutcomes) {
        // A provider, so that a context without the database (a slice test) sends changes
        // it cannot track.
        this.audit = audit;
        this.failures = failures;
        this.guard = guard;
        this.unknownOutcomes = unknownOutcomes;
    }

    /**
     * Sends one change.
     * @param request the call to the LaunchDarkly client
     * @param sent what the answer says of the resource (its key, id and link), for the
     * trail and the result page
     */
    public <T> ChangeResult<T> send(Change change, Supplier<T> request, Function<? super T, Sent> sent) {
        return send(change, request, sent, null);
    }

    /**
     * Sends one change; {@code readBack} reads the resource a check found after an
     * unclear answer, so that a create LaunchDarkly made after all ends on its result
     * page as any success does.
     */
    public <T> ChangeResult<T> send(Change change, Supplier<T> request, Function<? super T, Sent> sent,
            @Nullable Function<Sent, T> readBack) {
        AuditAttempt attempt = change.attempt();
        // The pages check too; this is the check no page can forget.
        guard.require(attempt, PortalRole.EDITOR);
        UnknownOutcomes.Begun begun;
        try {
            begun = begin(attempt);
        }
        catch (RuntimeException e) {
            // Without a trace of the attempt the call is not made: a change nobody can
            // account for is worse.
            log.error("The attempt to {} {} could not be recorded, so it was not sent: {}", attempt.action(),
                    attempt.resourceType(), e.getClass().getName());
            return new ChangeResult.Failed<>(failures.notRecorded(change.done()));
        }
        if (begun instanceof UnknownOutcomes.Begun.Held held) {
            return refuse(change, RefusalTarget.WHOLE_FORM,
                    failures.held(change.what(), change.done(), held.stillSending()),
                    ChangeResult.Refused.heldBy(held.earlierStartedId()));
        }
        if (begun instanceof UnknownOutcomes.Begun.NotListed notListed) {
            ApiFailure failure = failures.notListed(notListed.failure(), change.what(), change.done());
            if (recordOutcome(attempt.withOutcome(failure.outcome(), failure.httpStatus(), "not-sent",
                    failure.userMessage(), null), notListed.tracked().outcomeLinkId())) {
                unknownOutcomes.getObject().answered(notListed.tracked());
            }
            return new ChangeResult.Failed<>(failure.userMessage());
        }
        long startedId = begun instanceof UnknownOutcomes.Begun.Tracked tracked ? tracked.outcomeLinkId()
                : ((UnknownOutcomes.Begun.Untracked) begun).outcomeLinkId();
        long started = System.nanoTime();
        T answer;
        try {
            answer = request.get();
        }
        catch (LaunchDarklyException e) {
            ApiFailure failure = failures.translate(e, change);
            boolean recorded = recordOutcome(attempt.withOutcome(failure.outcome(), failure.httpStatus(),
                    failure.code(), recorded(begun, failure), since(started)), startedId);
            return after(begun, change, failure, readBack, recorded);
        }
        catch (RuntimeException e) {
            // An answer that could not be read, a bug: the request may have been sent and
            // acted on.
            // The exception's message may quote the answer, so only its type is logged.
            log.error("The attempt to {} {} (audit #{}) ended in {} after it was sent", attempt.action(),
                    attempt.resourceType(), startedId, e.getClass().getName());
            ApiFailure failure = failures.afterSending(change.what(), change.done());
            boolean recorded = recordOutcome(attempt.withOutcome(failure.outcome(), null, failure.code(),
                    recorded(begun, failure), since(started)), startedId);
            return after(begun, change, failure, readBack, recorded);
        }
        Duration took = since(started);
        Sent what = describe(answer, sent, startedId);
        boolean recorded = recordOutcome(attempt
            .withResource(attempt.resourceName(), what.key() != null ? what.key() : attempt.resourceKey(), what.id())
            .withOutcome(AuditOutcome.SUCCEEDED, change.successStatus(), null, null, took), startedId);
        // An outcome that could not be recorded at all leaves the attempt tracked: the
        // job then settles it by a check.
        if (recorded && begun instanceof UnknownOutcomes.Begun.Tracked tracked) {
            unknownOutcomes.getObject().answered(tracked);
        }
        return new ChangeResult.Succeeded<>(answer, what.link());
    }

    private UnknownOutcomes.Begun begin(AuditAttempt attempt) {
        UnknownOutcomes outcomes = unknownOutcomes.getIfAvailable();
        if (outcomes != null) {
            return outcomes.begin(attempt);
        }
        long written = audit.started(attempt);
        return new UnknownOutcomes.Begun.Untracked(written,
                attempt.attemptId() != null ? attempt.attemptId() : written);
    }

    /**
     * A guardrail of the portal refused the change before any call: recorded as REJECTED
     * without an HTTP status.
     */
    public <T> ChangeResult<T> refuse(Change change, RefusalTarget target, String message) {
        return refuse(change, target, message, null);
    }

    private <T> ChangeResult<T> refuse(Change change, RefusalTarget target, String message, @Nullable String link) {
        recordAlone(change.attempt().withOutcome(AuditOutcome.REJECTED, null, "guardrail", message, null));
        return new ChangeResult.Refused<>(target, message, null, null, link);
    }

    /**
     * An entry of its own (nothing was sent, so nothing is unaccounted for should it
     * fail: the person still sees why).
     */
    private void recordAlone(AuditAttempt attempt) {
        try {
            audit.record(attempt);
        }
        catch (RuntimeException e) {
            log.error("A refused attempt to {} {} could not be recorded: {}", attempt.action(), attempt.resourceType(),
                    e.getClass().getName());
        }
    }

    /**
     * What a call that did not succeed comes to. A clear answer frees the attempt's
     * target. An unclear one of a tracked create is looked for at once: found, it is a
     * success (read back for its result page); not found, the portal keeps checking, and
     * the person is told so, never that nothing was made.
     */
    private <T> ChangeResult<T> after(UnknownOutcomes.Begun begun, Change change, ApiFailure failure,
            @Nullable Function<Sent, T> readBack, boolean recorded) {
        if (!(begun instanceof UnknownOutcomes.Begun.Tracked tracked)) {
            return failure.toResult(change.locator());
        }
        UnknownOutcomes outcomes = unknownOutcomes.getObject();
        if (failure.outcome() != AuditOutcome.UNKNOWN) {
            if (recorded) {
                outcomes.answered(tracked);
            }
            return failure.toResult(change.locator());
        }
        UnknownOutcomes.Settled settled = outcomes.unclear(tracked, failure.httpStatus(), answer(failure));
        if (settled instanceof UnknownOutcomes.Settled.Found found) {
            T resource = readBack(readBack, found.where(), tracked.startedId());
            if (resource != null) {
                return new ChangeResult.Succeeded<>(resource, found.where().link());
            }
            return new ChangeResult.MayExist<>(failures.createdAfterAll(change.what(), change.done()), failure.detail(),
                    found.where(), tracked.startedId());
        }
        return new ChangeResult.MayExist<>(failures.beingChecked(change.what(), change.done(), failure.httpStatus()),
                failure.detail(), null, tracked.startedId());
    }

    /**
     * What the trail keeps of a call that did not succeed: LaunchDarkly's words; for an
     * unclear answer to a tracked create, what happened and that the portal is checking
     * (not "check before you try again": it does).
     */
    private static String recorded(UnknownOutcomes.Begun begun, ApiFailure failure) {
        if (failure.outcome() != AuditOutcome.UNKNOWN || !(begun instanceof UnknownOutcomes.Begun.Tracked)) {
            return failure.auditMessage();
        }
        String said = answer(failure);
        String what = failure.httpStatus() != null
                ? "LaunchDarkly answered " + failure.httpStatus() + (said != null ? ": " + said : "")
                : String.valueOf(said);
        return (what.endsWith(".") ? what : what + ".")
                + " The portal checks with LaunchDarkly whether it was created.";
    }

    /** What LaunchDarkly said of an unclear answer, for the entry that settles it. */
    private static @Nullable String answer(ApiFailure failure) {
        if (failure.httpStatus() != null) {
            return failure.detail();
        }
        return "portal_error".equals(failure.code()) ? "The portal could not read LaunchDarkly's answer."
                : "LaunchDarkly did not answer in time.";
    }

    private static <T> @Nullable T readBack(@Nullable Function<Sent, T> readBack, Sent where, long startedId) {
        if (readBack == null) {
            return null;
        }
        try {
            return readBack.apply(where);
        }
        catch (RuntimeException e) {
            log.warn("Audit #{} was created after all, but could not be read back: {}", startedId,
                    e.getClass().getName());
            return null;
        }
    }

    private static <T> Sent describe(T answer, Function<? super T, Sent> sent, long startedId) {
        try {
            Sent what = sent.apply(answer);
            return what != null ? what : Sent.NOTHING_KNOWN;
        }
        catch (RuntimeException e) {
            log.warn("The answer to audit #{} lacked what the result page shows: {}", startedId,
                    e.getClass().getName());
            return Sent.NOTHING_KNOWN;
        }
    }

    /**
     * Writes the outcome entry. If it cannot be written whole (a value too large, a
     * database hiccup), a bare entry with just the outcome is tried; the started entry
     * stands either way.
     */
    private boolean recordOutcome(AuditAttempt outcome, long startedId) {
        try {
            audit.record(outcome.linkedTo(startedId));
            return true;
        }
        catch (RuntimeException e) {
            log.error("The outcome {} of audit #{} could not be recorded ({}); trying without its details",
                    outcome.outcome(), startedId, e.getClass().getName());
            try {
                // An outcome entry has its outcome; one without could not be written
                // either (caught below).
                audit.record(outcome.withRequestBody(null)
                    .withOutcome(Objects.requireNonNull(outcome.outcome()), outcome.httpStatus(), null, null,
                            outcome.duration())
                    .linkedTo(startedId));
                return true;
            }
            catch (RuntimeException again) {
                log.error("The outcome {} of audit #{} is lost: {}", outcome.outcome(), startedId,
                        again.getClass().getName());
                return false;
            }
        }
    }

    private static Duration since(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

}
