package org.ldportal.change;

import org.ldportal.change.internal.InFlightAttempts;
import org.ldportal.change.internal.Settlement;
import org.ldportal.change.internal.SettlementProperties;
import org.ldportal.change.internal.SubmissionContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.ldportal.audit.AuditAttempt;
import org.ldportal.audit.AuditEntry;
import org.ldportal.audit.AuditFilter;
import org.ldportal.audit.AuditOutcome;
import org.ldportal.audit.AuditQueries;
import org.ldportal.audit.AuditTrail;
import org.ldportal.launchdarkly.LaunchDarklyException;
import org.ldportal.launchdarkly.LaunchDarklyProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Creates whose outcome is not known yet, from before the call until it is. Every create
 * a feature can look for is tracked: its STARTED entry and a row of
 * {@link InFlightAttempts} are written together, and a second create aimed at the same
 * thing waits while the first is unsettled. After an unclear answer (a timeout, a 5xx, an
 * answer that could not be read) or an instance that stopped mid-call, a check that finds
 * the resource settles the attempt as SUCCEEDED at once; one that does not proves nothing
 * until the request can no longer be in flight: it is checked again after the in-flight
 * window, and a last time a few minutes later, and only then settled as FAILED. The
 * settled entry keeps what LaunchDarkly answered; the form's token and an approved
 * request follow it.
 */
@Service
public class UnknownOutcomes {

    private static final Logger log = LoggerFactory.getLogger(UnknownOutcomes.class);

    private static final Set<AuditOutcome> CLEAR = Set.of(AuditOutcome.SUCCEEDED, AuditOutcome.REJECTED,
            AuditOutcome.FAILED);

    /**
     * How long one look holds its attempt, so that two instances never settle one attempt
     * twice.
     */
    private static final Duration LOOKING = Duration.ofMinutes(5);

    private static final int BATCH = 50;

    private final Settlement settlement;

    private final InFlightAttempts inFlight;

    private final AuditTrail audit;

    private final AuditQueries queries;

    private final Submissions submissions;

    private final ApplicationEventPublisher events;

    private final SettlementProperties properties;

    private final LaunchDarklyProperties launchDarkly;

    private final Clock clock;

    UnknownOutcomes(Settlement settlement, InFlightAttempts inFlight, AuditTrail audit, AuditQueries queries,
            Submissions submissions, ApplicationEventPublisher events, SettlementProperties properties,
            LaunchDarklyProperties launchDarkly, Clock clock) {
        this.settlement = settlement;
        this.inFlight = inFlight;
        this.audit = audit;
        this.queries = queries;
        this.submissions = submissions;
        this.events = events;
        this.properties = properties;
        this.launchDarkly = launchDarkly;
        this.clock = clock;
    }

    /** How an attempt began. */
    sealed interface Begun {

        /** Not a create anything can look for: recorded as started, not tracked. */
        record Untracked(long startedId, long outcomeLinkId) implements Begun {
        }

        /** Recorded as started and tracked until its outcome is known. */
        record Tracked(long startedId, long outcomeLinkId, String identity) implements Begun {
        }

        /**
         * Another attempt at the same thing is unsettled: nothing recorded as started,
         * nothing to send.
         */
        record Held(long earlierStartedId, boolean stillSending) implements Begun {
        }

        /**
         * What must be read before sending could not be: recorded as started, and nothing
         * to send.
         */
        record NotListed(LaunchDarklyException failure, Tracked tracked) implements Begun {
        }

    }

    /**
     * Records the attempt as started, and tracks it when it is a create a check can look
     * for.
     * @throws RuntimeException when the attempt could not be recorded (then nothing must
     * be sent)
     */
    Begun begin(AuditAttempt attempt) {
        ExistenceCheck.Target target = ExistenceCheck.Target.of(attempt);
        Optional<ExistenceCheck> check = settlement.checkFor(target);
        if (check.isEmpty()) {
            long written = audit.started(attempt);
            return new Begun.Untracked(written, attempt.attemptId() != null ? attempt.attemptId() : written);
        }
        Instant now = clock.instant();
        // Held first, then what exists is read: no other attempt at the same thing can
        // slip in between.
        Instant readUntil = now.plus(readTime()).plus(callTime()).plus(window());
        String identity = check.get().identity(target);
        InFlightAttempts.Opened opened = inFlight.open(attempt, identity, null, SubmissionContext.current(), now,
                readUntil, readUntil.plus(properties.lastCheckAfter()));
        if (opened instanceof InFlightAttempts.Opened.Held held) {
            return new Begun.Held(held.earlierStartedId(), held.stillSending());
        }
        InFlightAttempts.Opened.Open open = (InFlightAttempts.Opened.Open) opened;
        Begun.Tracked tracked = new Begun.Tracked(open.startedId(), open.outcomeLinkId(), identity);
        List<String> before;
        try {
            before = check.get().existing(target);
        }
        catch (LaunchDarklyException e) {
            return new Begun.NotListed(e, tracked);
        }
        Instant sending = clock.instant();
        Instant sendingUntil = sending.plus(callTime()).plus(window());
        inFlight.existedBefore(open.startedId(), before, sendingUntil, sendingUntil.plus(properties.lastCheckAfter()));
        return tracked;
    }

    /**
     * LaunchDarkly answered clearly (and the outcome is recorded): the target is free
     * again.
     */
    void answered(Begun.Tracked tracked) {
        try {
            inFlight.close(tracked.startedId());
        }
        catch (RuntimeException e) {
            // The job finds the recorded outcome and frees it then.
            log.warn("Audit #{} stays in flight until the settlement job sees its outcome: {}", tracked.startedId(),
                    e.getClass().getName());
        }
    }

    /**
     * No clear answer came: what LaunchDarkly said is kept for the settled entry, and
     * LaunchDarkly is asked at once. A resource found settles it; nothing found proves
     * nothing yet.
     */
    Settled unclear(Begun.Tracked tracked, @Nullable Integer status, @Nullable String said) {
        Instant now = clock.instant();
        Instant next = now.plus(window());
        try {
            inFlight.unclear(tracked.startedId(), status, said, next, next.plus(properties.lastCheckAfter()));
        }
        catch (RuntimeException e) {
            log.error(
                    "Audit #{} could not be marked unclear ({}); the settlement job checks it as if its instance had stopped",
                    tracked.startedId(), e.getClass().getName());
            return new Settled.CannotTell();
        }
        return inFlight.find(tracked.startedId()).map(row -> settle(row, now, null)).orElseGet(Settled.CannotTell::new);
    }

    /** What a look at an attempt came to. */
    public sealed interface Settled {

        /** It exists: recorded as SUCCEEDED. */
        record Found(Sent where) implements Settled {
        }

        /** It does not, and cannot be in flight any more: recorded as FAILED. */
        record NotCreated() implements Settled {
        }

        /**
         * Not found, but the request may still be in flight: absence proves something
         * from {@code nextLook}, when the portal looks again by itself
         * ({@code automatic}) or a person can ask again (an attempt from before the
         * portal tracked creates).
         */
        record NotYet(Instant nextLook, boolean automatic) implements Settled {
        }

        /**
         * LaunchDarkly could not be asked (or nothing can look for it): nothing proven.
         */
        record CannotTell() implements Settled {
        }

        /** Its outcome was known already. */
        record AlreadyKnown() implements Settled {
        }

        /** It is still being sent: its call's own answer comes first. */
        record StillSending() implements Settled {
        }

    }

    /** Looks at every attempt due a look (the settlement job, once across instances). */
    public int settleDue(Instant now) {
        int settled = 0;
        for (InFlightAttempts.Row row : inFlight.due(now, BATCH)) {
            Settled result = settle(row, now, null);
            if (result instanceof Settled.Found || result instanceof Settled.NotCreated
                    || result instanceof Settled.AlreadyKnown) {
                settled++;
            }
        }
        return settled;
    }

    /**
     * "Check now" on an entry of an attempt whose outcome is unknown, by a person. An
     * attempt from before the portal tracked creates is looked for the same way, from its
     * entries.
     */
    public Settled checkNow(AuditEntry entry, String checkedBy) {
        long root = entry.attemptId() != null ? entry.attemptId() : entry.id();
        Instant now = clock.instant();
        Optional<InFlightAttempts.Row> row = inFlight.find(root).or(() -> inFlight.find(entry.id()));
        if (row.isPresent()) {
            return settle(row.get(), now, checkedBy);
        }
        return settleUntracked(root, now, checkedBy);
    }

    /**
     * One look at one attempt: only the caller that takes it looks (two instances never
     * settle it twice).
     */
    private Settled settle(InFlightAttempts.Row row, Instant now, @Nullable String checkedBy) {
        if (!inFlight.take(row, now.plus(LOOKING))) {
            return new Settled.CannotTell();
        }
        Optional<AuditEntry> started = queries.find(row.startedId(), AuditFilter.none());
        if (started.isEmpty()) {
            // Purged from the trail: nothing to settle against.
            inFlight.close(row.startedId());
            return new Settled.CannotTell();
        }
        // Several attempts may link to one entry (the steps of a plan): only this
        // attempt's own steps say how it ended.
        Optional<AuditEntry> last = queries.latestCallStepOf(row.outcomeLinkId(), started.get());
        if (last.isPresent() && CLEAR.contains(last.get().outcome()) && last.get().id() > row.startedId()) {
            // Recorded, but the row (and perhaps those waiting) were not told: tell
            // again, then free the target.
            if (Settlement.CODE.equals(last.get().errorCode())) {
                AuditEntry recorded = last.get();
                tell(row, recorded.outcome(), String.valueOf(recorded.errorMessage()),
                        new Sent(recorded.resourceKey(), recorded.resourceId(), null));
            }
            inFlight.close(row.startedId());
            return new Settled.AlreadyKnown();
        }
        if (!row.answered() && now.isBefore(row.nextCheckAt())) {
            // Still being sent: a check now would race the call's own answer. Its next
            // look stays as it was.
            inFlight.later(row.startedId(), row.nextCheckAt());
            return new Settled.StillSending();
        }
        return look(started.get(), row, true, now, checkedBy);
    }

    /** Whether two entries are about the same thing, in the same place. */
    /**
     * An attempt with no row: judged from its entries, with the same rule for when
     * absence proves anything.
     */
    private Settled settleUntracked(long root, Instant now, String checkedBy) {
        List<AuditEntry> steps = queries.steps(root, AuditFilter.none());
        Optional<AuditEntry> started = steps.stream()
            .filter(step -> step.outcome() == AuditOutcome.STARTED)
            .findFirst();
        if (started.isEmpty()) {
            return new Settled.CannotTell();
        }
        if (steps.stream().anyMatch(step -> CLEAR.contains(step.outcome()) && step.id() > started.get().id())) {
            return new Settled.AlreadyKnown();
        }
        Optional<AuditEntry> answer = steps.stream().filter(step -> step.outcome() == AuditOutcome.UNKNOWN).findFirst();
        Instant proof = started.get().occurredAt().plus(callTime()).plus(window()).plus(properties.lastCheckAfter());
        InFlightAttempts.Row untracked = new InFlightAttempts.Row(started.get().id(), root,
                answer.isPresent() ? "UNKNOWN" : "SENDING", started.get().occurredAt(), now, proof,
                answer.map(AuditEntry::httpStatus).orElse(null), answer.map(AuditEntry::errorMessage).orElse(null),
                null, null);
        return look(started.get(), untracked, false, now, checkedBy);
    }

    private Settled look(AuditEntry started, InFlightAttempts.Row row, boolean tracked, Instant now,
            @Nullable String checkedBy) {
        ExistenceCheck.Target target = ExistenceCheck.Target.of(started)
            .since(started.occurredAt().minus(properties.clockTolerance()), row.existedBefore());
        Optional<ExistenceCheck> check = settlement.checkFor(target);
        Settlement.Finding finding = check.isEmpty() ? new Settlement.Finding.CannotTell()
                : settlement.look(check.get(), target);
        String by = checkedBy == null ? "" : " (asked by " + checkedBy + ")";
        try {
            if (finding instanceof Settlement.Finding.Exists exists) {
                Sent where = exists.where();
                String message = said(row) + " Checked with LaunchDarkly afterwards" + by
                        + ": it exists, so it was created.";
                audit.record(AuditAttempt.following(started)
                    .withResource(started.resourceName(), where.key() != null ? where.key() : started.resourceKey(),
                            where.id())
                    .withOutcome(AuditOutcome.SUCCEEDED, row.answerStatus(), Settlement.CODE, message, null));
                settled(row, tracked, AuditOutcome.SUCCEEDED, message, where);
                return new Settled.Found(where);
            }
            if (finding instanceof Settlement.Finding.Absent && !now.isBefore(row.absentProofAt())) {
                String message = said(row) + " Checked with LaunchDarkly once the request could no longer be in flight"
                        + by + ": it does not exist, so nothing was created.";
                audit.record(AuditAttempt.following(started)
                    .withOutcome(AuditOutcome.FAILED, row.answerStatus(), Settlement.CODE, message, null));
                settled(row, tracked, AuditOutcome.FAILED, message, Sent.NOTHING_KNOWN);
                return new Settled.NotCreated();
            }
        }
        catch (RuntimeException e) {
            log.error("The settlement of audit #{} could not be recorded: {}", row.startedId(), e.getClass().getName());
            later(row, tracked, now.plus(properties.retryAfter()));
            return new Settled.CannotTell();
        }
        if (finding instanceof Settlement.Finding.Absent) {
            Instant next = tracked && now.isBefore(row.nextCheckAt()) ? row.nextCheckAt() : row.absentProofAt();
            later(row, tracked, next);
            return new Settled.NotYet(next, tracked);
        }
        later(row, tracked, now.plus(properties.retryAfter()));
        return new Settled.CannotTell();
    }

    private void later(InFlightAttempts.Row row, boolean tracked, Instant next) {
        if (tracked) {
            inFlight.later(row.startedId(), next);
        }
    }

    /**
     * The outcome is known: the target is free, the form's token and whoever waits (an
     * approval) are told.
     */
    private void settled(InFlightAttempts.Row row, boolean tracked, AuditOutcome outcome, String message, Sent where) {
        // Told before the row goes: should telling fail, the next look finds the outcome
        // recorded and tells again.
        tell(row, outcome, message, where);
        if (tracked) {
            inFlight.close(row.startedId());
        }
    }

    /**
     * The form's token and whoever waits on the attempt (an approved request) follow its
     * outcome; safe to repeat.
     */
    private void tell(InFlightAttempts.Row row, AuditOutcome outcome, String message, Sent where) {
        if (row.submissionToken() != null && (outcome == AuditOutcome.SUCCEEDED || outcome == AuditOutcome.FAILED)) {
            submissions.settledLater(row.submissionToken(), outcome == AuditOutcome.SUCCEEDED, where.link(),
                    row.startedId());
        }
        events.publishEvent(new AttemptSettled(row.startedId(), row.outcomeLinkId(), outcome, message, where.link(),
                where.key(), where.id()));
    }

    /** What LaunchDarkly answered, as the settled entry keeps it. */
    private static String said(InFlightAttempts.Row row) {
        if (!row.answered()) {
            return "The portal stopped before it recorded LaunchDarkly's answer.";
        }
        if (row.answerStatus() != null) {
            String message = row.answerMessage() == null ? "" : ": " + row.answerMessage();
            return "LaunchDarkly answered " + row.answerStatus() + message + (message.endsWith(".") ? "" : ".");
        }
        return row.answerMessage() != null ? row.answerMessage() : "LaunchDarkly gave no clear answer.";
    }

    /**
     * Whether the attempt (its started entry, or what its entries link to) is tracked
     * until its outcome is known.
     */
    public boolean isTracked(long entryId) {
        return inFlight.find(entryId).isPresent();
    }

    /**
     * The longest the read before sending can take: each try a call, with the waits
     * between tries.
     */
    private Duration readTime() {
        return callTime().multipliedBy(launchDarkly.maxAttempts()).plus(launchDarkly.maxRetryWait());
    }

    /**
     * The longest a call can take: the client's connect and response timeouts, and its
     * margin.
     */
    private Duration callTime() {
        return launchDarkly.connectTimeout().plus(launchDarkly.responseTimeout()).plusSeconds(1);
    }

    /**
     * How long a request may still be in flight after an unclear answer: never less than
     * the response timeout.
     */
    private Duration window() {
        Duration window = properties.inFlightWindow();
        return window.compareTo(launchDarkly.responseTimeout()) < 0 ? launchDarkly.responseTimeout() : window;
    }

}
