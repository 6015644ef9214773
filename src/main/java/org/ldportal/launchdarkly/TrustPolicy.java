package org.ldportal.launchdarkly;

import java.util.Map;

/** Answer of "generate trust policy" (schema {@code GenerateTrustPolicyPostRep}); the policy is AWS's JSON. */
public record TrustPolicy(Map<String, Object> awsTrustPolicy) {
}
