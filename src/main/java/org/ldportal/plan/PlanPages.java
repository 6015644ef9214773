package org.ldportal.plan;

import java.util.ArrayList;
import java.util.List;

import org.ldportal.change.PendingChange;
import org.ldportal.change.PreparedChange;
import org.ldportal.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/**
 * A plan's page and what may be done from it: its owner and the admins see it and may
 * resume or undo it; viewers (the auditors) see it.
 */
@Service
class PlanPages {

    private final Plans plans;

    private final PlanChanges changes;

    private final StepKinds kinds;

    PlanPages(Plans plans, PlanChanges changes, StepKinds kinds) {
        this.plans = plans;
        this.changes = changes;
        this.kinds = kinds;
    }

    /** The plan, if this person may see it (else 404, as if there were none). */
    Plan visible(long id, CurrentUser user) {
        Plan plan = plans.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (!mayAct(plan, user) && !user.canReadWholeAuditTrail()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return plan;
    }

    /** The plan, if this person may resume or undo it (else 403). */
    Plan actionable(long id, CurrentUser user) {
        Plan plan = visible(id, user);
        if (!mayAct(plan, user)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Only the person who ran it, or an admin, may.");
        }
        return plan;
    }

    static boolean mayAct(Plan plan, CurrentUser user) {
        return plan.ownerSubject().equals(user.subject()) || user.isAdmin();
    }

    PreparedChange<PlanRun> resuming(Plan plan) {
        return changes.resuming(plan);
    }

    /**
     * The undo, its parts the deletes of what each done step made (read from
     * LaunchDarkly).
     */
    PreparedChange<PlanRun> undoing(Plan plan, CurrentUser user) {
        List<PendingChange> deletes = new ArrayList<>();
        for (Plan.PlanStep step : plan.steps()) {
            if (step.done() && step.made() != null) {
                try {
                    kinds.of(step.type())
                        .orElseThrow()
                        .undo(step.where(), step.made(), user)
                        .ifPresent(delete -> deletes.add(delete.pending()));
                }
                catch (RuntimeException e) {
                    // Not readable now, or not the person's to delete: the undo says so
                    // at that step, and the approval rules judge the rest.
                }
            }
        }
        return changes.undoing(plan, deletes);
    }

}
