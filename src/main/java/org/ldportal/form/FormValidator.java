package org.ldportal.form;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Validates submitted values against a {@link FormSpec} on the server (whatever the
 * browser checked), and turns them into the values to send. A field hidden by its
 * conditions is neither validated nor sent; a field that is hidden outright is sent with
 * its default; read-only and notice fields are never taken from the request.
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
            if (field.isAlwaysHidden()) {
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

    /**
     * Whether a field is visible for these values. A field without conditions is visible
     * unless hidden. A field with conditions (a manifest's dependsOn entries) is visible
     * when every one of them allows it: every SHOW condition holds and no HIDE condition
     * does, in any order; its hidden flag then plays no part.
     * <p>
     * Why this reading: the manifest schema says only that an entry's action is "taken
     * when your defined conditions evaluate to true"; it says neither what happens while
     * they do not nor how several entries combine, and the one real manifest that uses
     * dependsOn (servicenow-normal) has a single showField entry per field, beside
     * isHidden. So each entry is read as a rule that holds the field in its action's
     * state: a showField entry means "shown only while", so a field it has not shown
     * stays hidden, as isHidden beside it says; a hideField entry hides the field
     * whatever the others say. An entry names one variable and all its own conditions
     * must hold; several entries are how a field depends on several variables, and they
     * combine the same way: all must allow it. The other reading ("shown when any
     * showField entry holds") would make a dependence on two variables an either-or and
     * could not say "both"; this one cannot say "either", which seems the rarer need.
     * With one entry both readings, and the portal before, agree. The browser applies the
     * same rule ({@code form-conditions.js}, from the {@code data-conditions} attribute
     * {@link FormView} renders).
     * <p>
     * Before anything is submitted the values shown are the defaults, so this also
     * decides how a form starts.
     */
    public static boolean isShown(FieldSpec field, FormSpec spec, FormValues values) {
        if (field.conditions().isEmpty()) {
            return !field.hidden();
        }
        return field.conditions()
            .stream()
            .allMatch(condition -> condition.showsFieldFor(dependeeValue(condition.fieldKey(), spec, values)));
    }

    /**
     * The value a condition compares for the field it depends on, as the page shows it
     * (the browser reads the same, see {@link FormView}): a checkbox is "true" or
     * "false"; a multiselect its first chosen option, in the order listed; a field that
     * takes no input (hidden outright, read-only, notice) its default, whatever was
     * submitted; a key the form does not have "". Before anything is submitted, fields
     * show their defaults.
     */
    public static String dependeeValue(String key, FormSpec spec, FormValues values) {
        FieldSpec dependee = spec.field(key).orElse(null);
        if (dependee == null) {
            return "";
        }
        if (!dependee.isInput()) {
            return fixedValue(dependee);
        }
        boolean submitted = !values.values().isEmpty();
        return switch (dependee.type()) {
            // A checkbox sends nothing when unticked: after a submit, absent means
            // unticked.
            case BOOLEAN ->
                String.valueOf(submitted ? "true".equals(values.first(key)) : "true".equals(dependee.defaultValue()));
            case MULTISELECT -> values.has(key) ? firstChosen(dependee, values.all(key)) : fixedValue(dependee);
            default -> values.has(key) ? nullToEmpty(values.first(key)) : fixedValue(dependee);
        };
    }

    /**
     * What a field's value is when nothing for it comes from the form: its default, as
     * the page would show it.
     */
    static String fixedValue(FieldSpec field) {
        return switch (field.type()) {
            case BOOLEAN -> String.valueOf("true".equals(field.defaultValue()));
            case MULTISELECT -> firstChosen(field, field.defaultValues());
            default -> nullToEmpty(field.defaultValue());
        };
    }

    private static String firstChosen(FieldSpec multiselect, List<String> chosen) {
        return multiselect.options().stream().map(FieldOption::value).filter(chosen::contains).findFirst().orElse("");
    }

    private static String nullToEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }

    /**
     * The most any field takes when its description names no limit: free-form JSON and
     * text included, so that no form can make an entry or a request of megabytes.
     */
    static final int MAX_LENGTH = 65_536;

    private @Nullable String check(FieldSpec field, FormValues values, Map<String, Object> cleaned) {
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
        int maxLength = field.maxLength() != null ? field.maxLength() : MAX_LENGTH;
        if (value.length() > maxLength) {
            return "Keep " + label + " to " + String.format("%,d", maxLength) + " characters or fewer.";
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
                if (!field.options().isEmpty()
                        && field.options().stream().noneMatch(option -> option.value().equals(value))) {
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

    private @Nullable Object typedDefault(FieldSpec field) {
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
            return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null
                    && !uri.getHost().isBlank();
        }
        catch (URISyntaxException e) {
            return false;
        }
    }

}
