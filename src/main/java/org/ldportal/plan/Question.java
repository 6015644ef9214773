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
        PROJECT;

        /** As a template names it: {@code text}, {@code project}. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

    }

    /**
     * The question as a field of the form engine; a project question's choices are the
     * person's, given when the form is shown.
     */
    public FieldSpec field(List<FieldOption> projectChoices) {
        FieldType fieldType = switch (type) {
            case TEXT -> FieldType.TEXT;
            case NUMBER -> FieldType.NUMBER;
            case BOOLEAN -> FieldType.BOOLEAN;
            case SELECT, PROJECT -> FieldType.SELECT;
        };
        List<FieldOption> choices = type == Type.PROJECT ? projectChoices
                : options.stream().map(option -> new FieldOption(option, option)).toList();
        return FieldSpec.builder(key, label, fieldType)
            .required(required)
            .help(help)
            .defaultValue(defaultValue)
            .pattern(pattern, patternMessage)
            .maxLength(type == Type.TEXT ? 256 : null)
            .options(choices)
            .build();
    }

}
