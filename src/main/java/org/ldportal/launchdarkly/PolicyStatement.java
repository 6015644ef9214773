package org.ldportal.launchdarkly;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * A policy statement (schema {@code StatementPost}): which resources and actions an
 * audit-log hook receives.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record PolicyStatement(String effect, List<String> resources, @Nullable List<String> notResources,
        List<String> actions, @Nullable List<String> notActions) {
}
