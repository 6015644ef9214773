package org.ldportal.audit;

import java.time.Instant;

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
public record AuditEntry(@Id Long id, Instant occurredAt, String actorSubject, String actorName, String actorEmail,
        String action, String resourceType, String projectKey, String environmentKey, String integrationKey,
        String resourceName, String resourceKey, String resourceId, AuditOutcome outcome, Integer httpStatus,
        String errorCode, String errorMessage, String requestBody, Long durationMs, Long attemptId, String approvedBy,
        String requestId) {
}
