package org.ldportal.environment;

import org.jspecify.annotations.Nullable;
import org.ldportal.audit.AuditEntry;
import org.ldportal.audit.ResourceLinks;
import org.ldportal.launchdarkly.LaunchDarklyLinks;
import org.springframework.stereotype.Component;

/** Audit entries of environments link to the environment's settings in LaunchDarkly. */
@Component
class EnvironmentLinks implements ResourceLinks {

    private final LaunchDarklyLinks links;

    EnvironmentLinks(LaunchDarklyLinks links) {
        this.links = links;
    }

    @Override
    public @Nullable String linkFor(AuditEntry entry) {
        return "environment".equals(entry.resourceType()) && entry.projectKey() != null && entry.resourceKey() != null
                ? links.environment(entry.projectKey(), entry.resourceKey()) : null;
    }

}
