package org.ldportal.form;

import java.util.List;
import java.util.Map;

/** A form's fields ready for the one field fragment ({@code templates/form/field.html}). */
public record FormView(String prefix, List<FieldView> fields) {

    /**
     * @param values what was submitted (empty on first display: defaults are shown)
     * @param errors messages per field key
     */
    public static FormView of(FormSpec spec, String prefix, FormValues values, Map<String, String> errors) {
        boolean submitted = !values.values().isEmpty();
        List<FieldView> fields = spec.fields().stream().filter(field -> !(field.hidden() && field.condition() == null))
                .map(field -> view(spec, field, prefix, values, errors, submitted)).toList();
        return new FormView(prefix, fields);
    }

    private static FieldView view(FormSpec spec, FieldSpec field, String prefix, FormValues values, Map<String, String> errors,
            boolean submitted) {
        String name = prefix + "[" + field.key() + "]";
        String id = prefix + "-" + field.key().replaceAll("[^A-Za-z0-9_-]", "_");
        String value;
        List<String> chosen;
        if (field.secret()) {
            // Never written back into the page, whatever was typed.
            value = null;
            chosen = List.of();
        }
        else if (field.type() == FieldType.BOOLEAN && submitted) {
            // An unticked box sends nothing: after a submit, absent means unticked, not "use the default".
            value = String.valueOf("true".equals(values.first(field.key())));
            chosen = List.of();
        }
        else if (values.has(field.key())) {
            value = values.first(field.key());
            chosen = values.all(field.key());
        }
        else {
            // First display, or a field the previous kind did not have: its default.
            value = field.defaultValue();
            chosen = field.defaultValues();
        }
        boolean retyped = field.secret() && submitted && values.first(field.key()) != null && !values.first(field.key()).isEmpty();
        return new FieldView(field, name, id, value, chosen, errors.get(field.key()),
                FormValidator.isShown(field, spec, values), retyped);
    }

    public boolean hasErrors() {
        return fields.stream().anyMatch(field -> field.error() != null);
    }
}
