package org.ldportal.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.ldportal.resource.ChangeAction;
import org.ldportal.resource.Place;
import org.ldportal.resource.ResourceType;
import org.ldportal.security.CurrentUser;

/**
 * What a service knows about one attempt, before it becomes an {@link AuditEntry}: who,
 * what, where, about which resource, and (once known) how it ended. Build it with
 * {@link #by} and the {@code at}, {@code withResource}, {@code withOutcome} steps; values
 * that may hold secrets must already be redacted ({@link SecretRedactor}).
 *
 * @param attemptId on an outcome entry: the entry it follows (the STARTED one, or an
 * approved change's request)
 * @param approvedBy who approved the change, on the entries of a change sent after
 * approval
 */
public record AuditAttempt(CurrentUser actor, ChangeAction action, ResourceType resourceType, Place place,
        Resource resource, @Nullable Result result, @Nullable String redactedRequestBody, @Nullable Long attemptId,
        @Nullable String approvedBy) {

    /**
     * The resource as the attempt names it: by name, by key, by LaunchDarkly's id, as far
     * as each is known.
     */
    public record Resource(@Nullable String name, @Nullable String key, @Nullable String id) {

        static final Resource UNNAMED = new Resource(null, null, null);

    }

    /** How the attempt ended, or that it began ({@link AuditOutcome#STARTED}). */
    public record Result(AuditOutcome outcome, @Nullable Integer httpStatus, @Nullable String errorCode,
            @Nullable String errorMessage, @Nullable Duration duration) {
    }

    /**
     * Starts an attempt, e.g.
     * {@code by(user, ChangeAction.CREATE, ResourceType.DESTINATION)}, in the account.
     */
    public static AuditAttempt by(CurrentUser actor, ChangeAction action, ResourceType resourceType) {
        return new AuditAttempt(actor, action, resourceType, Place.account(), Resource.UNNAMED, null, null, null, null);
    }

    /**
     * A later entry of the attempt that began with {@code started} (a check that settled
     * it): by the same person, about the same resource, linked to where the attempt's
     * entries link. Nothing of its request body is repeated.
     */
    public static AuditAttempt following(AuditEntry started) {
        CurrentUser actor = new CurrentUser(started.actorSubject(), started.actorName(), started.actorEmail(),
                Set.of());
        long link = started.attemptId() != null ? started.attemptId() : started.id();
        return new AuditAttempt(actor, ChangeAction.of(started.action()).orElseThrow(),
                ResourceType.of(started.resourceType()).orElseThrow(),
                new Place(started.projectKey(), started.environmentKey(), started.integrationKey()),
                new Resource(started.resourceName(), started.resourceKey(), started.resourceId()), null, null, link,
                started.approvedBy());
    }

    /** Where it acts. */
    public AuditAttempt at(Place where) {
        return new AuditAttempt(actor, action, resourceType, where, resource, result, redactedRequestBody, attemptId,
                approvedBy);
    }

    public AuditAttempt withResource(@Nullable String name, @Nullable String key, @Nullable String id) {
        return new AuditAttempt(actor, action, resourceType, place, new Resource(name, key, id), result,
                redactedRequestBody, attemptId, approvedBy);
    }

    public AuditAttempt withRequestBody(@Nullable String redactedJson) {
        return new AuditAttempt(actor, action, resourceType, place, resource, result, redactedJson, attemptId,
                approvedBy);
    }

    public AuditAttempt withOutcome(AuditOutcome outcome, @Nullable Integer httpStatus, @Nullable String errorCode,
            @Nullable String errorMessage, @Nullable Duration duration) {
        return new AuditAttempt(actor, action, resourceType, place, resource,
                new Result(outcome, httpStatus, errorCode, errorMessage, duration), redactedRequestBody, attemptId,
                approvedBy);
    }

    /**
     * The steps of a change sent after approval: linked to its request, with who approved
     * it.
     */
    public AuditAttempt approved(long requestEntryId, @Nullable String approver) {
        return new AuditAttempt(actor, action, resourceType, place, resource, result, redactedRequestBody,
                requestEntryId, approver);
    }

    /**
     * This attempt as the started entry: written before the call, its outcome to follow.
     */
    public AuditAttempt started() {
        return withOutcome(AuditOutcome.STARTED, null, null, null, null);
    }

    /** The outcome entry of the attempt recorded (as started) with this id. */
    public AuditAttempt linkedTo(long startedId) {
        return new AuditAttempt(actor, action, resourceType, place, resource, result, redactedRequestBody, startedId,
                approvedBy);
    }

    public @Nullable String projectKey() {
        return place.projectKey();
    }

    public @Nullable String environmentKey() {
        return place.environmentKey();
    }

    public @Nullable String integrationKey() {
        return place.integrationKey();
    }

    public @Nullable String resourceName() {
        return resource.name();
    }

    public @Nullable String resourceKey() {
        return resource.key();
    }

    public @Nullable String resourceId() {
        return resource.id();
    }

    public @Nullable AuditOutcome outcome() {
        return result == null ? null : result.outcome();
    }

    public @Nullable Integer httpStatus() {
        return result == null ? null : result.httpStatus();
    }

    public @Nullable String errorCode() {
        return result == null ? null : result.errorCode();
    }

    public @Nullable String errorMessage() {
        return result == null ? null : result.errorMessage();
    }

    public @Nullable Duration duration() {
        return result == null ? null : result.duration();
    }

    /**
     * Every text cut to its column's size (V1__audit_entry.sql): an entry that does not
     * fit must still be written, or a resource created in LaunchDarkly would have no
     * trace in the trail. Without an id: the insert gives it ({@link AuditTrail#record}).
     */
    // A Spring Data @Id is null until the insert; every entry read has one.
    @SuppressWarnings("NullAway")
    AuditEntry toEntry(Instant now, @Nullable String requestId) {
        Result ended = result != null ? result : new Result(AuditOutcome.STARTED, null, null, null, null);
        return new AuditEntry(null, now, cut(actor.subject(), 255), cut(actor.displayName(), 255),
                cutIfAny(actor.email(), 320), action.key(), resourceType.key(), cutIfAny(place.projectKey(), 255),
                cutIfAny(place.environmentKey(), 255), cutIfAny(place.integrationKey(), 255),
                cutIfAny(resource.name(), 1024), cutIfAny(resource.key(), 255), cutIfAny(resource.id(), 255),
                ended.outcome(), ended.httpStatus(), cutIfAny(ended.errorCode(), 255),
                cutIfAny(ended.errorMessage(), 4000), capped(redactedRequestBody),
                ended.duration() == null ? null : ended.duration().toMillis(), attemptId, cutIfAny(approvedBy, 255),
                cutIfAny(requestId, 64));
    }

    /**
     * Most a stored request body keeps. Entries are read by the thousand (exports, the
     * detail's steps): a body kept whole (the column takes a million characters) would
     * let one scripted editor fill an instance's memory through the trail.
     */
    static final int MAX_STORED_BODY = 32_000;

    /** The body, cut to {@link #MAX_STORED_BODY} with a mark saying how much was cut. */
    static @Nullable String capped(@Nullable String body) {
        if (body == null || body.length() <= MAX_STORED_BODY) {
            return body;
        }
        return body.substring(0, MAX_STORED_BODY) + "\u2026 [cut: " + (body.length() - MAX_STORED_BODY)
                + " more characters not kept]";
    }

    private static @Nullable String cutIfAny(@Nullable String value, int columnSize) {
        return value == null ? null : cut(value, columnSize);
    }

    private static String cut(String value, int columnSize) {
        if (value.length() <= columnSize) {
            return value;
        }
        int end = columnSize - 1;
        if (Character.isHighSurrogate(value.charAt(end - 1))) {
            end--; // never split a surrogate pair into invalid text
        }
        return value.substring(0, end) + "\u2026";
    }
}
