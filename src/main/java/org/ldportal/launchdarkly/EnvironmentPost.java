package org.ldportal.launchdarkly;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code POST /api/v2/projects/{projectKey}/environments} (schema
 * {@code EnvironmentPost}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EnvironmentPost(String name, String key, String color, Integer defaultTtl, Boolean secureMode,
        Boolean defaultTrackEvents, Boolean confirmChanges, Boolean requireComments, @Nullable List<String> tags,
        @Nullable SourceEnvironment source, @Nullable Boolean critical) {

    /** Schema {@code SourceEnv}: the environment whose settings are copied. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SourceEnvironment(String key, @Nullable Integer version) {
    }
}
