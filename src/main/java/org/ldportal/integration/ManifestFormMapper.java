package org.ldportal.integration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.ldportal.form.FieldCondition;
import org.ldportal.form.FieldOption;
import org.ldportal.form.FieldSpec;
import org.ldportal.form.FieldType;
import org.ldportal.form.FormSpec;
import org.ldportal.integration.options.DynamicOptionsException;

/**
 * Turns a manifest's formVariables into the form engine's FieldSpecs, following the
 * manifest format's rules: required unless {@code isOptional}; a checkbox is never
 * required to be ticked; {@code isHidden} without {@code dependsOn} is not shown and sent
 * with its default; with {@code dependsOn} it starts hidden and appears when every entry
 * allows it (each showField entry's conditions hold, no hideField entry's do: see
 * {@link org.ldportal.form.FormValidator#isShown}); {@code generated} and
 * {@code publicKey} are filled in by LaunchDarkly; {@code oauth} cannot be done here.
 * Keys are kept exactly as written.
 * <p>
 * An entry's {@code variableLocation} is not looked at: each location is its own form
 * here and the key is looked up in the field's own form, so an entry naming a variable of
 * another location (servicenow-normal's approval fields depend on its environment fields)
 * finds no field, compares "" and, for showField, keeps it hidden.
 */
final class ManifestFormMapper {

    /** Where a dynamicEnum's or environmentSelector's choices come from. */
    interface Choices {

        List<FieldOption> dynamic(FormVariable.@Nullable DynamicOptions options);

        List<FieldOption> environments();

    }

    /**
     * For checks that must not call out: dynamic choices are left empty, environments
     * too.
     */
    static final Choices NONE = new Choices() {
        @Override
        public List<FieldOption> dynamic(FormVariable.@Nullable DynamicOptions options) {
            throw new DynamicOptionsException("not loaded");
        }

        @Override
        public List<FieldOption> environments() {
            return List.of();
        }
    };

    private ManifestFormMapper() {
    }

    /** The form of the manifest's top-level formVariables: the integration's config. */
    static FormSpec configForm(Manifest manifest, Choices choices) {
        return form(manifest.configVariables(), choices);
    }

    static FormSpec form(List<FormVariable> variables, Choices choices) {
        Map<String, FieldSpec> fields = new LinkedHashMap<>();
        for (FormVariable variable : variables) {
            // A repeated key keeps its first definition: the form engine needs unique
            // keys.
            fields.putIfAbsent(variable.key(), field(variable, choices));
        }
        return new FormSpec(List.copyOf(fields.values()));
    }

    static FieldSpec field(FormVariable variable, Choices choices) {
        FieldSpec.Builder field = FieldSpec.builder(variable.key(), variable.name(), FieldType.TEXT)
            .help(variable.description())
            .placeholder(variable.placeholder())
            .secret(variable.secret())
            .required(!variable.optional())
            .defaultValue(variable.defaultValue());
        switch (variable.type()) {
            case "uri" -> field.type(FieldType.URL);
            case "boolean" -> field.type(FieldType.BOOLEAN)
                .required(false)
                .defaultValue(String.valueOf("true".equals(variable.defaultValue())));
            case "enum" ->
                field.type(FieldType.SELECT).options(variable.allowedValues().stream().map(FieldOption::of).toList());
            case "multiselect" -> field.type(FieldType.MULTISELECT)
                .options(
                        variable.multiselectOptions().stream().map(c -> new FieldOption(c.value(), c.label())).toList())
                .defaultValues(variable.multiselectDefaultOptions());
            case "dynamicEnum" -> dynamic(field, variable, choices);
            case "environmentSelector" -> field.type(FieldType.SELECT)
                .options(safely(choices::environments))
                .help(join(variable.description(), "Choose the project and environment."));
            case "generated", "publicKey" -> field.type(FieldType.READ_ONLY)
                .required(false)
                .help(join(variable.description(), "LaunchDarkly fills this in when the integration is saved."));
            case "oauth" -> field.type(FieldType.NOTICE)
                .required(false)
                .help(join(variable.description(),
                        "This needs an OAuth connection, which only LaunchDarkly's own site can make."));
            default -> {
                // string, and any type a newer format adds: a text field.
            }
        }
        // Every dependsOn entry, in order; FormValidator.isShown says how they combine.
        field.conditions(variable.dependsOn().stream().map(ManifestFormMapper::condition).toList());
        return field.hidden(variable.hidden()).build();
    }

    private static void dynamic(FieldSpec.Builder field, FormVariable variable, Choices choices) {
        try {
            field.options(choices.dynamic(variable.dynamicOptions())).type(FieldType.SELECT);
        }
        catch (DynamicOptionsException e) {
            field.help(join(variable.description(),
                    "The list of choices could not be loaded (" + e.getMessage() + "): type the value instead."));
        }
    }

    private static FieldCondition condition(FormVariable.Dependency dependency) {
        FieldCondition.Action action = "hideField".equals(dependency.action()) ? FieldCondition.Action.HIDE
                : FieldCondition.Action.SHOW;
        List<FieldCondition.Condition> conditions = dependency.conditions()
            .stream()
            .map(c -> new FieldCondition.Condition(operator(c.operator()), c.value() == null ? "" : c.value()))
            .toList();
        return new FieldCondition(dependency.variableKey() == null ? "" : dependency.variableKey(), action, conditions);
    }

    private static FieldCondition.Operator operator(String name) {
        return switch (name == null ? "equalTo" : name) {
            case "notEqual" -> FieldCondition.Operator.NOT_EQUAL;
            case "contains" -> FieldCondition.Operator.CONTAINS;
            case "startsWith" -> FieldCondition.Operator.STARTS_WITH;
            case "endsWith" -> FieldCondition.Operator.ENDS_WITH;
            case "lessThan" -> FieldCondition.Operator.LESS_THAN;
            case "lessThanOrEqualTo" -> FieldCondition.Operator.LESS_THAN_OR_EQUAL_TO;
            case "greaterThan" -> FieldCondition.Operator.GREATER_THAN;
            case "greaterThanOrEqualTo" -> FieldCondition.Operator.GREATER_THAN_OR_EQUAL_TO;
            default -> FieldCondition.Operator.EQUAL_TO;
        };
    }

    private static List<FieldOption> safely(Supplier<List<FieldOption>> options) {
        try {
            return options.get();
        }
        catch (RuntimeException e) {
            return List.of();
        }
    }

    private static String join(@Nullable String first, String second) {
        return first == null || first.isBlank() ? second : first + " " + second;
    }

}
