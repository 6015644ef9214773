package org.ldportal.launchdarkly;

/**
 * Answer of the warehouse setup operation (schema
 * {@code WarehouseDestinationSetupScriptRep}).
 */
public record WarehouseSetupScript(String script, String publicKey, String publicKeyPkcs8,
        String redshiftIAMPermissionsPolicy, String redshiftIAMTrustPolicy, String s3BucketName) {
}
