package org.ldportal.approval;

import org.ldportal.change.AttemptSettled;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * An approved request whose change got no clear answer shows the outcome a check settled
 * later: the request's page and the requester's badge follow the attempt, as its audit
 * entries do.
 */
@Component
class ApprovalOutcomes {

    private final ApprovalRequests requests;

    ApprovalOutcomes(ApprovalRequests requests) {
        this.requests = requests;
    }

    @EventListener
    void on(AttemptSettled settled) {
        requests.settledLater(settled.outcomeLinkId(), settled.outcome().name(), settled.message(), settled.link());
    }

}
