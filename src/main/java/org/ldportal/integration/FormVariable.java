package org.ldportal.integration;

import java.util.List;

/**
 * One formVariable of a manifest, wherever it lives ({@code location}: formVariables,
 * approval.environmentFormVariables, approval.approvalFormVariables,
 * featureStore.formVariables, flagCleanup.formVariables).
 *
 * @param defaultValue the default as text ("true"/"false" for booleans), or null
 */
record FormVariable(String location, String key, String name, String type, String description, String placeholder,
        boolean secret, boolean optional, boolean hidden, String defaultValue, List<String> allowedValues,
        DynamicOptions dynamicOptions, List<Dependency> dependsOn, List<Choice> multiselectOptions,
        List<String> multiselectDefaultOptions) {

    /**
     * Where a dynamicEnum's options come from; pointers are JSON Pointers (not JSONPath).
     */
    record DynamicOptions(String url, String method, List<Header> headers, String optionsPath, String labelPointer,
            String valuePointer) {
    }

    record Header(String name, String value) {
    }

    record Dependency(String variableKey, String variableLocation, String action, List<Condition> conditions) {
    }

    record Condition(String operator, String value) {
    }

    record Choice(String label, String value) {
    }
}
