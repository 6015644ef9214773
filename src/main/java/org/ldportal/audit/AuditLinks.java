package org.ldportal.audit;

import org.ldportal.launchdarkly.LaunchDarklyLinks;
import org.springframework.stereotype.Component;

/** Where an entry's resource lives in LaunchDarkly: only for attempts that succeeded (otherwise it may not exist). */
@Component
class AuditLinks {

    private final LaunchDarklyLinks links;

    AuditLinks(LaunchDarklyLinks links) {
        this.links = links;
    }

    String linkFor(AuditEntry entry) {
        if (entry.outcome() != AuditOutcome.SUCCEEDED || entry.resourceType() == null) {
            return null;
        }
        return switch (entry.resourceType()) {
            case "environment" -> entry.projectKey() != null && entry.resourceKey() != null
                    ? links.environment(entry.projectKey(), entry.resourceKey()) : null;
            case "destination" -> entry.projectKey() != null && entry.environmentKey() != null
                    ? links.destinations(entry.projectKey(), entry.environmentKey()) : null;
            case "integration-configuration", "audit-log-subscription" -> entry.integrationKey() != null
                    ? links.integration(entry.integrationKey()) : null;
            default -> null;
        };
    }
}
