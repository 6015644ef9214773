package org.ldportal.integration;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.ldportal.launchdarkly.PolicyStatement;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;

/**
 * Reads a manifest from JSON, tolerantly: unknown attributes are ignored, absent ones
 * take the schema's defaults ({@code isOptional} absent means required). Only a manifest
 * without key or name is refused.
 */
@Component
class ManifestParser {

    static final String TOP_LEVEL = "formVariables";

    /** Where form variables may live, beside the top level. */
    private static final String[][] CAPABILITY_LOCATIONS = { { "approval", "environmentFormVariables" },
            { "approval", "approvalFormVariables" }, { "featureStore", "formVariables" },
            { "flagCleanup", "formVariables" } };

    Manifest parse(JsonNode json, @Nullable String keyIfAbsent) {
        if (json == null || !json.isObject()) {
            throw new ManifestException("not a JSON object");
        }
        String keyGiven = textOrNull(json, "key");
        String key = keyGiven != null ? keyGiven : keyIfAbsent;
        String name = textOrNull(json, "name");
        if (key == null || key.isBlank() || name == null) {
            throw new ManifestException("manifest without key or name");
        }
        JsonNode capabilities = json.path("capabilities");
        List<FormVariable> variables = new ArrayList<>(variables(json.get("formVariables"), TOP_LEVEL));
        for (String[] location : CAPABILITY_LOCATIONS) {
            variables
                .addAll(variables(capabilities.path(location[0]).get(location[1]), location[0] + "." + location[1]));
        }
        JsonNode hook = capabilities.get("auditLogEventsHook");
        List<String> categories = new ArrayList<>();
        json.path("categories").forEach(category -> categories.add(category.asString()));
        return new Manifest(key, name, textOrNull(json, "overview"), categories, textOrNull(json.path("links"), "site"),
                textOrNull(json.path("links"), "launchdarklyDocs"),
                json.path("allowIntegrationConfigurations").asBoolean(false), hook != null && hook.isObject(),
                hook == null ? List.of() : statements(hook.get("defaultPolicy")),
                capabilities.path("approval").path("allowAdditionalApprovalFormVariables").asBoolean(false),
                blockedBecause(json, capabilities), setUpElsewhere(capabilities), List.copyOf(variables));
    }

    private static @Nullable String blockedBecause(JsonNode json, JsonNode capabilities) {
        if (capabilities.path("hideConfiguration").asBoolean(false)) {
            return "Its configuration is managed by the integration itself, not in a form.";
        }
        if (capabilities.has("externalConfigurationURL")) {
            return "It is set up on the integration's own site.";
        }
        if (capabilities.has("internalConfigurationURL")) {
            return "It is set up on its own page in LaunchDarkly.";
        }
        if (json.path("requiresOAuth").asBoolean(false)) {
            return "It needs an OAuth connection, which only LaunchDarkly's own site can make.";
        }
        return null;
    }

    private static @Nullable String setUpElsewhere(JsonNode capabilities) {
        String external = textOrNull(capabilities, "externalConfigurationURL");
        if (external != null) {
            return external;
        }
        String internal = textOrNull(capabilities, "internalConfigurationURL");
        // A page of LaunchDarkly's own site: kept as a path, made a link with the
        // configured host (EU, federal).
        return internal == null ? null : "/" + internal.replaceFirst("^/", "");
    }

    private static List<FormVariable> variables(@Nullable JsonNode array, String location) {
        List<FormVariable> variables = new ArrayList<>();
        if (array == null || !array.isArray()) {
            return variables;
        }
        for (JsonNode variable : array) {
            String key = textOrNull(variable, "key");
            if (key == null) {
                continue;
            }
            variables.add(new FormVariable(location, key, text(variable, "name", key), text(variable, "type", "string"),
                    textOrNull(variable, "description"), textOrNull(variable, "placeholder"),
                    variable.path("isSecret").asBoolean(false), variable.path("isOptional").asBoolean(false),
                    variable.path("isHidden").asBoolean(false), defaultValue(variable.get("defaultValue")),
                    strings(variable.get("allowedValues")), dynamicOptions(variable.get("dynamicOptions")),
                    dependencies(variable.get("dependsOn")), choices(variable.get("multiselectOptions")),
                    strings(variable.get("multiselectDefaultOptions"))));
        }
        return variables;
    }

    private static @Nullable String defaultValue(@Nullable JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        return value.isString() ? value.asString() : value.toString();
    }

    private static FormVariable.@Nullable DynamicOptions dynamicOptions(@Nullable JsonNode options) {
        if (options == null || !options.isObject()) {
            return null;
        }
        JsonNode endpoint = options.path("endpoint");
        List<FormVariable.Header> headers = new ArrayList<>();
        endpoint.path("headers")
            .forEach(header -> headers
                .add(new FormVariable.Header(text(header, "name", ""), text(header, "value", ""))));
        JsonNode parser = options.path("parser");
        return new FormVariable.DynamicOptions(textOrNull(endpoint, "url"), text(endpoint, "method", "GET"), headers,
                text(parser, "optionsPath", ""), text(parser.path("optionsItems"), "label", ""),
                text(parser.path("optionsItems"), "value", ""));
    }

    private static List<FormVariable.Dependency> dependencies(@Nullable JsonNode dependsOn) {
        List<FormVariable.Dependency> dependencies = new ArrayList<>();
        if (dependsOn == null || !dependsOn.isArray()) {
            return dependencies;
        }
        for (JsonNode dependency : dependsOn) {
            List<FormVariable.Condition> conditions = new ArrayList<>();
            dependency.path("conditions")
                .forEach(condition -> conditions.add(new FormVariable.Condition(text(condition, "operator", "equalTo"),
                        defaultValue(condition.get("value")))));
            dependencies.add(new FormVariable.Dependency(textOrNull(dependency, "variableKey"),
                    text(dependency, "variableLocation", TOP_LEVEL), text(dependency, "action", "showField"),
                    conditions));
        }
        return dependencies;
    }

    private static List<FormVariable.Choice> choices(@Nullable JsonNode options) {
        List<FormVariable.Choice> choices = new ArrayList<>();
        if (options != null && options.isArray()) {
            options
                .forEach(option -> choices.add(new FormVariable.Choice(text(option, "label", text(option, "value", "")),
                        text(option, "value", ""))));
        }
        return choices;
    }

    private static List<PolicyStatement> statements(@Nullable JsonNode policy) {
        List<PolicyStatement> statements = new ArrayList<>();
        if (policy != null && policy.isArray()) {
            policy.forEach(statement -> statements.add(new PolicyStatement(text(statement, "effect", "allow"),
                    strings(statement.get("resources")), strings(statement.get("notResources")),
                    strings(statement.get("actions")), strings(statement.get("notActions")))));
        }
        return statements;
    }

    private static List<String> strings(@Nullable JsonNode array) {
        List<String> strings = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(item -> strings.add(item.isString() ? item.asString() : item.toString()));
        }
        return strings;
    }

    private static String text(@Nullable JsonNode node, String field, String fallback) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() || !value.isValueNode() ? fallback : value.asString();
    }

    /** As {@link #text} with no fallback: null when absent. */
    private static @Nullable String textOrNull(@Nullable JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() || !value.isValueNode() ? null : value.asString();
    }

}
