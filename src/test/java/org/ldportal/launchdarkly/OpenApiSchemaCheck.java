package org.ldportal.launchdarkly;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * Checks a JSON value against a schema of LaunchDarkly's OpenAPI document: declared
 * properties only (a misspelt field is the mistake worth catching, since the API may
 * ignore it silently), required properties present, types, enums, following
 * {@code $ref}s. Enough of JSON Schema for request bodies; not a general validator.
 */
final class OpenApiSchemaCheck {

    private final JsonNode spec;

    OpenApiSchemaCheck(JsonNode spec) {
        this.spec = spec;
    }

    /**
     * The request-body schema of an operation, e.g. ("post",
     * "/api/v2/destinations/{projectKey}/{environmentKey}").
     */
    JsonNode requestSchema(String method, String pathTemplate) {
        JsonNode operation = spec.path("paths").path(pathTemplate).path(method);
        return operation.path("requestBody").path("content").path("application/json").path("schema");
    }

    /** The spec's path template that a concrete path matches, or null. */
    String templateFor(String method, String path) {
        for (Map.Entry<String, JsonNode> entry : spec.path("paths").properties()) {
            String regex = "^" + entry.getKey().replaceAll("\\{[^}]+}", "[^/]+") + "$";
            if (path.matches(regex) && entry.getValue().has(method)) {
                return entry.getKey();
            }
        }
        return null;
    }

    List<String> problems(JsonNode value, JsonNode schema) {
        List<String> problems = new ArrayList<>();
        check(value, schema, "$", problems);
        return problems;
    }

    private void check(JsonNode value, JsonNode schema, String where, List<String> problems) {
        schema = resolve(schema);
        if (schema == null || schema.isMissingNode() || schema.isEmpty()) {
            return;
        }
        String type = schema.path("type").asString("");
        if (schema.has("enum") && !contains(schema.get("enum"), value)) {
            problems.add(where + ": " + value + " is not one of " + schema.get("enum"));
        }
        switch (type) {
            case "object" -> checkObject(value, schema, where, problems);
            case "array" -> {
                if (!value.isArray()) {
                    problems.add(where + ": expected an array");
                    return;
                }
                for (int i = 0; i < value.size(); i++) {
                    check(value.get(i), schema.path("items"), where + "[" + i + "]", problems);
                }
            }
            case "string" -> expect(value.isString(), where, "a string", problems);
            case "boolean" -> expect(value.isBoolean(), where, "a boolean", problems);
            case "integer" -> expect(value.isIntegralNumber(), where, "an integer", problems);
            case "number" -> expect(value.isNumber(), where, "a number", problems);
            default -> {
                if (schema.has("properties")) {
                    checkObject(value, schema, where, problems);
                }
            }
        }
    }

    private void checkObject(JsonNode value, JsonNode schema, String where, List<String> problems) {
        if (!value.isObject()) {
            problems.add(where + ": expected an object");
            return;
        }
        JsonNode properties = schema.path("properties");
        boolean open = schema.has("additionalProperties") && !schema.get("additionalProperties").isBoolean()
                || schema.path("additionalProperties").asBoolean(false) || !schema.has("properties");
        for (String name : value.propertyNames()) {
            if (properties.has(name)) {
                check(value.get(name), properties.get(name), where + "." + name, problems);
            }
            else if (!open) {
                problems.add(where + "." + name + ": not a property of the schema");
            }
        }
        for (JsonNode required : schema.path("required")) {
            if (!value.has(required.asString())) {
                problems.add(where + "." + required.asString() + ": required");
            }
        }
    }

    private JsonNode resolve(JsonNode schema) {
        while (schema != null && schema.has("$ref")) {
            String ref = schema.get("$ref").asString();
            schema = spec.at(ref.substring(1));
        }
        return schema;
    }

    private static void expect(boolean ok, String where, String what, List<String> problems) {
        if (!ok) {
            problems.add(where + ": expected " + what);
        }
    }

    private static boolean contains(JsonNode values, JsonNode value) {
        for (JsonNode candidate : values) {
            if (candidate.equals(value)) {
                return true;
            }
        }
        return false;
    }

}
