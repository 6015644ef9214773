package org.ldportal.form;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The outcome of validating a form: messages per field key, and the values to send, typed
 * as the API expects (booleans as booleans, multiselects as lists, JSON objects as maps,
 * numbers as numbers).
 */
public record FormValidation(Map<String, String> errors, Map<String, Object> cleaned) {

    public FormValidation {
        errors = Map.copyOf(errors);
        cleaned = Collections.unmodifiableMap(new LinkedHashMap<>(cleaned));
    }

    public boolean isValid() {
        return errors.isEmpty();
    }
}
