package org.ldportal.plan;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.ldportal.form.FieldOption;
import org.ldportal.form.FieldSpec;
import org.ldportal.form.FieldType;

/**
 * One question a template asks; a step's value names its answer as {@code ${key}}. Asked
 * and validated by the same form engine as every other form ({@link #field}).
 *
 * @param options the choices of a {@link Type#SELECT}
 */
public record Question(String key, String label, Type type, @Nullable String help, @Nullable String defaultValue,
        boolean required, @Nullable String pattern, @Nullable String patternMessage, List<String> options) {

    public Question {
        options = List.copyOf(options);
    }

    /** How a question is answered. */
    public enum Type {

        TEXT, NUMBER, BOOLEAN, SELECT,
        /** One of the projects the person may use (and the template allows). */
        PROJECT,
        /**
         * Several of those projects: what a template's {@code forEach} goes over, its
         * steps made once for each.
         */
        PROJECTS,
        /**
         * Several environments of those projects ({@code project/environment}), the same;
         * a step names the item's parts as {@code ${key.project}} and
         * {@code ${key.environment}}.
         */
        ENVIRONMENTS;

        /** Whether it takes several answers, for a template's forEach. */
        public boolean several() {
            return this == PROJECTS || this == ENVIRONMENTS;
        }

        /** As a template names it: {@code text}, {@code project}. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

    }

    /**
     * The question as a field of the form engine; the choices of a question of projects
     * or environments are the person's, given when the form is shown.
     */
    public FieldSpec field(List<FieldOption> projectChoices, List<FieldOption> environmentChoices) {
        FieldType fieldType = switch (type) {
            case TEXT -> FieldType.TEXT;
            case NUMBER -> FieldType.NUMBER;
            case BOOLEAN -> FieldType.BOOLEAN;
            case SELECT, PROJECT -> FieldType.SELECT;
            case PROJECTS, ENVIRONMENTS -> FieldType.MULTISELECT;
        };
        List<FieldOption> choices = switch (type) {
            case PROJECT, PROJECTS -> projectChoices;
            case ENVIRONMENTS -> environmentChoices;
            default -> options.stream().map(option -> new FieldOption(option, option)).toList();
        };
        return FieldSpec.builder(key, label, fieldType)
            // Going over none makes nothing: one at least.
            .required(required || type.several())
            .help(help)
            .defaultValue(defaultValue)
            .pattern(pattern, patternMessage)
            .maxLength(type == Type.TEXT ? 256 : null)
            .options(choices)
            .build();
    }

}
