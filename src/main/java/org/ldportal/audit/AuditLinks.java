package org.ldportal.audit;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Where an entry's resource lives in LaunchDarkly: only for attempts that succeeded
 * (otherwise it may not exist).
 */
@Component
class AuditLinks {

    private final List<ResourceLinks> features;

    AuditLinks(List<ResourceLinks> features) {
        this.features = List.copyOf(features);
    }

    @Nullable String linkFor(AuditEntry entry) {
        if (entry.outcome() != AuditOutcome.SUCCEEDED || entry.resourceType() == null) {
            return null;
        }
        for (ResourceLinks feature : features) {
            String link = feature.linkFor(entry);
            if (link != null) {
                return link;
            }
        }
        return null;
    }

}
