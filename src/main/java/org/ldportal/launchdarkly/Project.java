package org.ldportal.launchdarkly;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A LaunchDarkly project (the fields the portal uses). */
public record Project(@JsonProperty("_id") String id, String key, String name, List<String> tags) {
}
