package org.ldportal.launchdarkly;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code POST
 * .../destinations/projects/{projKey}/environments/{envKey}/kinds/{kind}/setup} (schema
 * {@code warehouseSetupScriptPostBody}); names left out get LaunchDarkly's defaults.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WarehouseSetupRequest(String name, @Nullable String snowflakeHostAddress, @Nullable String databaseName,
        @Nullable String warehouseName, @Nullable String roleName, @Nullable String schemaName,
        @Nullable String userName, @Nullable Boolean includeNetworkPolicy, @Nullable String clusterIdentifier,
        @Nullable String clusterRegion, @Nullable String clusterAwsAccountId) {
}
