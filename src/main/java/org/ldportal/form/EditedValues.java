package org.ldportal.form;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an edit form sent, for checking: a secret field left empty means "keep the current secret", so it is left out
 * of the checks (never "required" again, never a bad URL) and never sent; a secret typed anew is checked like any
 * value and is among {@link #typedSecrets()}.
 *
 * @param spec         the form to check the values against: the edit's form without the secrets left empty
 * @param typedSecrets the secrets typed anew, by field key
 */
public record EditedValues(FormSpec spec, Map<String, String> typedSecrets) {

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
        Set<String> kept = new java.util.HashSet<>(form.secretKeys());
        kept.removeAll(typed.keySet());
        List<FieldSpec> checked = form.fields().stream().filter(field -> !kept.contains(field.key())).toList();
        return new EditedValues(new FormSpec(checked), typed);
    }

    /**
     * The fields an edit may change: those a person fills in and sees (not LaunchDarkly's generated values, notices or
     * fields hidden always or by their conditions), secrets apart.
     */
    public static boolean editable(FieldSpec field, FormSpec form, FormValues values) {
        return field.type() != FieldType.READ_ONLY && field.type() != FieldType.NOTICE && !field.isAlwaysHidden()
                && FormValidator.isShown(field, form, values);
    }
}
