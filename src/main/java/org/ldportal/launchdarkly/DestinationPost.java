package org.ldportal.launchdarkly;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Body of {@code POST /api/v2/destinations/{projectKey}/{environmentKey}} (schema
 * {@code DestinationPost}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DestinationPost(String name, String kind, Map<String, Object> config, Boolean on) {
}
