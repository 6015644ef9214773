package org.ldportal.environment;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.ldportal.form.FieldSpec;
import org.ldportal.form.FieldType;
import org.ldportal.form.FormSpec;
import org.ldportal.plan.StepKind;
import org.ldportal.resource.ResourceType;
import org.springframework.stereotype.Component;

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

    EnvironmentStepKind(EnvironmentSettings settings, EnvironmentProperties properties) {
        this.settings = settings;
        this.properties = properties;
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
