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
        Duration duration) {

    /** Starts an attempt, e.g. {@code by(user, "create", "destination")}. */
    public static AuditAttempt by(CurrentUser actor, String action, String resourceType) {
        return new AuditAttempt(actor, action, resourceType, null, null, null, null, null, null, null, null, null,
                null, null, null);
    }

    public AuditAttempt withTarget(String projectKey, String environmentKey, String integrationKey) {
        return new AuditAttempt(actor, action, resourceType, projectKey, environmentKey, integrationKey,
                resourceName, resourceKey, resourceId, outcome, httpStatus, errorCode, errorMessage,
                redactedRequestBody, duration);
    }

    public AuditAttempt withResource(String name, String key, String id) {
        return new AuditAttempt(actor, action, resourceType, projectKey, environmentKey, integrationKey, name, key,
                id, outcome, httpStatus, errorCode, errorMessage, redactedRequestBody, duration);
    }

    public AuditAttempt withRequestBody(String redactedJson) {
        return new AuditAttempt(actor, action, resourceType, projectKey, environmentKey, integrationKey,
                resourceName, resourceKey, resourceId, outcome, httpStatus, errorCode, errorMessage, redactedJson,
                duration);
    }

    public AuditAttempt withOutcome(AuditOutcome outcome, Integer httpStatus, String errorCode, String errorMessage,
            Duration duration) {
        return new AuditAttempt(actor, action, resourceType, projectKey, environmentKey, integrationKey,
                resourceName, resourceKey, resourceId, outcome, httpStatus, errorCode, errorMessage,
                redactedRequestBody, duration);
    }

    AuditEntry toEntry(Instant now) {
        return new AuditEntry(null, now, actor.subject(), actor.displayName(), actor.email(), action, resourceType,
                projectKey, environmentKey, integrationKey, resourceName, resourceKey, resourceId, outcome,
                httpStatus, errorCode, errorMessage, redactedRequestBody,
                duration == null ? null : duration.toMillis());
    }
}
