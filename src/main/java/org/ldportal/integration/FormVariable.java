package org.ldportal.integration;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One formVariable of a manifest, wherever it lives ({@code location}: formVariables,
 * approval.environmentFormVariables, approval.approvalFormVariables,
 * featureStore.formVariables, flagCleanup.formVariables).
 *
 * @param defaultValue the default as text ("true"/"false" for booleans), or null
 */
record FormVariable(String location, String key, String name, String type, @Nullable String description,
        @Nullable String placeholder, boolean secret, boolean optional, boolean hidden, @Nullable String defaultValue,
        List<String> allowedValues, @Nullable DynamicOptions dynamicOptions, List<Dependency> dependsOn,
        List<Choice> multiselectOptions, List<String> multiselectDefaultOptions) {

    /**
     * Where a dynamicEnum's options come from; pointers are JSON Pointers (not JSONPath).
     */
    record DynamicOptions(@Nullable String url, String method, List<Header> headers, String optionsPath,
            String labelPointer, String valuePointer) {
    }

    record Header(String name, String value) {
    }

    record Dependency(@Nullable String variableKey, String variableLocation, String action,
            List<Condition> conditions) {
    }

    record Condition(String operator, @Nullable String value) {
    }

    record Choice(String label, String value) {
    }
}
