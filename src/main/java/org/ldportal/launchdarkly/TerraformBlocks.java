package org.ldportal.launchdarkly;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.ldportal.launchdarkly.ApiOperation.Matched;
import org.ldportal.launchdarkly.CodeSamples.SecretVariable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A create as the resource block of LaunchDarkly's Terraform provider
 * (launchdarkly/launchdarkly). What the provider can hold, and how it names it, follows
 * the provider: attributes in snake case, a destination's config only in the keys the
 * provider converts for its kind, a subscription's config as a map of strings. What it
 * cannot hold is named in a comment and in the note, never dropped silently.
 */
final class TerraformBlocks {

    /** The destination kinds the provider supports, with the config keys it converts. */
    private static final Map<String, Set<String>> DESTINATION_CONFIG = Map.of("kinesis",
            Set.of("region", "roleArn", "streamName"), "google-pubsub", Set.of("project", "topic"), "mparticle",
            Set.of("apiKey", "secret", "environment", "userIdentities", "anonymousUserIdentity", "userIdentity"),
            "azure-event-hubs", Set.of("namespace", "name", "policyName", "policyKey"), "segment",
            Set.of("writeKey", "anonymousIDContextKind", "userIDContextKind"));

    /** The provider takes mParticle's list of identities as JSON in a string. */
    private static final String JSON_IN_STRING = "userIdentities";

    /** The integrations whose audit-log subscriptions the provider can hold. */
    private static final Set<String> SUBSCRIPTION_INTEGRATIONS = Set.of("chronosphere", "cloudtrail", "datadog",
            "dynatrace", "dynatrace-v2", "elastic", "grafana", "honeycomb", "jira", "kosli", "last9", "logdna",
            "mattermost", "msteams", "new-relic-apm", "pagerduty", "signalfx", "slack", "splunk", "vercel-native");

    private static final Set<String> ENVIRONMENT_FIELDS = Set.of("key", "name", "color", "defaultTtl", "secureMode",
            "defaultTrackEvents", "requireComments", "confirmChanges", "critical", "tags");

    private final ObjectMapper json;

    TerraformBlocks(ObjectMapper json) {
        this.json = json;
    }

    /** The block, or why there is none. */
    record Result(@Nullable String code, @Nullable String note) {
    }

    Result of(Matched call, @Nullable JsonNode body, Map<String, SecretVariable> secrets, @Nullable String id) {
        ApiOperation operation = call.operation();
        if (!operation.creates()) {
            return new Result(null, switch (operation.method()) {
                case "DELETE" ->
                    "Terraform describes what should exist: remove the resource's block and run terraform apply.";
                case "PATCH" -> "Terraform describes what should exist, not a change: edit the resource's block "
                        + "(its page in the portal shows it) and run terraform apply.";
                default -> "The Terraform provider has no resource for this call.";
            });
        }
        if (body == null || !body.isObject()) {
            return new Result(null, "There is no body to write as Terraform.");
        }
        Writer writer = new Writer(body, secrets);
        return switch (operation) {
            case CREATE_ENVIRONMENT -> environment(writer, call, id);
            case CREATE_DESTINATION -> destination(writer, call, id);
            case CREATE_SUBSCRIPTION -> subscription(writer, call, id);
            default -> new Result(null, "The LaunchDarkly Terraform provider has no resource for integration "
                    + "configurations; ldcli and curl below make the same call.");
        };
    }

    private Result environment(Writer writer, Matched call, @Nullable String id) {
        JsonNode body = writer.body;
        Block block = new Block("launchdarkly_environment", CodeText.identifier(body.path("key").asString("env")));
        block.attribute("project_key", CodeText.hclString(call.variable("projectKey")));
        for (Map.Entry<String, JsonNode> field : body.properties()) {
            if (ENVIRONMENT_FIELDS.contains(field.getKey())) {
                block.attribute(CodeText.snake(field.getKey()),
                        writer.value(field.getValue(), CodeText.pointer("", field.getKey())));
            }
            else {
                writer.notCarried(field.getKey());
            }
        }
        return writer.result(block, id == null ? null : call.variable("projectKey") + "/" + id);
    }

    private Result destination(Writer writer, Matched call, @Nullable String id) {
        JsonNode body = writer.body;
        String kind = body.path("kind").asString("");
        Set<String> configKeys = DESTINATION_CONFIG.get(kind);
        if (configKeys == null) {
            return new Result(null,
                    "The LaunchDarkly Terraform provider's launchdarkly_destination supports the kinds "
                            + String.join(", ", DESTINATION_CONFIG.keySet().stream().sorted().toList()) + ", not "
                            + kind + "; ldcli and curl below make the same call.");
        }
        Block block = new Block("launchdarkly_destination", CodeText.identifier(body.path("name").asString("x")));
        block.attribute("project_key", CodeText.hclString(call.variable("projectKey")));
        block.attribute("env_key", CodeText.hclString(call.variable("environmentKey")));
        for (Map.Entry<String, JsonNode> field : body.properties()) {
            String key = field.getKey();
            switch (key) {
                case "name", "kind", "on", "tags" ->
                    block.attribute(key, writer.value(field.getValue(), CodeText.pointer("", key)));
                case "config" -> block.map("config",
                        writer.entries(field.getValue(), "/config", "config.", configKeys::contains, JSON_IN_STRING));
                default -> writer.notCarried(key);
            }
        }
        return writer.result(block,
                id == null ? null : call.variable("projectKey") + "/" + call.variable("environmentKey") + "/" + id);
    }

    private Result subscription(Writer writer, Matched call, @Nullable String id) {
        String integration = call.variable("integrationKey");
        if (!SUBSCRIPTION_INTEGRATIONS.contains(integration)) {
            return new Result(null,
                    "The LaunchDarkly Terraform provider's launchdarkly_audit_log_subscription does not support "
                            + integration + "; ldcli and curl below make the same call.");
        }
        JsonNode body = writer.body;
        Block block = new Block("launchdarkly_audit_log_subscription",
                CodeText.identifier(body.path("name").asString("x")));
        block.attribute("integration_key", CodeText.hclString(integration));
        for (Map.Entry<String, JsonNode> field : body.properties()) {
            String key = field.getKey();
            switch (key) {
                case "name", "on", "tags" ->
                    block.attribute(key, writer.value(field.getValue(), CodeText.pointer("", key)));
                case "config" ->
                    block.map("config", writer.entries(field.getValue(), "/config", "config.", any -> true, null));
                case "statements" -> statements(writer, block, field.getValue());
                default -> writer.notCarried(key);
            }
        }
        if (!body.has("statements")) {
            writer.notCarried("statements (the provider needs at least one; without them LaunchDarkly applies "
                    + "its default policy)");
        }
        return writer.result(block, id == null ? null : integration + "/" + id);
    }

    private void statements(Writer writer, Block block, JsonNode statements) {
        for (int i = 0; i < statements.size(); i++) {
            Block statement = new Block("statements");
            for (Map.Entry<String, JsonNode> field : statements.get(i).properties()) {
                statement.attribute(CodeText.snake(field.getKey()),
                        writer.value(field.getValue(), CodeText.pointer("/statements/" + i, field.getKey())));
            }
            block.block(statement);
        }
    }

    /** Writes values, using and declaring the secrets' variables as it meets them. */
    private final class Writer {

        private final JsonNode body;

        private final Map<String, SecretVariable> secrets;

        private final Set<SecretVariable> used = new LinkedHashSet<>();

        private final List<String> notCarried = new ArrayList<>();

        Writer(JsonNode body, Map<String, SecretVariable> secrets) {
            this.body = body;
            this.secrets = secrets;
        }

        void notCarried(String what) {
            notCarried.add(what);
        }

        /** A value as HCL: a secret as its variable. */
        String value(JsonNode node, String pointer) {
            SecretVariable secret = secrets.get(pointer);
            if (secret != null) {
                used.add(secret);
                return "var." + secret.name();
            }
            if (node.isString()) {
                return CodeText.hclString(node.asString());
            }
            if (node.isArray()) {
                List<String> items = new ArrayList<>();
                for (int i = 0; i < node.size(); i++) {
                    items.add(value(node.get(i), pointer + "/" + i));
                }
                return "[" + String.join(", ", items) + "]";
            }
            if (node.isObject()) {
                return "{ " + node.propertyStream()
                    .map(field -> CodeText.hclString(field.getKey()) + " = "
                            + value(field.getValue(), CodeText.pointer(pointer, field.getKey())))
                    .collect(Collectors.joining(", ")) + " }";
            }
            return json.writeValueAsString(node);
        }

        /**
         * A config object as the provider's map of strings: keys in snake case, other
         * scalars as their text, and one key that holds JSON in a string.
         */
        List<String[]> entries(JsonNode config, String pointer, String label, Predicate<String> kept,
                @Nullable String jsonInString) {
            List<String[]> entries = new ArrayList<>();
            for (Map.Entry<String, JsonNode> field : config.properties()) {
                String key = field.getKey();
                JsonNode value = field.getValue();
                String at = CodeText.pointer(pointer, key);
                if (!kept.test(key)) {
                    notCarried(label + key);
                }
                else if (key.equals(jsonInString) || (!value.isValueNode() && secrets.get(at) == null)) {
                    if (key.equals(jsonInString) && !containsSecret(at)) {
                        entries.add(new String[] { CodeText.snake(key),
                                CodeText.hclString(json.writeValueAsString(value)) });
                    }
                    else {
                        notCarried(label + key);
                    }
                }
                else if (value.isNull()) {
                    notCarried(label + key);
                }
                else {
                    entries.add(new String[] { CodeText.snake(key),
                            secrets.get(at) != null ? value(value, at) : CodeText.hclString(value.asString()) });
                }
            }
            return entries;
        }

        private boolean containsSecret(String pointer) {
            return secrets.keySet().stream().anyMatch(p -> p.equals(pointer) || p.startsWith(pointer + "/"));
        }

        Result result(Block block, @Nullable String importId) {
            StringBuilder out = new StringBuilder();
            for (SecretVariable secret : used) {
                out.append("variable ").append(CodeText.hclString(secret.name())).append(" {\n");
                out.append("  description = ")
                    .append(CodeText.hclString(secret.label() + " (a secret: set TF_VAR_" + secret.name()
                            + " or give it in a .tfvars file)"))
                    .append('\n');
                out.append("  type        = string\n");
                out.append("  sensitive   = true\n}\n\n");
            }
            if (!notCarried.isEmpty()) {
                out.append("# Not carried by the Terraform provider: ")
                    .append(String.join(", ", notCarried))
                    .append(".\n");
            }
            block.render(out, "");
            if (importId != null) {
                out.append("\nimport {\n  to = ")
                    .append(block.type)
                    .append('.')
                    .append(block.name)
                    .append("\n  id = ")
                    .append(CodeText.hclString(importId))
                    .append("\n}\n");
            }
            String note = notCarried.isEmpty() ? null
                    : "The provider cannot set " + String.join(", ", notCarried)
                            + ": after terraform apply these are as LaunchDarkly's defaults leave them, unlike the "
                            + "portal's call.";
            return new Result(out.toString(), note);
        }

    }

    /**
     * A block of HCL: attributes, maps and nested blocks, aligned the way
     * {@code terraform fmt} aligns them.
     */
    private static final class Block {

        private final String type;

        private final @Nullable String name;

        private final List<Object> items = new ArrayList<>();

        Block(String type, String name) {
            this.type = type;
            this.name = name;
        }

        Block(String type) {
            this.type = type;
            this.name = null;
        }

        void attribute(String key, String value) {
            items.add(new String[] { key, value });
        }

        void map(String key, List<String[]> entries) {
            items.add(new MapAttribute(key, entries));
        }

        void block(Block block) {
            items.add(block);
        }

        void render(StringBuilder out, String indent) {
            out.append(indent);
            if (name != null) {
                out.append("resource ").append(CodeText.hclString(type)).append(' ').append(CodeText.hclString(name));
            }
            else {
                out.append(type);
            }
            out.append(" {\n");
            String inner = indent + "  ";
            List<String[]> run = new ArrayList<>();
            for (Object item : items) {
                if (item instanceof String[] attribute) {
                    run.add(attribute);
                    continue;
                }
                aligned(run, out, inner);
                run.clear();
                if (item instanceof MapAttribute map) {
                    out.append(inner).append(map.key).append(" = {\n");
                    aligned(map.entries, out, inner + "  ");
                    out.append(inner).append("}\n");
                }
                else if (item instanceof Block block) {
                    block.render(out, inner);
                }
            }
            aligned(run, out, inner);
            out.append(indent).append("}\n");
        }

        private static void aligned(List<String[]> attributes, StringBuilder out, String indent) {
            int width = attributes.stream().mapToInt(a -> a[0].length()).max().orElse(0);
            for (String[] attribute : attributes) {
                out.append(indent)
                    .append(attribute[0])
                    .append(" ".repeat(width - attribute[0].length()))
                    .append(" = ")
                    .append(attribute[1])
                    .append('\n');
            }
        }

        private record MapAttribute(String key, List<String[]> entries) {
        }

    }

}
