package org.ldportal.integration;

import org.jspecify.annotations.Nullable;
import org.ldportal.audit.AuditEntry;
import org.ldportal.audit.ResourceLinks;
import org.ldportal.launchdarkly.LaunchDarklyLinks;
import org.springframework.stereotype.Component;

/**
 * Audit entries of configurations and subscriptions link to the integration's page in
 * LaunchDarkly.
 */
@Component
class IntegrationLinks implements ResourceLinks {

    private final LaunchDarklyLinks links;

    IntegrationLinks(LaunchDarklyLinks links) {
        this.links = links;
    }

    /** The integration's page in LaunchDarkly. */
    String integration(String integrationKey) {
        return links.integration(integrationKey);
    }

    @Override
    public @Nullable String linkFor(AuditEntry entry) {
        boolean ours = IntegrationType.CONFIGURATION.resourceType().equals(entry.resourceType())
                || IntegrationType.SUBSCRIPTION.resourceType().equals(entry.resourceType());
        return ours && entry.integrationKey() != null ? links.integration(entry.integrationKey()) : null;
    }

}
