package org.ldportal.launchdarkly;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Body of {@code POST
 * .../destinations/projects/{projKey}/environments/{envKey}/kinds/{kind}/setup} (schema
 * {@code warehouseSetupScriptPostBody}); names left out get LaunchDarkly's defaults.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WarehouseSetupRequest(String name, String snowflakeHostAddress, String databaseName, String warehouseName,
        String roleName, String schemaName, String userName, Boolean includeNetworkPolicy, String clusterIdentifier,
        String clusterRegion, String clusterAwsAccountId) {
}
