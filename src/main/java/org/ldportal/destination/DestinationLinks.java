package org.ldportal.destination;

import org.jspecify.annotations.Nullable;
import org.ldportal.audit.AuditEntry;
import org.ldportal.audit.ResourceLinks;
import org.ldportal.launchdarkly.LaunchDarklyLinks;
import org.springframework.stereotype.Component;

/**
 * Audit entries of destinations link to the environment's Data Export page in
 * LaunchDarkly.
 */
@Component
class DestinationLinks implements ResourceLinks {

    private final LaunchDarklyLinks links;

    DestinationLinks(LaunchDarklyLinks links) {
        this.links = links;
    }

    @Override
    public @Nullable String linkFor(AuditEntry entry) {
        return "destination".equals(entry.resourceType()) && entry.projectKey() != null
                && entry.environmentKey() != null ? links.destinations(entry.projectKey(), entry.environmentKey())
                        : null;
    }

}
