package org.ldportal.approval;

import org.jspecify.annotations.Nullable;

/**
 * What the approval rules look at in a change: its resource type and where it acts.
 *
 * @param projectKey     null for the account's integrations
 * @param environmentKey the environment a destination goes to, the key of a new environment; null otherwise
 * @param critical       whether that environment is (or, new, is to be) critical
 */
public record ChangePlace(String resourceType, @Nullable String projectKey, @Nullable String environmentKey,
        boolean critical, String action) {

    /** A create's place. */
    public ChangePlace(String resourceType, @Nullable String projectKey, @Nullable String environmentKey, boolean critical) {
        this(resourceType, projectKey, environmentKey, critical, org.ldportal.change.Change.CREATE);
    }
}
