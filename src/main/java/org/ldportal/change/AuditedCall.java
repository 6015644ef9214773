package org.ldportal.change;

import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;

import org.ldportal.audit.AuditAttempt;
import org.ldportal.audit.AuditOutcome;
import org.ldportal.audit.AuditTrail;
import org.ldportal.launchdarkly.LaunchDarklyException;
import org.ldportal.security.PortalRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The one path by which the portal changes anything in LaunchDarkly. It records the attempt before the call, times
 * the call, catches everything, records the outcome as a second entry linked to the first, and answers one
 * {@link ChangeResult}. Whatever goes wrong once the request may have been sent is recorded as UNKNOWN: a resource
 * that exists in LaunchDarkly always has a trace in the trail. A change where the person may not act (the access
 * rules) is refused before anything else, recorded as REJECTED ({@link AccessGuard}).
 */
@Component
public class AuditedCall {

    private static final Logger log = LoggerFactory.getLogger(AuditedCall.class);

    private final AuditTrail audit;
    private final ApiFailureTranslator failures;
    private final Settlement settlement;
    private final AccessGuard guard;

    public AuditedCall(AuditTrail audit, ApiFailureTranslator failures, Settlement settlement, AccessGuard guard) {
        this.audit = audit;
        this.failures = failures;
        this.settlement = settlement;
        this.guard = guard;
    }

    /**
     * Sends one change.
     *
     * @param request the call to the LaunchDarkly client
     * @param sent    what the answer says of the resource (its key, id and link), for the trail and the result page
     */
    public <T> ChangeResult<T> send(Change change, Supplier<T> request, Function<? super T, Sent> sent) {
        AuditAttempt attempt = change.attempt();
        // The pages check too; this is the check no page can forget.
        guard.require(attempt, PortalRole.EDITOR);
        long startedId;
        try {
            long written = audit.started(attempt);
            // The entries that follow link to the started one, or, for a change sent after approval, to its request.
            startedId = attempt.attemptId() != null ? attempt.attemptId() : written;
        }
        catch (RuntimeException e) {
            // Without a trace of the attempt the call is not made: a change nobody can account for is worse.
            log.error("The attempt to {} {} could not be recorded, so it was not sent: {}", attempt.action(),
                    attempt.resourceType(), e.getClass().getName());
            return new ChangeResult.Failed<>(failures.notRecorded(change.done()));
        }
        long started = System.nanoTime();
        T answer;
        try {
            answer = request.get();
        }
        catch (LaunchDarklyException e) {
            ApiFailure failure = failures.translate(e, change);
            recordOutcome(attempt.withOutcome(failure.outcome(), failure.httpStatus(), failure.code(), failure.auditMessage(),
                    since(started)), startedId);
            return settled(change, failure.toResult(change.locator()), startedId);
        }
        catch (RuntimeException e) {
            // An answer that could not be read, a bug: the request may have been sent and acted on.
            // The exception's message may quote the answer, so only its type is logged.
            log.error("The attempt to {} {} (audit #{}) ended in {} after it was sent", attempt.action(),
                    attempt.resourceType(), startedId, e.getClass().getName());
            ApiFailure failure = failures.afterSending(change.what(), change.done());
            recordOutcome(attempt.withOutcome(failure.outcome(), null, failure.code(), failure.auditMessage(), since(started)),
                    startedId);
            return settled(change, failure.toResult(change.locator()), startedId);
        }
        Duration took = since(started);
        Sent what = describe(answer, sent, startedId);
        recordOutcome(attempt.withResource(attempt.resourceName(), what.key() != null ? what.key() : attempt.resourceKey(),
                what.id()).withOutcome(AuditOutcome.SUCCEEDED, change.successStatus(), null, null, took), startedId);
        return new ChangeResult.Succeeded<>(answer, what.link());
    }

    /**
     * A guardrail of the portal refused the change before any call: recorded as REJECTED without an HTTP status.
     */
    public <T> ChangeResult<T> refuse(Change change, RefusalTarget target, String message) {
        try {
            audit.record(change.attempt().withOutcome(AuditOutcome.REJECTED, null, "guardrail", message, null));
        }
        catch (RuntimeException e) {
            // Nothing was sent, so nothing is unaccounted for; the person still sees why.
            log.error("A refused attempt to {} {} could not be recorded: {}", change.attempt().action(),
                    change.attempt().resourceType(), e.getClass().getName());
        }
        return new ChangeResult.Refused<>(target, message, null, null, null);
    }

    /** An unknown outcome is settled at once when LaunchDarkly can tell: the person is told what is true. */
    private <T> ChangeResult<T> settled(Change change, ChangeResult<T> result, long startedId) {
        if (!(result instanceof ChangeResult.MayExist<T> mayExist)) {
            return result;
        }
        Settlement.Finding finding = settlement.settle(change.attempt(), startedId);
        if (finding instanceof Settlement.Finding.Exists exists) {
            return new ChangeResult.MayExist<>("LaunchDarkly gave no clear answer, so the portal asked again: "
                    + change.what() + " was " + change.done() + ".", mayExist.detail(), exists.where());
        }
        if (finding instanceof Settlement.Finding.Absent) {
            return new ChangeResult.Failed<>("LaunchDarkly gave no clear answer, so the portal asked again: "
                    + change.what() + " was not " + change.done() + ". You can send the form again.");
        }
        return mayExist;
    }

    private static <T> Sent describe(T answer, Function<? super T, Sent> sent, long startedId) {
        try {
            Sent what = sent.apply(answer);
            return what != null ? what : Sent.NOTHING_KNOWN;
        }
        catch (RuntimeException e) {
            log.warn("The answer to audit #{} lacked what the result page shows: {}", startedId, e.getClass().getName());
            return Sent.NOTHING_KNOWN;
        }
    }

    /**
     * Writes the outcome entry. If it cannot be written whole (a value too large, a database hiccup), a bare entry
     * with just the outcome is tried; the started entry stands either way.
     */
    private void recordOutcome(AuditAttempt outcome, long startedId) {
        try {
            audit.record(outcome.linkedTo(startedId));
        }
        catch (RuntimeException e) {
            log.error("The outcome {} of audit #{} could not be recorded ({}); trying without its details",
                    outcome.outcome(), startedId, e.getClass().getName());
            try {
                audit.record(outcome.withRequestBody(null)
                        .withOutcome(outcome.outcome(), outcome.httpStatus(), null, null, outcome.duration())
                        .linkedTo(startedId));
            }
            catch (RuntimeException again) {
                log.error("The outcome {} of audit #{} is lost: {}", outcome.outcome(), startedId, again.getClass().getName());
            }
        }
    }

    private static Duration since(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }
}
