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
        Map<String, Object> config) {

    @Override
    public String toString() {
        return "Subscription[id=" + id + ", kind=" + kind + "]";
    }
}
