package org.ldportal.form;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * What an edit form sent, for checking: a secret field left empty means "keep the current
 * secret", so it is left out of the checks (never "required" again, never a bad URL) and
 * never sent; a secret typed anew is checked like any value and is among
 * {@link #typedSecrets()}.
 *
 * @param spec the form to check the values against: the edit's form without the secrets
 * left empty
 * @param typedSecrets the secrets typed anew, by field key
 */
public record EditedValues(FormSpec spec, Map<String, String> typedSecrets) {

    /**
     * How an edit page names a generated field's value in what it carries
     * ({@code config.streamName}).
     */
    public static final String CONFIG = "config.";

    public EditedValues {
        typedSecrets = Map.copyOf(typedSecrets);
    }

    public static EditedValues of(FormSpec form, FormValues sent) {
        Map<String, String> typed = new LinkedHashMap<>();
        for (String secret : form.secretKeys()) {
            String value = sent.first(secret);
            if (value != null && !value.isEmpty()) {
                typed.put(secret, value);
            }
        }
        Set<String> kept = new HashSet<>(form.secretKeys());
        kept.removeAll(typed.keySet());
        List<FieldSpec> checked = form.fields().stream().filter(field -> !kept.contains(field.key())).toList();
        return new EditedValues(new FormSpec(checked), typed);
    }

    /**
     * What an edit page carried of what it showed (its hidden {@code seen} field: JSON of
     * field to text); the {@code fallback}, what is there now, when it carried nothing
     * readable (then only the version test guards).
     */
    public static Map<String, String> seen(ObjectMapper json, String carried, Supplier<Map<String, String>> fallback) {
        try {
            Map<String, String> values = json.readValue(carried, new TypeReference<Map<String, String>>() {
            });
            if (!values.isEmpty()) {
                return values;
            }
        }
        catch (RuntimeException unreadable) {
            // not what a page of the portal sends: what is there now stands in
        }
        return fallback.get();
    }

    /**
     * The values under {@code config.} of what an edit page shows, as the generated form
     * reads them.
     */
    public static FormValues configOf(Map<String, String> shown) {
        FormValues values = FormValues.empty();
        for (Map.Entry<String, String> value : shown.entrySet()) {
            if (value.getKey().startsWith(CONFIG)) {
                values = values.with(value.getKey().substring(CONFIG.length()), value.getValue());
            }
        }
        return values;
    }

    /**
     * The fields an edit may change: those a person fills in and sees (not LaunchDarkly's
     * generated values, notices or fields hidden always or by their conditions), secrets
     * apart.
     */
    public static boolean editable(FieldSpec field, FormSpec form, FormValues values) {
        return field.type() != FieldType.READ_ONLY && field.type() != FieldType.NOTICE && !field.isAlwaysHidden()
                && FormValidator.isShown(field, form, values);
    }
}
