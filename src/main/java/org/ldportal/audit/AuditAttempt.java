package org.ldportal.audit;

import java.time.Duration;
import java.time.Instant;

import org.ldportal.security.CurrentUser;

/**
 * What a service knows about one attempt, before it becomes an {@link AuditEntry}. Build it with
 * {@link #by(CurrentUser, String, String)} and the {@code with...} steps; values that may hold secrets
 * must already be redacted ({@link SecretRedactor}).
 */
public record AuditAttempt(
        CurrentUser actor,
        String action,
        String resourceType,
        String projectKey,
        String environmentKey,
        String integrationKey,
        String resourceName,
        String resourceKey,
        String resourceId,
        AuditOutcome outcome,
        Integer httpStatus,
        String errorCode,
        String errorMessage,
        String redactedRequestBody,
        Duration duration,
        Long attemptId,
        String approvedBy) {

    /** Starts an attempt, e.g. {@code by(user, "create", "destination")}. */
    public static AuditAttempt by(CurrentUser actor, String action, String resourceType) {
        return new AuditAttempt(actor, action, resourceType, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null);
    }

    public AuditAttempt withTarget(String projectKey, String environmentKey, String integrationKey) {
        return new AuditAttempt(actor, action, resourceType, projectKey, environmentKey, integrationKey,
                resourceName, resourceKey, resourceId, outcome, httpStatus, errorCode, errorMessage,
                redactedRequestBody, duration, attemptId, approvedBy);
    }

    public AuditAttempt withResource(String name, String key, String id) {
        return new AuditAttempt(actor, action, resourceType, projectKey, environmentKey, integrationKey, name, key,
                id, outcome, httpStatus, errorCode, errorMessage, redactedRequestBody, duration, attemptId, approvedBy);
    }

    public AuditAttempt withRequestBody(String redactedJson) {
        return new AuditAttempt(actor, action, resourceType, projectKey, environmentKey, integrationKey,
                resourceName, resourceKey, resourceId, outcome, httpStatus, errorCode, errorMessage, redactedJson,
                duration, attemptId, approvedBy);
    }

    public AuditAttempt withOutcome(AuditOutcome outcome, Integer httpStatus, String errorCode, String errorMessage,
            Duration duration) {
        return new AuditAttempt(actor, action, resourceType, projectKey, environmentKey, integrationKey,
                resourceName, resourceKey, resourceId, outcome, httpStatus, errorCode, errorMessage,
                redactedRequestBody, duration, attemptId, approvedBy);
    }

    /**
     * A later entry of the attempt that began with {@code started} (a check that settled it): by the same person,
     * about the same resource, linked to where the attempt's entries link. Nothing of its request body is repeated.
     */
    public static AuditAttempt following(AuditEntry started) {
        CurrentUser actor = new CurrentUser(started.actorSubject(), started.actorName(), started.actorEmail(),
                java.util.Set.of());
        long link = started.attemptId() != null ? started.attemptId() : started.id();
        return new AuditAttempt(actor, started.action(), started.resourceType(), started.projectKey(),
                started.environmentKey(), started.integrationKey(), started.resourceName(), started.resourceKey(),
                started.resourceId(), null, null, null, null, null, null, link, started.approvedBy());
    }

    /** The steps of a change sent after approval: linked to its request, with who approved it. */
    public AuditAttempt approved(long requestEntryId, String approver) {
        return new AuditAttempt(actor, action, resourceType, projectKey, environmentKey, integrationKey,
                resourceName, resourceKey, resourceId, outcome, httpStatus, errorCode, errorMessage,
                redactedRequestBody, duration, requestEntryId, approver);
    }

    /** This attempt as the started entry: written before the call, its outcome to follow. */
    public AuditAttempt started() {
        return withOutcome(AuditOutcome.STARTED, null, null, null, null);
    }

    /** The outcome entry of the attempt recorded (as started) with this id. */
    public AuditAttempt linkedTo(long startedId) {
        return new AuditAttempt(actor, action, resourceType, projectKey, environmentKey, integrationKey,
                resourceName, resourceKey, resourceId, outcome, httpStatus, errorCode, errorMessage,
                redactedRequestBody, duration, startedId, approvedBy);
    }

    /**
     * Every text cut to its column's size (V1__audit_entry.sql): an entry that does not fit must still be written,
     * or a resource created in LaunchDarkly would have no trace in the trail.
     */
    AuditEntry toEntry(Instant now) {
        return new AuditEntry(null, now, cut(actor.subject(), 255), cut(actor.displayName(), 255),
                cut(actor.email(), 320), cut(action, 64), cut(resourceType, 64), cut(projectKey, 255),
                cut(environmentKey, 255), cut(integrationKey, 255), cut(resourceName, 1024), cut(resourceKey, 255),
                cut(resourceId, 255), outcome, httpStatus, cut(errorCode, 255), cut(errorMessage, 4000),
                cut(redactedRequestBody, 1_000_000), duration == null ? null : duration.toMillis(), attemptId, cut(approvedBy, 255),
                cut(org.ldportal.security.RequestIdFilter.current(), 64));
    }

    private static String cut(String value, int columnSize) {
        if (value == null || value.length() <= columnSize) {
            return value;
        }
        int end = columnSize - 1;
        if (Character.isHighSurrogate(value.charAt(end - 1))) {
            end--; // never split a surrogate pair into invalid text
        }
        return value.substring(0, end) + "\u2026";
    }
}
