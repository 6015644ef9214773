package org.ldportal.plan;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.ldportal.resource.ResourceType;

/**
 * One step of a template: what it makes, where, and its values. A value is fixed, or
 * names answers ({@code ${team}-qa}); a field listed in {@code open} is left to the
 * person, who fills it in with the plan (a secret always is: a template never holds one).
 * A field named in neither takes its form's default.
 *
 * @param variant the destination kind or the integration, for the types that have several
 * forms
 * @param values by field key; a multiselect's value is a list
 */
public record TemplateStep(ResourceType type, @Nullable String variant, @Nullable String project,
        @Nullable String environment, Map<String, List<String>> values, List<String> open) {

    public TemplateStep {
        values = Map.copyOf(values);
        open = List.copyOf(open);
    }

}
