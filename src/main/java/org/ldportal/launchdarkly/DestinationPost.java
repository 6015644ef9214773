package org.ldportal.launchdarkly;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code POST /api/v2/destinations/{projectKey}/{environmentKey}} (schema
 * {@code DestinationPost}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DestinationPost(String name, String kind, @Nullable Map<String, Object> config, Boolean on) {
}
