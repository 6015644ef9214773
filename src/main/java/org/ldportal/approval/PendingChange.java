package org.ldportal.approval;

import org.jspecify.annotations.Nullable;

/**
 * A change a feature would send, kept for approval: where it acts (for the rules, the pages and the trail), and what
 * the feature needs to send it later ({@code payload}, its own JSON, secrets included: sealed at rest).
 */
public record PendingChange(String resourceType, @Nullable String projectKey, @Nullable String environmentKey,
        @Nullable String integrationKey, @Nullable String resourceName, @Nullable String resourceKey, boolean critical,
        String payload, String action) {

    /** A create waiting for approval. */
    public PendingChange(String resourceType, @Nullable String projectKey, @Nullable String environmentKey,
            @Nullable String integrationKey, @Nullable String resourceName, @Nullable String resourceKey, boolean critical,
            String payload) {
        this(resourceType, projectKey, environmentKey, integrationKey, resourceName, resourceKey, critical, payload,
                org.ldportal.change.Change.CREATE);
    }

    public ChangePlace place() {
        return new ChangePlace(resourceType, projectKey, environmentKey, critical, action);
    }

    @Override
    public String toString() {
        // The payload holds secrets: never in a log line.
        return "PendingChange[" + action + " " + resourceType + " " + resourceName + " in " + projectKey + "/" + environmentKey + "]";
    }
}
