package org.ldportal.plan;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.ldportal.change.PreparedChange;
import org.ldportal.form.FormValues;
import org.ldportal.change.NotAllowedException;
import org.ldportal.launchdarkly.LaunchDarklyException;
import org.ldportal.resource.ChangeAction;
import org.ldportal.resource.ResourceType;
import org.ldportal.security.CurrentUser;
import org.springframework.stereotype.Service;

/**
 * The same change of several things that exist, chosen from a list (turning several
 * destinations off): each read and made ready by its feature, as one plan, so that it is
 * reviewed and approved once, each change is its own audited attempt, and a change that
 * fails stops the rest, to be resumed or undone.
 */
@Service
class SeveralChanges {

    /** More than a person can check on one review page. */
    static final int MOST = 50;

    private final StepKinds kinds;

    private final PlanChanges changes;

    SeveralChanges(StepKinds kinds, PlanChanges changes) {
        this.kinds = kinds;
        this.changes = changes;
    }

    /**
     * One thing chosen, as the page that lists what was chosen shows it.
     *
     * @param problem what keeps it from being changed; null when nothing does
     */
    record Chosen(String subject, @Nullable String name, @Nullable String where, @Nullable String problem) {
    }

    /** The plan, or what keeps it from being one. */
    sealed interface Made {

        record Ready(PlanRequest request, List<StepKind.StepChange.Ready<?>> steps) implements Made {

            public Ready {
                steps = List.copyOf(steps);
            }

        }

        record Invalid(@Nullable String problem, List<Chosen> chosen) implements Made {

            public Invalid {
                chosen = List.copyOf(chosen);
            }

        }

    }

    /**
     * The kind of the type named (as the trail names it), if it changes what exists this
     * way.
     */
    Optional<StepKind> kind(String type, ChangeAction action) {
        return ResourceType.of(type).flatMap(kinds::of).filter(kind -> kind.changes().contains(action));
    }

    /**
     * Each of {@code subjects} changed by {@code action}, in the order chosen, as it was
     * when the review showed it ({@code seen}: what each step kept of it then, by
     * subject; empty before the review), so that one changed since is refused.
     */
    Made make(StepKind kind, ChangeAction action, List<String> subjects, Map<String, FormValues> seen,
            CurrentUser user) {
        Set<String> chosen = new LinkedHashSet<>(subjects);
        if (chosen.isEmpty()) {
            return new Made.Invalid("Choose at least one in the list first.", List.of());
        }
        if (chosen.size() > MOST) {
            return new Made.Invalid("Choose at most " + MOST + " at once: you chose " + chosen.size() + ".", List.of());
        }
        List<Chosen> shown = new ArrayList<>();
        List<PlanRequest.Step> steps = new ArrayList<>();
        List<StepKind.StepChange.Ready<?>> ready = new ArrayList<>();
        for (String subject : chosen) {
            StepKind.Managed<?> managed;
            try {
                managed = kind.manage(action, subject, seen.getOrDefault(subject, FormValues.empty()), user)
                    .orElseThrow();
            }
            catch (LaunchDarklyException e) {
                shown.add(new Chosen(subject, null, null,
                        "It could not be read from LaunchDarkly just now: try again in a moment."));
                continue;
            }
            catch (IllegalArgumentException e) {
                shown.add(new Chosen(subject, null, null, "It is not one of the list's."));
                continue;
            }
            catch (NotAllowedException e) {
                shown.add(new Chosen(subject, null, null, "You may not see it " + e.place() + "."));
                continue;
            }
            String where = where(managed.where());
            if (managed.change() instanceof StepKind.StepChange.Invalid<?> invalid) {
                shown.add(new Chosen(subject, managed.name(), where, String.join(" ", invalid.errors().values())));
                continue;
            }
            if (managed.change() instanceof StepKind.StepChange.AsAsked<?> asAsked) {
                // Changed so since the review: nothing to ask for.
                shown.add(new Chosen(subject, managed.name(), where, asAsked.message()));
                continue;
            }
            shown.add(new Chosen(subject, managed.name(), where, null));
            ready.add((StepKind.StepChange.Ready<?>) managed.change());
            steps.add(new PlanRequest.Step(kind.type(), managed.where().variant(), managed.where().project(),
                    managed.where().environment(), managed.name(), managed.values(), null, action));
        }
        if (ready.size() < shown.size()) {
            return new Made.Invalid(null, shown);
        }
        String name = doing(action) + " " + steps.size() + " " + kind.type().words() + (steps.size() == 1 ? "" : "s");
        return new Made.Ready(new PlanRequest(PlanRequest.FORMAT, null, 0, name, steps), ready);
    }

    /** The plan as one change for the flow. */
    PreparedChange<PlanRun> changing(Made.Ready ready) {
        return changes.changing(ready.request(), ready.steps());
    }

    static String doing(ChangeAction action) {
        return Plan.doing(action);
    }

    private static @Nullable String where(StepKind.Target.Where where) {
        if (where.project() == null) {
            return null;
        }
        return where.environment() == null ? where.project() : where.project() + " / " + where.environment();
    }

}
