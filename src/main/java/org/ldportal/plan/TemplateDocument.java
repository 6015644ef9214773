package org.ldportal.plan;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A template as an admin writes it: what it is for, who may use it, the questions it asks
 * and the steps it makes from the answers. Read from its JSON by {@link TemplateReader}
 * and checked by {@link TemplateChecks}.
 *
 * @param groups the identity-provider groups whose members may use it; empty: every
 * editor
 * @param projects the projects it may be used in; empty: any the person may use
 * @param forEach the key of a question of several answers (projects, environments): its
 * steps are made once for each answer, each its own target in the plan; null for one
 */
public record TemplateDocument(String name, String description, List<String> groups, List<String> projects,
        List<Question> questions, List<TemplateStep> steps, @Nullable String forEach) {

    public TemplateDocument {
        groups = List.copyOf(groups);
        projects = List.copyOf(projects);
        questions = List.copyOf(questions);
        steps = List.copyOf(steps);
    }

}
