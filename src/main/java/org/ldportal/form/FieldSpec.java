package org.ldportal.form;

import java.util.List;

/**
 * One field of a form, as data: the form engine renders and validates any FieldSpec the same way, whether it
 * comes from the destination-kind catalog, an integration manifest or code.
 *
 * @param key            the name the value is submitted and sent under, exactly as the API expects it
 * @param label          plain-language label
 * @param type           how it is entered
 * @param required       must be filled in (never enforced for BOOLEAN: unticked is "false")
 * @param secret         masked input; never written back into HTML, logs, audit entries or messages
 * @param hidden         never shown; its {@link #defaultValue()} is sent as is
 * @param defaultValue   the initial value (for BOOLEAN "true"/"false")
 * @param defaultValues  initial choices of a MULTISELECT
 * @param options        choices of SELECT and MULTISELECT
 * @param placeholder    example shown in an empty input
 * @param help           help text; may contain markdown links, rendered safely (never as raw HTML)
 * @param pattern        a Java regular expression the whole value must match, or null
 * @param patternMessage what to say when the pattern does not match
 * @param maxLength      the longest value allowed, or null
 * @param min            the smallest NUMBER allowed, or null
 * @param max            the largest NUMBER allowed, or null
 * @param condition      show or hide this field depending on another's value, or null
 */
public record FieldSpec(
        String key,
        String label,
        FieldType type,
        boolean required,
        boolean secret,
        boolean hidden,
        String defaultValue,
        List<String> defaultValues,
        List<FieldOption> options,
        String placeholder,
        String help,
        String pattern,
        String patternMessage,
        Integer maxLength,
        Long min,
        Long max,
        FieldCondition condition) {

    public FieldSpec {
        defaultValues = defaultValues == null ? List.of() : List.copyOf(defaultValues);
        options = options == null ? List.of() : List.copyOf(options);
    }

    /** A start for building: an optional field of the given type, nothing else set. */
    public static FieldSpec of(String key, String label, FieldType type) {
        return new FieldSpec(key, label, type, false, false, false, null, List.of(), List.of(), null, null, null, null,
                null, null, null, null);
    }

    public FieldSpec asRequired(boolean required) {
        return new FieldSpec(key, label, type, required, secret, hidden, defaultValue, defaultValues, options,
                placeholder, help, pattern, patternMessage, maxLength, min, max, condition);
    }

    public FieldSpec asSecret(boolean secret) {
        return new FieldSpec(key, label, type, required, secret, hidden, defaultValue, defaultValues, options,
                placeholder, help, pattern, patternMessage, maxLength, min, max, condition);
    }

    public FieldSpec asHidden(boolean hidden) {
        return new FieldSpec(key, label, type, required, secret, hidden, defaultValue, defaultValues, options,
                placeholder, help, pattern, patternMessage, maxLength, min, max, condition);
    }

    public FieldSpec withDefault(String defaultValue) {
        return new FieldSpec(key, label, type, required, secret, hidden, defaultValue, defaultValues, options,
                placeholder, help, pattern, patternMessage, maxLength, min, max, condition);
    }

    public FieldSpec withDefaults(List<String> defaultValues) {
        return new FieldSpec(key, label, type, required, secret, hidden, defaultValue, defaultValues, options,
                placeholder, help, pattern, patternMessage, maxLength, min, max, condition);
    }

    public FieldSpec withOptions(List<FieldOption> options) {
        return new FieldSpec(key, label, type, required, secret, hidden, defaultValue, defaultValues, options,
                placeholder, help, pattern, patternMessage, maxLength, min, max, condition);
    }

    public FieldSpec withPlaceholder(String placeholder) {
        return new FieldSpec(key, label, type, required, secret, hidden, defaultValue, defaultValues, options,
                placeholder, help, pattern, patternMessage, maxLength, min, max, condition);
    }

    public FieldSpec withHelp(String help) {
        return new FieldSpec(key, label, type, required, secret, hidden, defaultValue, defaultValues, options,
                placeholder, help, pattern, patternMessage, maxLength, min, max, condition);
    }

    public FieldSpec withPattern(String pattern, String patternMessage) {
        return new FieldSpec(key, label, type, required, secret, hidden, defaultValue, defaultValues, options,
                placeholder, help, pattern, patternMessage, maxLength, min, max, condition);
    }

    public FieldSpec withMaxLength(Integer maxLength) {
        return new FieldSpec(key, label, type, required, secret, hidden, defaultValue, defaultValues, options,
                placeholder, help, pattern, patternMessage, maxLength, min, max, condition);
    }

    public FieldSpec withRange(Long min, Long max) {
        return new FieldSpec(key, label, type, required, secret, hidden, defaultValue, defaultValues, options,
                placeholder, help, pattern, patternMessage, maxLength, min, max, condition);
    }

    public FieldSpec withCondition(FieldCondition condition) {
        return new FieldSpec(key, label, type, required, secret, hidden, defaultValue, defaultValues, options,
                placeholder, help, pattern, patternMessage, maxLength, min, max, condition);
    }

    /** Whether the person fills this in (hidden, read-only and notice fields take nothing from the form). */
    public boolean isInput() {
        return !hidden && type != FieldType.READ_ONLY && type != FieldType.NOTICE;
    }
}
