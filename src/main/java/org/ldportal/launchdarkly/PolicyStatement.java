package org.ldportal.launchdarkly;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A policy statement (schema {@code StatementPost}): which resources and actions an
 * audit-log hook receives.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record PolicyStatement(String effect, List<String> resources, List<String> notResources, List<String> actions,
        List<String> notActions) {
}
