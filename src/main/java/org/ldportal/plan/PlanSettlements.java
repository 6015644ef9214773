package org.ldportal.plan;

import org.ldportal.audit.AuditOutcome;
import org.ldportal.change.AttemptSettled;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A step whose answer was unclear follows its attempt when the portal settles it: not
 * made (the plan may then be resumed), or made after all, with its link and what it made,
 * so that undo deletes it as any other step's.
 */
@Component
class PlanSettlements {

    private final Plans plans;

    private final StepKinds kinds;

    PlanSettlements(Plans plans, StepKinds kinds) {
        this.plans = plans;
        this.kinds = kinds;
    }

    @EventListener
    void on(AttemptSettled settled) {
        if (settled.outcome() == AuditOutcome.SUCCEEDED) {
            String made = plans.typeWaitingOn(settled.startedId())
                .flatMap(kinds::of)
                .map(kind -> kind.made(settled.key(), settled.id()))
                .orElse(null);
            plans.settled(settled.startedId(), Plan.StepStatus.SUCCEEDED,
                    made != null ? "Made after all (the portal checked)."
                            : "Made after all (the portal checked): undo cannot delete it; delete it from its own "
                                    + "page if it is not wanted.",
                    settled.link(), made);
        }
        else {
            plans.settled(settled.startedId(), Plan.StepStatus.FAILED,
                    "Not made (the portal checked): resume the plan to send it again.", null, null);
        }
    }

}
