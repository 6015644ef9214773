package org.ldportal.approval;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.ldportal.change.Review;
import org.ldportal.resource.ChangeAction;
import org.ldportal.resource.ResourceType;

/**
 * A request for approval as its pages show it. Holds no secret: what would be sent stays
 * sealed in the store.
 *
 * @param auditId the REQUESTED audit entry; every later step links to it
 */
public record ApprovalRequest(long id, Instant requestedAt, Instant expiresAt, String requesterSubject,
        String requesterName, ResourceType resourceType, @Nullable String projectKey, @Nullable String environmentKey,
        @Nullable String integrationKey, @Nullable String resourceName, List<String> ruleNames,
        List<String> approverGroups, Review review, RequestStatus status, @Nullable String decidedByName,
        @Nullable Instant decidedAt, @Nullable String comment, @Nullable String outcome,
        @Nullable String outcomeMessage, @Nullable String outcomeLink, long auditId, boolean seenByRequester,
        ChangeAction action) {

    public ApprovalRequest {
        ruleNames = List.copyOf(ruleNames);
        approverGroups = List.copyOf(approverGroups);
    }

    public boolean isPending() {
        return status == RequestStatus.PENDING;
    }

    /** Whether the change was sent and LaunchDarkly made it. */
    public boolean succeeded() {
        return "SUCCEEDED".equals(outcome);
    }
}
