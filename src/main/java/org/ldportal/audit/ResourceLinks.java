package org.ldportal.audit;

import org.jspecify.annotations.Nullable;

/**
 * Where a resource named in the trail lives in LaunchDarkly. Each feature provides one
 * for the resource types it creates, so the audit pages link to resources without knowing
 * the features.
 */
public interface ResourceLinks {

    /**
     * The link for an entry of a resource type this feature owns, or null (another type,
     * or not enough to build it). Only asked for entries that succeeded: otherwise the
     * resource may not exist.
     */
    @Nullable String linkFor(AuditEntry entry);

}
