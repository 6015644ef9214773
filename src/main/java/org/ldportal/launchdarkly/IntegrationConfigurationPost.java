package org.ldportal.launchdarkly;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code POST /api/v2/integration-configurations/keys/{integrationKey}} (schema
 * {@code IntegrationConfigurationPost}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IntegrationConfigurationPost(String name, Boolean enabled, List<String> tags,
        Map<String, Object> configValues, @Nullable CapabilityConfig capabilityConfig) {

    /** Schema {@code CapabilityConfigPost}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CapabilityConfig(@Nullable Approvals approvals, @Nullable AuditLogEventsHook auditLogEventsHook) {
    }

    /**
     * Schema {@code ApprovalsCapabilityConfig}: extra form variables, in the manifest's
     * formVariable shape.
     */
    public record Approvals(List<Map<String, Object>> additionalFormVariables) {
    }

    /** Schema {@code AuditLogEventsHookCapabilityConfigPost}. */
    public record AuditLogEventsHook(List<PolicyStatement> statements) {
    }
}
