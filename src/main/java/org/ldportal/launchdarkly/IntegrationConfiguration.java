package org.ldportal.launchdarkly;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An integration configuration (schema {@code IntegrationConfigurationsRep}). {@code configValues} is not
 * mapped: it may hold secrets.
 */
public record IntegrationConfiguration(
        @JsonProperty("_id") String id,
        String name,
        @JsonProperty("_integrationKey") String integrationKey,
        Boolean enabled,
        List<String> tags) {
}
