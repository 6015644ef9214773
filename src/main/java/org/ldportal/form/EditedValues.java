package org.ldportal.form;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an edit form sent, for checking: a secret field left empty means "keep the current secret", so it is checked
 * as filled (never "required" again) and never sent; a secret typed anew is among {@link #typedSecrets()}.
 *
 * @param checked      the values to validate, a placeholder in each secret left empty
 * @param typedSecrets the secrets typed anew, by field key
 */
public record EditedValues(FormValues checked, Map<String, String> typedSecrets) {

    /** Stands in for a secret left empty while the form is checked; never sent, never shown. */
    private static final String KEEP = "\u0000keep-the-current-secret";

    public EditedValues {
        typedSecrets = Map.copyOf(typedSecrets);
    }

    public static EditedValues of(FormSpec spec, FormValues sent) {
        FormValues checked = sent;
        Map<String, String> typed = new LinkedHashMap<>();
        for (String secret : spec.secretKeys()) {
            String value = sent.first(secret);
            if (value == null || value.isEmpty()) {
                checked = checked.with(secret, KEEP);
            }
            else {
                typed.put(secret, value);
            }
        }
        return new EditedValues(checked, typed);
    }
}
