package org.ldportal.testsupport;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What LaunchDarkly's Terraform provider would send for a resource block, worked out as
 * the provider does it (launchdarkly/terraform-provider-launchdarkly: the environment's
 * attributes, the per-kind config conversions of {@code destination_helper.go}, and the
 * audit-log subscription's snake-to-camel config with its one-offs), written here from
 * the provider's rules and not from the portal's code, so that a test of the portal's
 * Terraform can fail.
 */
public final class TerraformAsProvider {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Map<String, String> ENVIRONMENT = Map.of("key", "key", "name", "name", "color", "color",
            "tags", "tags", "secure_mode", "secureMode", "default_track_events", "defaultTrackEvents", "default_ttl",
            "defaultTtl", "require_comments", "requireComments", "confirm_changes", "confirmChanges", "critical",
            "critical");

    private static final Map<String, Map<String, String>> DESTINATION_CONFIG = Map.of("kinesis",
            Map.of("region", "region", "role_arn", "roleArn", "stream_name", "streamName"), "mparticle",
            Map.of("api_key", "apiKey", "secret", "secret", "environment", "environment", "user_identities",
                    "userIdentities", "anonymous_user_identity", "anonymousUserIdentity", "user_identity",
                    "userIdentity"),
            "segment",
            Map.of("write_key", "writeKey", "anonymous_id_context_kind", "anonymousIDContextKind",
                    "user_id_context_kind", "userIDContextKind"),
            "google-pubsub", Map.of("project", "project", "topic", "topic"), "azure-event-hubs",
            Map.of("namespace", "namespace", "name", "name", "policy_name", "policyName", "policy_key", "policyKey"));

    private static final Map<String, String> STATEMENT = Map.of("effect", "effect", "actions", "actions", "not_actions",
            "notActions", "resources", "resources", "not_resources", "notResources");

    private TerraformAsProvider() {
    }

    /** The one resource block of this Terraform. */
    public static Hcl.Block resource(String terraform, String type) {
        List<Hcl.Block> blocks = Hcl.parse(terraform)
            .blocks("resource")
            .stream()
            .filter(block -> block.labels().get(0).equals(type))
            .toList();
        if (blocks.size() != 1) {
            throw new AssertionError("one " + type + " block in:\n" + terraform);
        }
        return blocks.get(0);
    }

    /** The environment's create body; its path names {@code project_key}. */
    public static JsonNode environment(Hcl.Block block, Map<String, String> variables) {
        Map<String, Object> body = new LinkedHashMap<>();
        block.body().attributes().forEach((name, value) -> {
            if (!name.equals("project_key")) {
                body.put(known(ENVIRONMENT, name), resolve(value, variables));
            }
        });
        return tree(body);
    }

    public static JsonNode destination(Hcl.Block block, Map<String, String> variables) {
        Map<String, Object> attributes = block.body().attributes();
        String kind = (String) attributes.get("kind");
        Map<String, String> conversion = DESTINATION_CONFIG.get(kind);
        if (conversion == null) {
            throw new AssertionError("the provider does not support the kind " + kind);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        attributes.forEach((name, value) -> {
            switch (name) {
                case "project_key", "env_key" -> {
                }
                case "config" -> {
                    Map<String, Object> config = new LinkedHashMap<>();
                    asMap(value).forEach((key, item) -> {
                        Object resolved = resolve(item, variables);
                        if (key.equals("user_identities")) {
                            // A list of objects, given as JSON in a string.
                            resolved = JSON.readValue((String) resolved, List.class);
                        }
                        config.put(known(conversion, key), resolved);
                    });
                    body.put("config", config);
                }
                case "name", "kind", "on", "tags" -> body.put(name, resolve(value, variables));
                default -> throw new AssertionError("the provider has no destination attribute " + name);
            }
        });
        return tree(body);
    }

    /**
     * The subscription's body: its config's values are all strings in Terraform (the
     * provider parses a boolean field's), so the test compares them as text.
     */
    public static JsonNode subscription(Hcl.Block block, Map<String, String> variables) {
        Map<String, Object> attributes = block.body().attributes();
        String integration = (String) attributes.get("integration_key");
        Map<String, Object> body = new LinkedHashMap<>();
        attributes.forEach((name, value) -> {
            switch (name) {
                case "integration_key" -> {
                }
                case "config" -> {
                    Map<String, Object> config = new LinkedHashMap<>();
                    asMap(value).forEach((key, item) -> config.put(configKey(integration, key),
                            String.valueOf(resolve(item, variables))));
                    body.put("config", config);
                }
                case "name", "on", "tags" -> body.put(name, resolve(value, variables));
                default -> throw new AssertionError("the provider has no subscription attribute " + name);
            }
        });
        List<Object> statements = new ArrayList<>();
        for (Hcl.Block statement : block.body().blocks("statements")) {
            Map<String, Object> converted = new LinkedHashMap<>();
            statement.body()
                .attributes()
                .forEach((name, value) -> converted.put(known(STATEMENT, name), resolve(value, variables)));
            statements.add(converted);
        }
        if (!statements.isEmpty()) {
            body.put("statements", statements);
        }
        return tree(body);
    }

    /** The provider's {@code getConfigFieldKey}, with its Datadog one-off. */
    private static String configKey(String integration, String snake) {
        if (integration.equals("splunk")) {
            return snake.replace('_', '-');
        }
        StringBuilder camel = new StringBuilder();
        boolean upper = false;
        for (char c : snake.toCharArray()) {
            if (c == '_') {
                upper = true;
            }
            else {
                camel.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        String key = camel.toString();
        return integration.equals("datadog") && key.equals("hostUrl") ? "hostURL" : key;
    }

    /** A body as the portal's JSON compares with it (numbers as JSON reads them). */
    public static JsonNode tree(Object value) {
        return JSON.readTree(JSON.writeValueAsString(value));
    }

    private static String known(Map<String, String> names, String name) {
        String api = names.get(name);
        if (api == null) {
            throw new AssertionError("the provider has no attribute " + name);
        }
        return api;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new AssertionError("config is a map in the provider, not " + value);
        }
        return (Map<String, Object>) map;
    }

    private static Object resolve(Object value, Map<String, String> variables) {
        if (value instanceof Hcl.Reference reference) {
            String name = reference.path().replaceFirst("^var\\.", "");
            if (!reference.path().startsWith("var.") || !variables.containsKey(name)) {
                throw new AssertionError("an unknown reference " + reference.path());
            }
            return variables.get(name);
        }
        if (value instanceof BigDecimal number) {
            return number.stripTrailingZeros().scale() <= 0 ? number.longValueExact() : number;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(item -> resolve(item, variables)).toList();
        }
        return value;
    }

}
