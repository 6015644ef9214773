package org.ldportal.form;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Validates submitted values against a {@link FormSpec} on the server (whatever the browser checked), and turns
 * them into the values to send. A field hidden by its condition is neither validated nor sent; a field that is
 * hidden outright is sent with its default; read-only and notice fields are never taken from the request.
 */
@Component
public class FormValidator {

    private final ObjectMapper json;

    public FormValidator(ObjectMapper json) {
        this.json = json;
    }

    public FormValidation validate(FormSpec spec, FormValues values) {
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, Object> cleaned = new LinkedHashMap<>();
        for (FieldSpec field : spec.fields()) {
            if (field.type() == FieldType.READ_ONLY || field.type() == FieldType.NOTICE) {
                continue;
            }
            if (field.hidden() && field.condition() == null) {
                if (field.defaultValue() != null) {
                    cleaned.put(field.key(), typedDefault(field));
                }
                continue;
            }
            if (!isShown(field, spec, values)) {
                continue;
            }
            String error = check(field, values, cleaned);
            if (error != null) {
                errors.put(field.key(), error);
            }
        }
        return new FormValidation(errors, cleaned);
    }

    /** Whether a field is visible for these values: its condition, if any, decides (a hidden field with one starts hidden). */
    public static boolean isShown(FieldSpec field, FormSpec spec, FormValues values) {
        if (field.condition() == null) {
            return !field.hidden();
        }
        String dependeeKey = field.condition().fieldKey();
        String dependeeValue = values.first(dependeeKey);
        FieldSpec dependee = spec.field(dependeeKey).orElse(null);
        if (dependee != null && dependee.type() == FieldType.BOOLEAN) {
            // A checkbox sends nothing when unticked; conditions compare "true" and "false".
            // Before anything is submitted, the box shows its default.
            boolean submitted = !values.values().isEmpty();
            boolean ticked = submitted ? "true".equals(dependeeValue) : "true".equals(dependee.defaultValue());
            dependeeValue = String.valueOf(ticked);
        }
        else if (dependeeValue == null && dependee != null) {
            dependeeValue = dependee.defaultValue();
        }
        return field.condition().showsFieldFor(dependeeValue);
    }

    private String check(FieldSpec field, FormValues values, Map<String, Object> cleaned) {
        String label = field.label();
        switch (field.type()) {
            case BOOLEAN -> {
                cleaned.put(field.key(), "true".equals(values.first(field.key())));
                return null;
            }
            case MULTISELECT -> {
                List<String> chosen = values.all(field.key()).stream().filter(v -> v != null && !v.isBlank()).toList();
                if (chosen.isEmpty()) {
                    return field.required() ? "Choose at least one option for " + label + "." : null;
                }
                Set<String> allowed = field.options().stream().map(FieldOption::value).collect(Collectors.toSet());
                if (!allowed.isEmpty() && !allowed.containsAll(chosen)) {
                    return "Choose only among the options listed for " + label + ".";
                }
                cleaned.put(field.key(), chosen);
                return null;
            }
            default -> {
                // No fall-through: the other types take one value.
            }
        }
        String raw = values.first(field.key());
        String value = raw == null ? "" : field.secret() ? raw : raw.trim();
        if (value.isEmpty()) {
            if (!field.required()) {
                return null;
            }
            return field.type() == FieldType.SELECT ? "Choose an option for " + label + "." : "Fill in " + label + ".";
        }
        if (field.maxLength() != null && value.length() > field.maxLength()) {
            return "Keep " + label + " to " + field.maxLength() + " characters or fewer.";
        }
        switch (field.type()) {
            case URL -> {
                if (!isHttpUrl(value)) {
                    return "Enter a full web address starting with https:// (or http://).";
                }
                cleaned.put(field.key(), value);
            }
            case NUMBER -> {
                long number;
                try {
                    number = Long.parseLong(value);
                }
                catch (NumberFormatException e) {
                    return "Enter a whole number.";
                }
                if ((field.min() != null && number < field.min()) || (field.max() != null && number > field.max())) {
                    return "Enter a whole number from " + field.min() + " to " + field.max() + ".";
                }
                cleaned.put(field.key(), number);
            }
            case SELECT -> {
                if (!field.options().isEmpty() && field.options().stream().noneMatch(option -> option.value().equals(value))) {
                    return "Choose one of the options listed for " + label + ".";
                }
                cleaned.put(field.key(), value);
            }
            case JSON_OBJECT -> {
                JsonNode node;
                try {
                    node = json.readTree(value);
                }
                catch (RuntimeException e) {
                    return "This is not valid JSON. Check the brackets, quotes and commas.";
                }
                if (node == null || !node.isObject()) {
                    return "Enter a JSON object, starting with { and ending with }.";
                }
                cleaned.put(field.key(), json.convertValue(node, Map.class));
            }
            default -> cleaned.put(field.key(), value);
        }
        if (field.pattern() != null && !value.matches(field.pattern())) {
            cleaned.remove(field.key());
            return field.patternMessage() != null ? field.patternMessage() : "This value is not in the expected form.";
        }
        return null;
    }

    private Object typedDefault(FieldSpec field) {
        return switch (field.type()) {
            case BOOLEAN -> "true".equals(field.defaultValue());
            case NUMBER -> Long.parseLong(field.defaultValue());
            default -> field.defaultValue();
        };
    }

    static boolean isHttpUrl(String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null && !uri.getHost().isBlank();
        }
        catch (URISyntaxException e) {
            return false;
        }
    }
}
