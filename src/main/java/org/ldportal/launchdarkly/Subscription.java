package org.ldportal.launchdarkly;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An audit-log subscription (schema {@code Integration}). {@code config} holds what LaunchDarkly generated beside
 * what was sent, secrets masked; it is never printed.
 */
public record Subscription(
        @JsonProperty("_id") String id,
        String kind,
        String name,
        Boolean on,
        List<String> tags,
        Map<String, Object> config,
        List<PolicyStatement> statements,
        @JsonProperty("_version") Integer version,
        @JsonProperty("_status") DeliveryStatus status) {

    /** What LaunchDarkly reports of the deliveries to the integration. */
    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    public record DeliveryStatus(Integer successCount, Integer errorCount, Long lastSuccess, Long lastError) {
    }

    @Override
    public String toString() {
        return "Subscription[id=" + id + ", kind=" + kind + "]";
    }
}
