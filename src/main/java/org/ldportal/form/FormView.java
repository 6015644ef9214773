package org.ldportal.form;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.json.JsonMapper;

/**
 * A form's fields ready for the one field fragment ({@code templates/form/field.html}).
 */
public record FormView(String prefix, List<FieldView> fields) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * @param values what was submitted (empty on first display: defaults are shown)
     * @param errors messages per field key
     */
    public static FormView of(FormSpec spec, String prefix, FormValues values, Map<String, String> errors) {
        return of(spec, prefix, values, errors, Set.of());
    }

    /**
     * @param keptSecrets the secret fields whose typed value the server keeps for this
     * form: they say so
     */
    public static FormView of(FormSpec spec, String prefix, FormValues values, Map<String, String> errors,
            Set<String> keptSecrets) {
        boolean submitted = !values.values().isEmpty();
        List<FieldView> fields = spec.fields()
            .stream()
            .filter(field -> !field.isAlwaysHidden())
            .map(field -> view(spec, field, prefix, values, errors, submitted, keptSecrets))
            .toList();
        return new FormView(prefix, fields);
    }

    private static FieldView view(FormSpec spec, FieldSpec field, String prefix, FormValues values,
            Map<String, String> errors, boolean submitted, Set<String> keptSecrets) {
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
            // An unticked box sends nothing: after a submit, absent means unticked, not
            // "use the default".
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
        boolean kept = field.secret() && keptSecrets.contains(field.key());
        return new FieldView(field, name, id, value, chosen, errors.get(field.key()),
                FormValidator.isShown(field, spec, values), kept, conditionsJson(spec, field, prefix));
    }

    /**
     * The field's conditions for {@code form-conditions.js}, as a JSON array (null
     * without conditions): per condition the input to read ({@code field}, a name as
     * submitted), how to read it ({@code read}: "checkbox" gives "true"/"false",
     * "choices" the first ticked box's value, "value" the input's value; none on the page
     * gives ""), or {@code fixedValue} when the field depended on takes no input; then
     * {@code action} and the {@code conditions} with {@code operator} and {@code value}.
     * The script combines them as {@link FormValidator#isShown} does.
     */
    static @Nullable String conditionsJson(FormSpec spec, FieldSpec field, String prefix) {
        if (field.conditions().isEmpty()) {
            return null;
        }
        List<Map<String, Object>> rendered = new ArrayList<>();
        for (FieldCondition condition : field.conditions()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("field", prefix + "[" + condition.fieldKey() + "]");
            FieldSpec dependee = spec.field(condition.fieldKey()).orElse(null);
            if (dependee != null && !dependee.isInput()) {
                entry.put("fixedValue", FormValidator.fixedValue(dependee));
            }
            else {
                entry.put("read", dependee == null ? "value" : switch (dependee.type()) {
                    case BOOLEAN -> "checkbox";
                    case MULTISELECT -> "choices";
                    default -> "value";
                });
            }
            entry.put("action", condition.action().name());
            entry.put("conditions", condition.conditions());
            rendered.add(entry);
        }
        return JSON.writeValueAsString(rendered);
    }

    public boolean hasErrors() {
        return fields.stream().anyMatch(field -> field.error() != null);
    }
}
