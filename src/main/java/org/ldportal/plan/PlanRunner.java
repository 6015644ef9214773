package org.ldportal.plan;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.ldportal.audit.AuditAttempt;
import org.ldportal.audit.AuditOutcome;
import org.ldportal.audit.AuditTrail;
import org.ldportal.change.ChangeFlow;
import org.ldportal.change.ChangeOrigin;
import org.ldportal.change.ChangeResult;
import org.ldportal.change.NotAllowedException;
import org.ldportal.change.PreparedChange;
import org.ldportal.change.RefusalTarget;
import org.ldportal.form.FormValues;
import org.ldportal.resource.ChangeAction;
import org.ldportal.resource.Place;
import org.ldportal.resource.ResourceType;
import org.ldportal.security.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Runs a plan's steps in order, each through the one change flow as its own audited
 * attempt linked to the plan's entry; stops at the first that does not succeed, leaving
 * what was done done. A person's run and resume go on in the background, so that the
 * plan's page follows each step; an approver's run is waited for, since the request's
 * outcome is the plan's. Resuming runs what is left; undoing deletes what was made, last
 * first.
 */
@Service
class PlanRunner {

    private static final Logger log = LoggerFactory.getLogger(PlanRunner.class);

    private final Plans plans;

    private final StepKinds kinds;

    private final ChangeFlow flow;

    private final AuditTrail audit;

    private final Clock clock;

    private final PlanBackground background;

    PlanRunner(Plans plans, StepKinds kinds, ChangeFlow flow, AuditTrail audit, Clock clock,
            PlanBackground background) {
        this.background = background;
        this.clock = clock;
        this.plans = plans;
        this.kinds = kinds;
        this.flow = flow;
        this.audit = audit;
    }

    /**
     * Keeps the plan and runs it as {@code user}: directly (its steps linked to a plan
     * entry of its own) or once approved (linked to the request, naming the approver).
     */
    ChangeResult<PlanRun> start(PlanRequest request, CurrentUser user, ChangeOrigin origin) {
        long id = plans.create(request, user);
        Long requestEntry = origin.requestEntryId();
        ChangeOrigin steps = origin;
        if (requestEntry == null) {
            long entry = audit.started(attempt(user, ChangeAction.CREATE, id, request.name(), request.templateKey()));
            steps = new ChangeOrigin(entry, null);
            requestEntry = entry;
        }
        plans.auditEntry(id, requestEntry);
        if (origin.requestEntryId() != null) {
            // An approver's run: the request's outcome is the plan's, so it is waited
            // for.
            return run(id, user, steps, true);
        }
        ChangeOrigin linked = steps;
        background.run(() -> runToTheEnd(id, user, linked));
        return shown(id);
    }

    /** Runs what a stopped plan has left, as the person who resumes it. */
    ChangeResult<PlanRun> resume(long id, CurrentUser user) {
        if (!plans.move(id, Plan.Status.STOPPED, Plan.Status.RUNNING)
                && !plans.takeOver(id, clock.instant().minus(Plan.INTERRUPTED_AFTER))) {
            return moved(id);
        }
        Plan plan = plans.find(id).orElseThrow();
        background.run(() -> runToTheEnd(id, user, new ChangeOrigin(plan.auditId(), null)));
        return shown(id);
    }

    /**
     * Runs it in the background, whatever happens: a failure outside any step stops the
     * plan, recorded, never leaves it running.
     */
    private void runToTheEnd(long id, CurrentUser user, ChangeOrigin origin) {
        try {
            run(id, user, origin, false);
        }
        catch (RuntimeException e) {
            log.error("Plan {} could not be run to its end: {}", id, e.getClass().getName());
            if (plans.move(id, Plan.Status.RUNNING, Plan.Status.STOPPED)) {
                plans.find(id)
                    .ifPresent(plan -> record(plan, user, ChangeAction.CREATE, AuditOutcome.FAILED,
                            "Stopped: it could not be run to its end (" + e.getClass().getSimpleName()
                                    + "); resume it."));
            }
        }
    }

    /**
     * Deletes what the plan's steps made, last first, each its own audited delete; stops
     * at one that cannot be deleted (what is left stays listed).
     */
    ChangeResult<PlanRun> undo(long id, Set<Integer> positions, CurrentUser user, ChangeOrigin origin) {
        Plan seen = plans.find(id).orElseThrow();
        if (!seen.undoable() || !plans.move(id, seen.status(), Plan.Status.RUNNING)) {
            return moved(id);
        }
        // As it is now that it is ours: only the steps whose deletes were judged (and
        // approved, where a rule asked) are undone.
        Plan plan = plans.find(id).orElseThrow();
        ChangeOrigin linked = origin.requestEntryId() != null ? origin : new ChangeOrigin(plan.auditId(), null);
        List<Plan.PlanStep> done = new ArrayList<>(
                plan.steps().stream().filter(step -> step.done() && positions.contains(step.position())).toList());
        Collections.reverse(done);
        for (Plan.PlanStep step : done) {
            String problem = undo(plan, step, user, linked);
            if (problem != null) {
                plans.move(id, Plan.Status.RUNNING, Plan.Status.STOPPED);
                record(plan, user, ChangeAction.DELETE, AuditOutcome.REJECTED,
                        "Undo stopped at step " + (step.position() + 1) + ": " + problem);
                return stopped(plan, step, problem, origin.requestEntryId() != null);
            }
        }
        boolean all = plans.find(id).orElseThrow().steps().stream().noneMatch(Plan.PlanStep::done);
        plans.move(id, Plan.Status.RUNNING, all ? Plan.Status.UNDONE : Plan.Status.STOPPED);
        if (all) {
            plans.forgetValues(id);
        }
        record(plan, user, ChangeAction.DELETE, AuditOutcome.SUCCEEDED, plan.changesWhatExists()
                ? "Undone: what its steps changed was changed back." : "Undone: what its steps made was deleted.");
        return shown(id);
    }

    private ChangeResult<PlanRun> run(long id, CurrentUser user, ChangeOrigin origin, boolean approved) {
        Plan plan = plans.find(id).orElseThrow();
        for (Plan.PlanStep step : plan.steps()) {
            if (step.done() || step.status() == Plan.StepStatus.UNDONE) {
                continue;
            }
            String problem = sendCatching(plan, step, user, origin);
            if (problem != null) {
                plans.move(id, Plan.Status.RUNNING, Plan.Status.STOPPED);
                record(plan, user, ChangeAction.CREATE, AuditOutcome.REJECTED,
                        "Stopped at step " + (step.position() + 1) + ": " + problem);
                return stopped(plan, step, problem, approved);
            }
        }
        plans.move(id, Plan.Status.RUNNING, Plan.Status.DONE);
        plans.forgetValues(id);
        record(plan, user, ChangeAction.CREATE, AuditOutcome.SUCCEEDED, "Every step succeeded.");
        return shown(id);
    }

    /**
     * Sends one step, whatever stands in its way: a place the person may not act on (the
     * guard has recorded the refusal), values that can no longer be opened, a failure
     * before the audited call. The plan then stops at it, never left running.
     */
    private @Nullable String sendCatching(Plan plan, Plan.PlanStep step, CurrentUser user, ChangeOrigin origin) {
        try {
            return send(plan, step, user, origin);
        }
        catch (NotAllowedException e) {
            String problem = "You may not act " + e.place() + ", so it was not sent.";
            plans.step(plan.id(), step.position(), Plan.StepStatus.REJECTED, problem, null, null);
            return problem;
        }
        catch (RuntimeException e) {
            log.error("Step {} of plan {} could not be sent: {}", step.position() + 1, plan.id(),
                    e.getClass().getName());
            String problem = "It could not be sent (" + e.getClass().getSimpleName()
                    + "): nothing was changed by it. Try again, or use the template again.";
            plans.step(plan.id(), step.position(), Plan.StepStatus.FAILED, problem, null, null);
            return problem;
        }
    }

    /** Sends one step; null when it succeeded, else what went wrong. */
    private @Nullable String send(Plan plan, Plan.PlanStep step, CurrentUser user, ChangeOrigin origin) {
        StepKind kind = kinds.of(step.type()).orElseThrow();
        Map<String, List<String>> values = plans.values(plan.id(), step.position()).orElse(null);
        if (values == null) {
            String problem = "Its values are no longer kept: "
                    + (step.creates() ? "use the template again." : "choose it again from its list.");
            plans.step(plan.id(), step.position(), Plan.StepStatus.REJECTED, problem, null, null);
            return problem;
        }
        StepKind.StepChange<?> prepared = step.creates() ? kind.prepare(step.where(), new FormValues(values), user)
                : managed(kind, step, new FormValues(values), user);
        if (prepared instanceof StepKind.StepChange.Invalid<?> invalid) {
            String problem = (step.creates() ? "Its values are not valid now: " : "")
                    + String.join(" ", invalid.errors().values());
            plans.step(plan.id(), step.position(), Plan.StepStatus.REJECTED, problem, null, null);
            return problem;
        }
        if (prepared instanceof StepKind.StepChange.AsAsked<?> asAsked) {
            plans.step(plan.id(), step.position(), Plan.StepStatus.SUCCEEDED, asAsked.message(), null, asAsked.made());
            return null;
        }
        return sendReady(plan, step, (StepKind.StepChange.Ready<?>) prepared, user, origin);
    }

    /**
     * A change of what exists, against what the step kept of it (its version); sent again
     * after it did not succeed, as it is now (the person resumed it knowing why).
     */
    private static StepKind.StepChange<?> managed(StepKind kind, Plan.PlanStep step, FormValues values,
            CurrentUser user) {
        String subject = String.valueOf(values.first(StepKind.Managed.SUBJECT));
        FormValues seen = step.status() == Plan.StepStatus.WAITING ? values : new FormValues(
                Map.of(StepKind.Managed.SUBJECT, List.of(subject), StepKind.Managed.AGAIN, List.of("true")));
        return kind.manage(step.action(), subject, seen, user)
            .map(StepKind.Managed::change)
            .orElseThrow(() -> new IllegalStateException(step.type() + " steps do not " + step.action()));
    }

    private <T> @Nullable String sendReady(Plan plan, Plan.PlanStep step, StepKind.StepChange.Ready<T> ready,
            CurrentUser user, ChangeOrigin origin) {
        ChangeResult<T> result = flow.sendApproved(ready.change(), user, origin);
        if (result instanceof ChangeResult.Succeeded<T> succeeded) {
            plans.step(plan.id(), step.position(), Plan.StepStatus.SUCCEEDED, null, succeeded.link(),
                    ready.made().apply(succeeded.resource()));
            return null;
        }
        String problem = String.valueOf(result.problem());
        if (!step.creates() && result instanceof ChangeResult.MayExist<T>) {
            // Nothing settles a change of what exists later: resuming looks again, and
            // one that is as asked by then is done.
            problem = "LaunchDarkly gave no clear answer, so it may have been changed already: resume the plan, "
                    + "which looks again (one that is as asked by then counts as done).";
            plans.step(plan.id(), step.position(), Plan.StepStatus.FAILED, problem, link(result), null);
            return problem;
        }
        plans.step(plan.id(), step.position(), status(result), problem, link(result), null);
        if (result instanceof ChangeResult.MayExist<T> unclear && unclear.attemptId() != null) {
            plans.unclear(plan.id(), step.position(), unclear.attemptId());
        }
        return problem;
    }

    /**
     * Deletes what one step made; null when it is gone, else what went wrong (the step
     * then stays done, with why it could not be undone). Whatever stands in the way stops
     * the undo at this step, never leaves the plan running.
     */
    private @Nullable String undo(Plan plan, Plan.PlanStep step, CurrentUser user, ChangeOrigin origin) {
        try {
            return delete(plan, step, user, origin);
        }
        catch (NotAllowedException e) {
            // Recorded as refused by the guard; the rest of the plan's page still stands.
            return kept(plan, step, "You may not " + (step.creates() ? "delete" : "change") + " it " + e.place()
                    + ": an admin can undo the rest.");
        }
        catch (RuntimeException e) {
            log.error("Step {} of plan {} could not be undone: {}", step.position() + 1, plan.id(),
                    e.getClass().getName());
            return kept(plan, step, "It could not be read from LaunchDarkly to "
                    + (step.creates() ? "delete" : "change") + " it: try again in a moment.");
        }
    }

    private @Nullable String delete(Plan plan, Plan.PlanStep step, CurrentUser user, ChangeOrigin origin) {
        Optional<PreparedChange<?>> back = kinds.undo(step, user);
        if (back.isEmpty()) {
            plans.step(plan.id(), step.position(), Plan.StepStatus.UNDONE,
                    step.creates() ? "It was gone already." : "Nothing to change back: it is gone, or as it was.", null,
                    null);
            return null;
        }
        ChangeResult<?> result = flow.sendApproved(back.get(), user, origin);
        if (result instanceof ChangeResult.Succeeded<?>) {
            plans.step(plan.id(), step.position(), Plan.StepStatus.UNDONE,
                    step.creates() ? "Deleted." : "Changed back.", null, null);
            return null;
        }
        return kept(plan, step,
                "It could not be " + (step.creates() ? "deleted" : "changed back") + ": " + result.problem());
    }

    /** A done step that could not be undone: still done, with why. */
    private String kept(Plan plan, Plan.PlanStep step, String problem) {
        plans.step(plan.id(), step.position(), Plan.StepStatus.SUCCEEDED, problem, step.link(), null);
        return problem;
    }

    /**
     * A plan that stopped: to its page when the person is there to read it; as a refusal
     * on the request when an approver sent it, so the request does not read "succeeded".
     */
    private static ChangeResult<PlanRun> stopped(Plan plan, Plan.PlanStep step, String problem, boolean approved) {
        if (!approved) {
            return new ChangeResult.Succeeded<>(new PlanRun(plan.id()), "/plans/" + plan.id());
        }
        return new ChangeResult.Refused<>(RefusalTarget.WHOLE_FORM,
                "The plan stopped at step " + (step.position() + 1) + ": " + problem
                        + " What was done stays done: resume or undo it on its page.",
                null, null, "/plans/" + plan.id());
    }

    /** A success whose page is the plan's. */
    private static ChangeResult<PlanRun> shown(long id) {
        PlanRun run = new PlanRun(id);
        return new ChangeResult.Succeeded<>(run, run.path());
    }

    private ChangeResult<PlanRun> moved(long id) {
        return new ChangeResult.Refused<>(RefusalTarget.WHOLE_FORM,
                "The plan changed meanwhile (someone resumed or undid it): look at it again.", null, null,
                "/plans/" + id);
    }

    private void record(Plan plan, CurrentUser user, ChangeAction action, AuditOutcome outcome, String message) {
        Long entry = plan.auditId();
        AuditAttempt attempt = attempt(user, action, plan.id(), plan.name(), plan.templateKey()).withOutcome(outcome,
                null, null, message, null);
        audit.record(entry == null ? attempt : attempt.linkedTo(entry));
    }

    private static AuditAttempt attempt(CurrentUser user, ChangeAction action, long id, String name,
            @Nullable String templateKey) {
        return AuditAttempt.by(user, action, ResourceType.PLAN)
            .at(Place.account())
            .withResource(name, templateKey, "plan-" + id);
    }

    private static Plan.StepStatus status(ChangeResult<?> result) {
        if (result instanceof ChangeResult.Refused<?>) {
            return Plan.StepStatus.REJECTED;
        }
        return result instanceof ChangeResult.MayExist<?> ? Plan.StepStatus.UNKNOWN : Plan.StepStatus.FAILED;
    }

    private static @Nullable String link(ChangeResult<?> result) {
        if (result instanceof ChangeResult.Refused<?> refused) {
            return refused.link();
        }
        if (result instanceof ChangeResult.MayExist<?> unclear) {
            return unclear.found() != null ? unclear.found().link()
                    : unclear.attemptId() != null ? "/audit/" + unclear.attemptId() : null;
        }
        return null;
    }

}
