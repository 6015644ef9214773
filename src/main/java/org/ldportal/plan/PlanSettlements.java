package org.ldportal.plan;

import org.ldportal.audit.AuditOutcome;
import org.ldportal.change.AttemptSettled;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A step whose answer was unclear follows its attempt when the portal settles it: not
 * made (the plan may then be resumed), or made after all. What was made after all is
 * shown with its link; the plan cannot undo it, since the settlement does not say what it
 * is by key, so the page says to delete it from its own page.
 */
@Component
class PlanSettlements {

    private final Plans plans;

    PlanSettlements(Plans plans) {
        this.plans = plans;
    }

    @EventListener
    void on(AttemptSettled settled) {
        if (settled.outcome() == AuditOutcome.SUCCEEDED) {
            plans.settled(settled.startedId(), Plan.StepStatus.SUCCEEDED,
                    "Made after all (the portal checked): undo cannot delete it; delete it from its own page if it "
                            + "is not wanted.",
                    settled.link());
        }
        else {
            plans.settled(settled.startedId(), Plan.StepStatus.FAILED,
                    "Not made (the portal checked): resume the plan to send it again.", null);
        }
    }

}
