package org.ldportal.audit;

import java.util.Objects;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One attempt to create something in LaunchDarkly, as recorded. Entries are only ever
 * inserted: see {@link AuditTrail}.
 *
 * @param requestBody the JSON request with every secret replaced by
 * {@link SecretRedactor#MARK}
 * @param attemptId on an outcome entry: the id of the entry written before the call
 * (outcome STARTED), or of the request for approval that every step of an approved change
 * follows
 * @param approvedBy who approved the change, on the entries of a change sent after
 * approval
 * @param requestId the id of the request that wrote the entry, as its log lines have it
 */
@Table
public record AuditEntry(@Id Long id, Instant occurredAt, String actorSubject, String actorName,
        @Nullable String actorEmail, String action, String resourceType, @Nullable String projectKey,
        @Nullable String environmentKey, @Nullable String integrationKey, @Nullable String resourceName,
        @Nullable String resourceKey, @Nullable String resourceId, AuditOutcome outcome, @Nullable Integer httpStatus,
        @Nullable String errorCode, @Nullable String errorMessage, @Nullable String requestBody,
        @Nullable Long durationMs, @Nullable Long attemptId, @Nullable String approvedBy, @Nullable String requestId) {

    /**
     * Whether the other entry is of the same attempt's kind (action, type, place, name,
     * and id where both say one): when several attempts link to one entry (the steps of a
     * plan, and its undo's), what tells this attempt's entries from the others'.
     */
    public boolean sameTargetAs(AuditEntry other) {
        return Objects.equals(action, other.action()) && Objects.equals(resourceType, other.resourceType())
                && Objects.equals(projectKey, other.projectKey())
                && Objects.equals(environmentKey, other.environmentKey())
                && Objects.equals(integrationKey, other.integrationKey())
                && Objects.equals(resourceName, other.resourceName())
                && (resourceId == null || other.resourceId() == null || resourceId.equals(other.resourceId()));
    }

}
