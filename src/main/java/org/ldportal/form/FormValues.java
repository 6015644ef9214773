package org.ldportal.form;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;

/**
 * What a person submitted for a form's fields, as text, keyed exactly as the fields are
 * (URL, base-url, ...). Fields are submitted as {@code prefix[key]} so that a field
 * called {@code name} or {@code environment} never collides with the page's own inputs.
 */
public record FormValues(Map<String, List<String>> values) {

    public FormValues {
        values = Map.copyOf(values);
    }

    public static FormValues empty() {
        return new FormValues(Map.of());
    }

    /** The values of the parameters named {@code prefix[key]}. */
    public static FormValues fromParameters(MultiValueMap<String, String> parameters, String prefix) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        String start = prefix + "[";
        parameters.forEach((name, list) -> {
            if (name.startsWith(start) && name.endsWith("]")) {
                values.put(name.substring(start.length(), name.length() - 1), List.copyOf(list));
            }
        });
        return new FormValues(values);
    }

    /**
     * The values whose keys start with {@code prefix}, keyed without it: a nested form's
     * ({@code config.writeKey} as {@code writeKey}).
     */
    public FormValues within(String prefix) {
        Map<String, List<String>> nested = new LinkedHashMap<>();
        values.forEach((key, list) -> {
            if (key.startsWith(prefix)) {
                nested.put(key.substring(prefix.length()), list);
            }
        });
        return new FormValues(nested);
    }

    /** The first value, or null. */
    public @Nullable String first(String key) {
        List<String> list = values.get(key);
        return list == null || list.isEmpty() ? null : list.get(0);
    }

    public List<String> all(String key) {
        return values.getOrDefault(key, List.of());
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    /** These values with one field's value replaced. */
    public FormValues with(String key, String value) {
        Map<String, List<String>> changed = new LinkedHashMap<>(values);
        changed.put(key, List.of(value));
        return new FormValues(changed);
    }

    /** These values with one field's values (a multiselect's choices) replaced. */
    public FormValues withAll(String key, List<String> chosen) {
        Map<String, List<String>> changed = new LinkedHashMap<>(values);
        changed.put(key, List.copyOf(chosen));
        return new FormValues(changed);
    }

    /** These values without the secret fields': what may be written back into a page. */
    public FormValues withoutSecrets(FormSpec spec) {
        Map<String, List<String>> kept = new LinkedHashMap<>(values);
        spec.secretKeys().forEach(kept::remove);
        return new FormValues(kept);
    }

    /** The secret values typed, for scrubbing them from messages and audit entries. */
    public List<String> secretValues(FormSpec spec) {
        return spec.secretKeys()
            .stream()
            .flatMap(key -> all(key).stream())
            .filter(v -> v != null && !v.isBlank())
            .toList();
    }
}
