package org.ldportal.destination;

import org.ldportal.audit.AuditEntry;
import org.ldportal.audit.AuditFilter;
import org.ldportal.audit.AuditOutcome;
import org.ldportal.audit.AuditQueries;
import org.ldportal.change.AttemptSettled;
import org.ldportal.resource.ChangeAction;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A warehouse set-up whose last step got no clear answer is completed once a check finds
 * the destination it made: its page then says so, instead of offering a last step
 * LaunchDarkly would refuse (no pending set-up any more).
 */
@Component
class WarehouseSetupCompletion {

    private final AuditQueries queries;

    private final WarehouseSetups setups;

    WarehouseSetupCompletion(AuditQueries queries, WarehouseSetups setups) {
        this.queries = queries;
        this.setups = setups;
    }

    @EventListener
    void on(AttemptSettled settled) {
        if (settled.outcome() != AuditOutcome.SUCCEEDED) {
            return;
        }
        queries.find(settled.startedId(), AuditFilter.none())
            .filter(started -> ChangeAction.COMPLETE_SETUP.key().equals(started.action()))
            .ifPresent(this::completed);
    }

    private void completed(AuditEntry started) {
        setups.completedFor(started.actorSubject(), started.projectKey(), started.environmentKey(),
                started.resourceKey());
    }

}
