package org.ldportal.launchdarkly;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An audit-log subscription (schema {@code Integration}). {@code config} holds what
 * LaunchDarkly generated beside what was sent, secrets masked; it is never printed. The
 * schema has no {@code _version}: {@code version} is null unless an account answers one.
 *
 * @param statementsAsAnswered the policy exactly as LaunchDarkly answered it, so that an
 * edit can test it unchanged
 */
public record Subscription(@JsonProperty("_id") String id, String kind, String name, Boolean on, List<String> tags,
        Map<String, Object> config, List<PolicyStatement> statements, @JsonProperty("_version") Integer version,
        @JsonProperty("_status") DeliveryStatus status, @JsonIgnore @Nullable JsonNode statementsAsAnswered) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @JsonCreator
    static Subscription read(@JsonProperty("_id") String id, @JsonProperty("kind") String kind,
            @JsonProperty("name") String name, @JsonProperty("on") Boolean on, @JsonProperty("tags") List<String> tags,
            @JsonProperty("config") Map<String, Object> config,
            @JsonProperty("statements") @Nullable JsonNode statements, @JsonProperty("_version") Integer version,
            @JsonProperty("_status") DeliveryStatus status) {
        List<PolicyStatement> policy = new ArrayList<>();
        if (statements != null && statements.isArray()) {
            statements.forEach(statement -> policy.add(JSON.treeToValue(statement, PolicyStatement.class)));
        }
        return new Subscription(id, kind, name, on, tags, config, policy, version, status, statements);
    }

    /** What LaunchDarkly reports of the deliveries to the integration. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DeliveryStatus(Integer successCount, Integer errorCount, Long lastSuccess, Long lastError) {
    }

    @Override
    public String toString() {
        return "Subscription[id=" + id + ", kind=" + kind + "]";
    }
}
