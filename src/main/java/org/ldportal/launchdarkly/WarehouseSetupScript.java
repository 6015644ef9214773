package org.ldportal.launchdarkly;

import org.jspecify.annotations.Nullable;

/**
 * Answer of the warehouse setup operation (schema
 * {@code WarehouseDestinationSetupScriptRep}).
 */
public record WarehouseSetupScript(String script, String publicKey, @Nullable String publicKeyPkcs8,
        String redshiftIAMPermissionsPolicy, String redshiftIAMTrustPolicy, String s3BucketName) {
}
