package org.ldportal.launchdarkly;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code POST /api/v2/integrations/{integrationKey}} (schema
 * {@code subscriptionPost}): an audit-log subscription. The manifest's form values go in
 * {@code config}, the policy in top-level {@code statements}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubscriptionPost(String name, Map<String, Object> config, @Nullable List<PolicyStatement> statements,
        Boolean on, List<String> tags) {
}
