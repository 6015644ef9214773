package org.ldportal.plan;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.ldportal.resource.ChangeAction;
import org.ldportal.resource.ResourceType;

/**
 * What a plan will do, as a request for approval keeps it (sealed, secrets included): the
 * template it came from and each step's place and values, answers filled in. A versioned
 * record, never a form.
 */
public record PlanRequest(int format, @Nullable String templateKey, int templateVersion, String name,
        List<Step> steps) {

    static final int FORMAT = 1;

    public PlanRequest {
        steps = List.copyOf(steps);
    }

    /**
     * One step: what it makes, where, and the values of its kind's fields.
     *
     * @param target the answer it was made for, in a plan over several (forEach); null
     * otherwise
     * @param action what it does: null to create (what a template's steps do), else a
     * change of what exists, its values naming it ({@link StepKind#manage})
     */
    public record Step(ResourceType type, @Nullable String variant, @Nullable String project,
            @Nullable String environment, @Nullable String name, Map<String, List<String>> values,
            @Nullable String target, @Nullable ChangeAction action) {

        public Step {
            values = Map.copyOf(values);
        }

        /** A step that creates. */
        public Step(ResourceType type, @Nullable String variant, @Nullable String project, @Nullable String environment,
                @Nullable String name, Map<String, List<String>> values, @Nullable String target) {
            this(type, variant, project, environment, name, values, target, null);
        }

        StepKind.Target.Where where() {
            return new StepKind.Target.Where(project, environment, variant);
        }

    }

}
