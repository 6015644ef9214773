package org.ldportal.form;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One field of a form, as data: the form engine renders and validates any FieldSpec the
 * same way, whether it comes from the destination-kind catalog, an integration manifest
 * or code.
 *
 * @param key the name the value is submitted and sent under, exactly as the API expects
 * it
 * @param label plain-language label
 * @param type how it is entered
 * @param required must be filled in (never enforced for BOOLEAN: unticked is "false")
 * @param secret masked input; never written back into HTML, logs, audit entries or
 * messages
 * @param hidden without conditions: never shown, and its {@link #defaultValue()} is sent
 * as is; with conditions: they alone decide (a manifest's isHidden beside showField means
 * "starts hidden")
 * @param defaultValue the initial value (for BOOLEAN "true"/"false")
 * @param defaultValues initial choices of a MULTISELECT
 * @param options choices of SELECT and MULTISELECT
 * @param placeholder example shown in an empty input
 * @param help help text; may contain markdown links, rendered safely (never as raw HTML)
 * @param pattern a Java regular expression the whole value must match, or null
 * @param patternMessage what to say when the pattern does not match
 * @param maxLength the longest value allowed, or null
 * @param min the smallest NUMBER allowed, or null
 * @param max the largest NUMBER allowed, or null
 * @param conditions when this field is shown, depending on other fields' values (a
 * manifest's dependsOn entries, in order); empty when it does not depend on any. A field
 * with conditions is shown when every one of them allows it: each SHOW condition holds
 * and no HIDE condition does (see {@link FormValidator#isShown})
 */
public record FieldSpec(String key, String label, FieldType type, boolean required, boolean secret, boolean hidden,
        @Nullable String defaultValue, List<String> defaultValues, List<FieldOption> options,
        @Nullable String placeholder, @Nullable String help, @Nullable String pattern, @Nullable String patternMessage,
        @Nullable Integer maxLength, @Nullable Long min, @Nullable Long max, List<FieldCondition> conditions) {

    public FieldSpec {
        defaultValues = defaultValues == null ? List.of() : List.copyOf(defaultValues);
        options = options == null ? List.of() : List.copyOf(options);
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
    }

    /**
     * The same field under another key (a form nested in another, such as a kind's config
     * under {@code config.}); its conditions still name the keys of its own form.
     */
    public FieldSpec renamed(String newKey) {
        return new FieldSpec(newKey, label, type, required, secret, hidden, defaultValue, defaultValues, options,
                placeholder, help, pattern, patternMessage, maxLength, min, max, conditions);
    }

    /**
     * The same field with other conditions: those left to judge once the form is filled
     * in, when the others were judged beforehand (the fields they name were fixed) and
     * let it be shown. With none left it is shown, unless it was hidden outright.
     */
    public FieldSpec withConditions(List<FieldCondition> left) {
        boolean stillHidden = hidden && (conditions.isEmpty() || !left.isEmpty());
        return new FieldSpec(key, label, type, required, secret, stillHidden, defaultValue, defaultValues, options,
                placeholder, help, pattern, patternMessage, maxLength, min, max, left);
    }

    /** A builder for an optional field of the given type, nothing else set. */
    public static Builder builder(String key, String label, FieldType type) {
        return new Builder(key, label, type);
    }

    /**
     * Hidden whatever the values: never shown, never taken from the form, sent with its
     * default.
     */
    public boolean isAlwaysHidden() {
        return hidden && conditions.isEmpty();
    }

    /**
     * Whether the person fills this in: fields hidden outright, read-only and notice
     * fields take nothing from the form (a field hidden only until its conditions allow
     * it does).
     */
    public boolean isInput() {
        return !isAlwaysHidden() && type != FieldType.READ_ONLY && type != FieldType.NOTICE;
    }

    /**
     * Builds a {@link FieldSpec} one component at a time; what is not set keeps its start
     * value (false, null or empty). Not thread-safe; {@link #build()} may be called more
     * than once.
     */
    public static final class Builder {

        private final String key;

        private final String label;

        private FieldType type;

        private boolean required;

        private boolean secret;

        private boolean hidden;

        private @Nullable String defaultValue;

        private List<String> defaultValues = List.of();

        private List<FieldOption> options = List.of();

        private @Nullable String placeholder;

        private @Nullable String help;

        private @Nullable String pattern;

        private @Nullable String patternMessage;

        private @Nullable Integer maxLength;

        private @Nullable Long min;

        private @Nullable Long max;

        private List<FieldCondition> conditions = List.of();

        private Builder(String key, String label, FieldType type) {
            this.key = key;
            this.label = label;
            this.type = type;
        }

        public Builder type(FieldType type) {
            this.type = type;
            return this;
        }

        public Builder required(boolean required) {
            this.required = required;
            return this;
        }

        public Builder secret(boolean secret) {
            this.secret = secret;
            return this;
        }

        public Builder hidden(boolean hidden) {
            this.hidden = hidden;
            return this;
        }

        public Builder defaultValue(@Nullable String defaultValue) {
            this.defaultValue = defaultValue;
            return this;
        }

        public Builder defaultValues(List<String> defaultValues) {
            this.defaultValues = defaultValues;
            return this;
        }

        public Builder options(List<FieldOption> options) {
            this.options = options;
            return this;
        }

        public Builder placeholder(@Nullable String placeholder) {
            this.placeholder = placeholder;
            return this;
        }

        public Builder help(@Nullable String help) {
            this.help = help;
            return this;
        }

        /** The pattern and what to say when it does not match go together. */
        public Builder pattern(@Nullable String pattern, @Nullable String patternMessage) {
            this.pattern = pattern;
            this.patternMessage = patternMessage;
            return this;
        }

        public Builder maxLength(@Nullable Integer maxLength) {
            this.maxLength = maxLength;
            return this;
        }

        /** The smallest and largest NUMBER allowed; either may be null. */
        public Builder range(@Nullable Long min, @Nullable Long max) {
            this.min = min;
            this.max = max;
            return this;
        }

        /**
         * Replaces the conditions; all of them decide together (see
         * {@link FieldSpec#conditions()}).
         */
        public Builder conditions(List<FieldCondition> conditions) {
            this.conditions = conditions;
            return this;
        }

        public FieldSpec build() {
            return new FieldSpec(key, label, type, required, secret, hidden, defaultValue, defaultValues, options,
                    placeholder, help, pattern, patternMessage, maxLength, min, max, conditions);
        }

    }
}
