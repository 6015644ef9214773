package org.ldportal.launchdarkly;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The calls that change something, as the portal makes them, each with the {@code ldcli}
 * command that makes the same call. The commands and their flags are ldcli's own (it is
 * generated from LaunchDarkly's OpenAPI document: each path variable becomes a flag).
 */
enum ApiOperation {

    CREATE_ENVIRONMENT("POST", LaunchDarklyClient.ENVIRONMENTS, "environments create", "project-key"),
    UPDATE_ENVIRONMENT("PATCH", LaunchDarklyClient.ENVIRONMENT, "environments update", "project-key",
            "environment-key"),
    DELETE_ENVIRONMENT("DELETE", LaunchDarklyClient.ENVIRONMENT, "environments delete", "project-key",
            "environment-key"),
    CREATE_DESTINATION("POST", LaunchDarklyClient.DESTINATIONS, "data-export-destinations create", "project-key",
            "environment-key"),
    UPDATE_DESTINATION("PATCH", LaunchDarklyClient.DESTINATION, "data-export-destinations update", "project-key",
            "environment-key", "id"),
    DELETE_DESTINATION("DELETE", LaunchDarklyClient.DESTINATION, "data-export-destinations delete", "project-key",
            "environment-key", "id"),
    /** A warehouse kind's set-up script: ldcli has no command for it. */
    SET_UP_WAREHOUSE("POST", LaunchDarklyClient.WAREHOUSE_SETUP, null),
    CREATE_CONFIGURATION("POST", LaunchDarklyClient.INTEGRATION_CONFIGURATIONS,
            "integrations-beta create-configuration", "integration-key"),
    UPDATE_CONFIGURATION("PATCH", LaunchDarklyClient.INTEGRATION_CONFIGURATION,
            "integrations-beta update-configuration", "integration-configuration-id"),
    DELETE_CONFIGURATION("DELETE", LaunchDarklyClient.INTEGRATION_CONFIGURATION,
            "integrations-beta delete-configuration", "integration-configuration-id"),
    CREATE_SUBSCRIPTION("POST", LaunchDarklyClient.SUBSCRIPTIONS, "integration-subscriptions create",
            "integration-key"),
    UPDATE_SUBSCRIPTION("PATCH", LaunchDarklyClient.SUBSCRIPTION, "integration-subscriptions update", "integration-key",
            "id"),
    DELETE_SUBSCRIPTION("DELETE", LaunchDarklyClient.SUBSCRIPTION, "integration-subscriptions delete",
            "integration-key", "id");

    private final String method;

    private final String template;

    private final @Nullable String ldcli;

    private final List<String> ldcliFlags;

    private final Pattern pattern;

    private final List<String> variables = new ArrayList<>();

    ApiOperation(String method, String template, @Nullable String ldcli, String... ldcliFlags) {
        this.method = method;
        this.template = template;
        this.ldcli = ldcli;
        this.ldcliFlags = List.of(ldcliFlags);
        // An enum's constructor cannot read its static fields.
        Matcher names = Pattern.compile("\\{([^}]+)}").matcher(template);
        StringBuilder regex = new StringBuilder("^");
        int at = 0;
        while (names.find()) {
            regex.append(Pattern.quote(template.substring(at, names.start()))).append("([^/]+)");
            this.variables.add(names.group(1));
            at = names.end();
        }
        this.pattern = Pattern.compile(regex.append(Pattern.quote(template.substring(at))).append("$").toString());
    }

    /**
     * The operation a call is, with its path's variables by name; empty for any other.
     */
    static Optional<Matched> of(String method, String path) {
        for (ApiOperation operation : values()) {
            Matcher m = operation.pattern.matcher(path);
            if (operation.method.equalsIgnoreCase(method) && m.matches()) {
                Map<String, String> variables = new LinkedHashMap<>();
                for (int i = 0; i < operation.variables.size(); i++) {
                    // A path segment: a "+" is a plus, only percent escapes are decoded.
                    variables.put(operation.variables.get(i),
                            URLDecoder.decode(m.group(i + 1).replace("+", "%2B"), StandardCharsets.UTF_8));
                }
                return Optional.of(new Matched(operation, variables));
            }
        }
        return Optional.empty();
    }

    String method() {
        return method;
    }

    /** Sent with {@code LD-API-Version: beta}, as the client sends it. */
    boolean beta() {
        return template.startsWith("/api/v2/integration-configurations");
    }

    boolean creates() {
        return "POST".equals(method) && this != SET_UP_WAREHOUSE;
    }

    /** The ldcli resource and command ("environments create"); null when it has none. */
    @Nullable String ldcli() {
        return ldcli;
    }

    /** ldcli's flag for each path variable, in the path's order. */
    List<String> ldcliFlags() {
        return ldcliFlags;
    }

    /** An operation and the values of its path's variables. */
    record Matched(ApiOperation operation, Map<String, String> variables) {

        String variable(String name) {
            return variables.getOrDefault(name, "");
        }
    }

}
