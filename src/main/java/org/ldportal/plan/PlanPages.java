package org.ldportal.plan;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ldportal.approval.Approvals;
import org.ldportal.change.PreparedChange;
import org.ldportal.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/**
 * A plan's page and what may be done from it: its owner, its approver and the admins see
 * it and may resume or undo it; viewers (the auditors) see it.
 */
@Service
class PlanPages {

    private final Plans plans;

    private final PlanChanges changes;

    private final StepKinds kinds;

    private final Clock clock;

    private final Approvals approvals;

    PlanPages(Plans plans, PlanChanges changes, StepKinds kinds, Clock clock, Approvals approvals) {
        this.approvals = approvals;
        this.clock = clock;
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
            throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                    "Only the person who ran it, its approver or an admin may.");
        }
        return plan;
    }

    /**
     * Whether this person may resume or undo it: its owner, an admin, or the approver of
     * the request it ran from (who resumes it with their own rights).
     */
    boolean mayAct(Plan plan, CurrentUser user) {
        Long entry = plan.auditId();
        return plan.ownerSubject().equals(user.subject()) || user.isAdmin()
                || entry != null && approvals.approvedBy(entry, user);
    }

    /** Whether it may be resumed now: stopped, or interrupted (its instance stopped). */
    boolean resumable(Plan plan) {
        return plan.resumable() || plan.interrupted(clock.instant()) && !plan.unclear();
    }

    PreparedChange<PlanRun> resuming(Plan plan) {
        return changes.resuming(plan);
    }

    /**
     * The undo, its parts the deletes of what each done step made (read from
     * LaunchDarkly), last made first; a step whose resource is gone already is only
     * marked.
     */
    PreparedChange<PlanRun> undoing(Plan plan, CurrentUser user) {
        Map<Integer, PreparedChange<?>> deletes = new LinkedHashMap<>();
        Set<Integer> gone = new HashSet<>();
        boolean unread = false;
        List<Plan.PlanStep> steps = new ArrayList<>(plan.steps());
        Collections.reverse(steps);
        for (Plan.PlanStep step : steps) {
            String made = step.made();
            if (!step.done() || made == null) {
                continue;
            }
            try {
                kinds.undo(step, user)
                    .ifPresentOrElse(delete -> deletes.put(step.position(), delete), () -> gone.add(step.position()));
            }
            catch (RuntimeException e) {
                // Not readable now, or not the person's to read: nothing is asked for
                // until every delete can be judged.
                unread = true;
            }
        }
        return changes.undoing(plan, deletes, gone, unread);
    }

}
