package org.ldportal.environment;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import jakarta.validation.Validator;

import org.jspecify.annotations.Nullable;
import org.ldportal.change.PreparedChange;
import org.ldportal.form.FieldSpec;
import org.ldportal.form.FieldType;
import org.ldportal.form.FormSpec;
import org.ldportal.form.FormValues;
import org.ldportal.launchdarkly.Environment;
import org.ldportal.launchdarkly.LaunchDarklyApiException;
import org.ldportal.launchdarkly.LaunchDarklyClient;
import org.ldportal.plan.StepKind;
import org.ldportal.resource.ResourceType;
import org.ldportal.security.CurrentUser;
import org.springframework.beans.MutablePropertyValues;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;
import org.springframework.web.bind.WebDataBinder;

/**
 * A new environment as a template's step: the create form's fields, with the same rules
 * ({@link EnvironmentForm}'s), and a lifetime in days instead of a day, since a template
 * is used on many days.
 */
@Component
class EnvironmentStepKind implements StepKind {

    /** A template's "delete after", counted from the day the plan runs. */
    static final String DELETE_AFTER_DAYS = "deleteAfterDays";

    private final EnvironmentSettings settings;

    private final EnvironmentProperties properties;

    private final EnvironmentService environments;

    private final EnvironmentApprovals changes;

    private final LaunchDarklyClient client;

    private final SpringValidatorAdapter validator;

    private final Clock clock;

    EnvironmentStepKind(EnvironmentSettings settings, EnvironmentProperties properties, EnvironmentService environments,
            EnvironmentApprovals changes, LaunchDarklyClient client, Validator validator, Clock clock) {
        this.settings = settings;
        this.properties = properties;
        this.environments = environments;
        this.changes = changes;
        this.client = client;
        this.validator = new SpringValidatorAdapter(validator);
        this.clock = clock;
    }

    /**
     * The create form filled in from the step's values and checked as the form is: Bean
     * Validation, then the service's own rules (the project there, the days allowed).
     */
    @Override
    public StepChange<?> prepare(Target.Where where, FormValues values, CurrentUser user) {
        EnvironmentForm form = new EnvironmentForm();
        form.setProjectKey(where.project());
        form.setColor(properties.defaultColor());
        WebDataBinder binder = new WebDataBinder(form, "environmentForm");
        binder.setAllowedFields(EnvironmentSetting.createFields("key", "sourceKey"));
        Map<String, Object> bound = new LinkedHashMap<>();
        values.values().forEach((key, list) -> bound.put(key, list.isEmpty() ? "" : list.get(0)));
        binder.bind(new MutablePropertyValues(bound));
        BindingResult result = binder.getBindingResult();
        String days = values.first(DELETE_AFTER_DAYS);
        if (days != null && !days.isBlank()) {
            long longest = properties.longestLifetime().toDays();
            long count;
            try {
                count = Long.parseLong(days.strip());
            }
            catch (NumberFormatException e) {
                count = -1;
            }
            if (count < 1 || count > longest) {
                return new StepChange.Invalid<>(
                        Map.of(DELETE_AFTER_DAYS, "Enter a whole number of days from 1 to " + longest + "."));
            }
            form.setDeleteAfter(TimeLimitedEnvironments.day(clock.instant()).plusDays(count));
        }
        validator.validate(form, result);
        environments.validate(form, result);
        if (result.hasErrors()) {
            return new StepChange.Invalid<>(
                    StepKind.messages(result, field -> field.equals("deleteAfter") ? DELETE_AFTER_DAYS : field));
        }
        return new StepChange.Ready<>(environments.creation(form), CreatedEnvironment::key);
    }

    /** An environment is undone by its key. */
    @Override
    public @Nullable String made(@Nullable String key, @Nullable String id) {
        return key;
    }

    @Override
    public Optional<PreparedChange<?>> undo(Target.Where where, String made, CurrentUser user) {
        String project = Objects.requireNonNull(where.project());
        Environment environment;
        try {
            environment = client.getEnvironment(project, made);
        }
        catch (LaunchDarklyApiException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
        return Optional.of(changes.deleting(project, environment));
    }

    @Override
    public ResourceType type() {
        return ResourceType.ENVIRONMENT;
    }

    @Override
    public Target target() {
        return Target.PROJECT;
    }

    @Override
    public @Nullable String variant() {
        return null;
    }

    @Override
    public FormSpec fields(@Nullable String variant) {
        List<FieldSpec> fields = new ArrayList<>();
        for (EnvironmentSetting setting : EnvironmentSetting.values()) {
            if (setting.onCreate()) {
                fields.add(field(setting));
            }
            if (setting == EnvironmentSetting.NAME) {
                fields.add(FieldSpec.builder("key", settings.label("key"), FieldType.TEXT)
                    .pattern(EnvironmentKeys.API_PATTERN,
                            "Use letters, digits, '.', '_' or '-', starting with a " + "letter or digit.")
                    .maxLength(EnvironmentKeys.MAX_LENGTH)
                    .build());
            }
        }
        fields.add(FieldSpec.builder("sourceKey", settings.label("sourceKey"), FieldType.TEXT).maxLength(255).build());
        fields.add(FieldSpec.builder(DELETE_AFTER_DAYS, "Delete after (days)", FieldType.NUMBER)
            .range(1L, properties.longestLifetime().toDays())
            .build());
        return new FormSpec(fields);
    }

    private FieldSpec field(EnvironmentSetting setting) {
        String label = settings.label(setting);
        return switch (setting.kind()) {
            case TEXT -> FieldSpec.builder(setting.property(), label, FieldType.TEXT)
                .required(setting == EnvironmentSetting.NAME)
                .maxLength(256)
                .build();
            case COLOUR -> FieldSpec.builder(setting.property(), label, FieldType.TEXT)
                .required(true)
                .defaultValue(properties.defaultColor())
                .pattern("[0-9a-fA-F]{6}", "Enter the colour as 6 hexadecimal digits, like 417505.")
                .build();
            case NUMBER ->
                FieldSpec.builder(setting.property(), label, FieldType.NUMBER).range(0L, 60L).defaultValue("0").build();
            case SWITCH -> FieldSpec.builder(setting.property(), label, FieldType.BOOLEAN).build();
            case TAGS -> FieldSpec.builder(setting.property(), label, FieldType.TEXT).maxLength(1000).build();
        };
    }

}
