package org.ldportal.launchdarkly;

/**
 * A resource that exists, as the create that would make it again: what its page offers as
 * code, with Terraform's import of the one there is.
 *
 * @param path the create's path, as {@link LaunchDarklyClient#path} fills it in
 * @param body the create's body, each secret replaced by the mark the caller names
 * @param importId the resource's own id (an environment's key, a destination's or
 * subscription's id); Terraform's import adds its parents' keys
 */
public record CreateCall(String path, Object body, String importId) {
}
