package org.ldportal.audit;

import java.util.List;

import org.ldportal.security.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * The attempts about one resource (by the id LaunchDarkly gave it), newest first, as far
 * as the viewer may read.
 */
@Component
public class ResourceHistory {

    /**
     * A detail page shows the latest of them; the audit trail, filtered by the resource,
     * has the rest.
     */
    static final int SHOWN = 20;

    private final AuditQueries queries;

    private final ReadScopes access;

    ResourceHistory(AuditQueries queries, ReadScopes access) {
        this.queries = queries;
        this.access = access;
    }

    public List<AuditEntry> of(CurrentUser viewer, String resourceId) {
        AuditFilter filter = AuditQueries.visibleTo(access.readScope(viewer),
                AuditFilter.none().aboutResource(resourceId));
        return queries.page(filter, null, null, SHOWN).entries();
    }

}
