package org.ldportal.launchdarkly;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/** An audit-log subscription (schema {@code Integration}); {@code config} is not mapped: it may hold secrets. */
public record Subscription(
        @JsonProperty("_id") String id,
        String kind,
        String name,
        Boolean on,
        List<String> tags) {
}
