package org.ldportal.plan;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.ldportal.approval.ApprovedChangeSender;
import org.ldportal.change.ChangeResult;
import org.ldportal.change.PendingChange;
import org.ldportal.change.PreparedChange;
import org.ldportal.change.RefusalTarget;
import org.ldportal.change.Review;
import org.ldportal.form.FormValues;
import org.ldportal.resource.ChangeAction;
import org.ldportal.resource.Place;
import org.ldportal.resource.ResourceType;
import org.ldportal.security.CurrentUser;
import org.springframework.stereotype.Component;

import tools.jackson.databind.ObjectMapper;

/**
 * A plan as one change for the flow: reviewed once, held as one request when any step
 * needs approval (its parts are what the rules and the checks look at), sent by running
 * its steps. Resuming and undoing are changes too, so that a double click does one, and
 * an undo's deletes are held where the rules hold deletes.
 */
@Component
class PlanChanges implements ApprovedChangeSender {

    private final PlanRunner runner;

    private final ObjectMapper json;

    private final StepKinds kinds;

    PlanChanges(PlanRunner runner, ObjectMapper json, StepKinds kinds) {
        this.kinds = kinds;
        this.runner = runner;
        this.json = json;
    }

    /** Running a new plan whose steps are made ready ({@code steps}, in order). */
    PreparedChange<PlanRun> running(PlanRequest request, List<StepKind.StepChange.Ready<?>> steps,
            List<Review.Line> answers) {
        List<PendingChange> parts = steps.stream().map(step -> step.change().pending()).toList();
        PendingChange pending = new PendingChange(ChangeAction.CREATE, ResourceType.PLAN, place(request),
                request.name(), request.templateKey(), parts.stream().anyMatch(PendingChange::critical),
                json.writeValueAsString(request), parts);
        Supplier<Review> review = () -> review(request, steps, answers);
        return PreparedChange.of(pending, review, PlanRun.class, (user, origin) -> runner.start(request, user, origin));
    }

    /**
     * Changing several things that exist at once ({@code steps}, in order): one review of
     * each change, one request where a rule covers any, one plan that says how each went.
     */
    PreparedChange<PlanRun> changing(PlanRequest request, List<StepKind.StepChange.Ready<?>> steps) {
        List<PendingChange> parts = steps.stream().map(step -> step.change().pending()).toList();
        PendingChange pending = new PendingChange(ChangeAction.CREATE, ResourceType.PLAN, place(request),
                request.name(), null, parts.stream().anyMatch(PendingChange::critical),
                json.writeValueAsString(request), parts);
        Supplier<Review> review = () -> {
            List<Review> reviews = steps.stream().map(step -> step.change().review()).toList();
            List<String> warnings = new ArrayList<>();
            for (int i = 0; i < reviews.size(); i++) {
                for (String warning : reviews.get(i).warnings()) {
                    warnings.add("Change " + (i + 1) + ": " + warning);
                }
            }
            return new Review(request.name(), List.of(),
                    List.of(new Review.Line("Changes", reviews.size()
                            + ", each its own change in the audit trail, sent in this order; one that fails stops "
                            + "the rest, and you may resume or undo them")),
                    "", "", null, warnings, reviews);
        };
        return PreparedChange.of(pending, review, PlanRun.class, (user, origin) -> runner.start(request, user, origin));
    }

    /**
     * Resuming a stopped plan: it was reviewed, and approved where it needed it, when it
     * began.
     */
    PreparedChange<PlanRun> resuming(Plan plan) {
        PendingChange pending = new PendingChange(ChangeAction.UPDATE, ResourceType.PLAN, Place.account(), plan.name(),
                plan.templateKey(), false, "{\"plan\":" + plan.id() + "}");
        return PreparedChange
            .of(pending,
                    () -> new Review("Resume the plan " + plan.name(), List.of(), List.of(), "", "", null, List.of()),
                    PlanRun.class, (user, origin) -> runner.resume(plan.id(), user))
            .withoutReview()
            .approvedAlready();
    }

    /**
     * Undoing what a plan made: its parts are the deletes of the steps at
     * {@code positions}, each reviewed as its own; only those are undone, even if more
     * were done by the time it is approved. {@code unread} says a step could not be read
     * to be judged: then it is not asked for.
     */
    PreparedChange<PlanRun> undoing(Plan plan, Map<Integer, PreparedChange<?>> deletes, Set<Integer> gone,
            boolean unread) {
        List<PendingChange> parts = deletes.values().stream().map(PreparedChange::pending).toList();
        Set<Integer> judged = new HashSet<>(deletes.keySet());
        judged.addAll(gone);
        Set<Integer> positions = Set.copyOf(judged);
        PendingChange pending = new PendingChange(ChangeAction.DELETE, ResourceType.PLAN, Place.account(), plan.name(),
                plan.templateKey(), parts.stream().anyMatch(PendingChange::critical),
                json.writeValueAsString(new Undo(plan.id(), List.copyOf(positions))), parts);
        Supplier<Review> review = () -> new Review("Undo the plan " + plan.name(), List.of(),
                List.of(new Review.Line(plan.changesWhatExists() ? "Changes back" : "Deletes",
                        parts.size() + ", last made first")),
                "", "", null, List.of(), deletes.values().stream().map(PreparedChange::review).toList());
        return PreparedChange
            .of(pending, review, PlanRun.class, (user, origin) -> runner.undo(plan.id(), positions, user, origin))
            .withoutReview()
            .guardedBy(user -> unread ? new ChangeResult.Refused<>(RefusalTarget.WHOLE_FORM,
                    "A step could not be read from LaunchDarkly just now, so the undo was not asked for: try again "
                            + "in a moment.",
                    null, null, null) : null);
    }

    /** What an undo's request keeps: the plan and the steps whose deletes were judged. */
    record Undo(long plan, List<Integer> steps) {
    }

    @Override
    public Set<ResourceType> types() {
        return Set.of(ResourceType.PLAN);
    }

    /**
     * Each create of a plan waiting for approval made ready again, for the checks to be
     * asked again for each; a step that cannot be made ready now (its values refused) is
     * left to fail when it runs, saying why.
     */
    @Override
    public List<PendingChange> parts(String payload, ChangeAction action, CurrentUser requester) {
        if (action != ChangeAction.CREATE) {
            return List.of();
        }
        PlanRequest request = json.readValue(payload, PlanRequest.class);
        List<PendingChange> parts = new ArrayList<>();
        for (PlanRequest.Step step : request.steps()) {
            try {
                if (step.action() != null) {
                    // A change of what exists: its patch tests the version seen, and the
                    // checks look for what a create would make.
                    continue;
                }
                StepKind.StepChange<?> change = kinds.of(step.type())
                    .orElseThrow()
                    .prepare(step.where(), new FormValues(step.values()), requester);
                if (change instanceof StepKind.StepChange.Ready<?> ready) {
                    parts.add(ready.change().pending());
                }
            }
            catch (RuntimeException e) {
                // Not readable now, or not the requester's to read: it is asked when
                // sent.
            }
        }
        return parts;
    }

    @Override
    public PreparedChange<?> approved(String payload, ChangeAction action, CurrentUser requester) {
        if (action == ChangeAction.DELETE) {
            Undo undo = json.readValue(payload, Undo.class);
            return PreparedChange
                .approved((user, origin) -> runner.undo(undo.plan(), Set.copyOf(undo.steps()), user, origin));
        }
        PlanRequest request = json.readValue(payload, PlanRequest.class);
        return PreparedChange.approved((user, origin) -> runner.start(request, user, origin));
    }

    private static Place place(PlanRequest request) {
        return request.steps()
            .stream()
            .filter(step -> step.project() != null)
            .findFirst()
            .map(step -> Place.project(step.project()))
            .orElse(Place.account());
    }

    /**
     * One review of the whole plan: the template and the answers, then each step's own
     * review (secrets hidden) in order; its warnings gathered at the top.
     */
    private static Review review(PlanRequest request, List<StepKind.StepChange.Ready<?>> steps,
            List<Review.Line> answers) {
        List<Review> parts = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            Review part = steps.get(i).change().review();
            String target = request.steps().get(i).target();
            parts.add(target == null ? part : new Review(part.title() + ", for " + target, part.target(), part.fields(),
                    part.method(), part.path(), part.body(), part.warnings()));
        }
        List<String> warnings = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            for (String warning : parts.get(i).warnings()) {
                warnings.add("Step " + (i + 1) + ": " + warning);
            }
        }
        List<Review.Line> target = List.of(
                new Review.Line(request.templateKey() == null ? "Form" : "Template",
                        request.name() + (request.templateKey() == null ? ""
                                : " (" + request.templateKey() + ", version " + request.templateVersion() + ")")),
                new Review.Line("Steps", parts.size() + ", run in this order; a step that fails stops the rest"));
        return new Review(request.templateKey() == null ? request.name() : "Use the template " + request.name(), target,
                answers, "", "", null, warnings, parts);
    }

}
