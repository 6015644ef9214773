package org.ldportal.launchdarkly;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An integration configuration (schema {@code IntegrationConfigurationsRep}).
 * {@code configValues} holds what LaunchDarkly generated (an external ID, a public key)
 * beside what was sent, secrets masked; it is never printed.
 */
public record IntegrationConfiguration(@JsonProperty("_id") String id, String name,
        @JsonProperty("_integrationKey") String integrationKey, Boolean enabled, List<String> tags,
        Map<String, Object> configValues, @JsonProperty("_version") Integer version,
        @JsonProperty("_createdAt") Long createdAt) {

    @Override
    public String toString() {
        return "IntegrationConfiguration[id=" + id + ", integrationKey=" + integrationKey + "]";
    }
}
