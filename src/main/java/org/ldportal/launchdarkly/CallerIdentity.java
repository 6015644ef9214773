package org.ldportal.launchdarkly;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Who the portal's token is, as LaunchDarkly tells ({@code GET /api/v2/caller-identity},
 * schema CallerIdentityRep): for the status page. Nothing of the token itself.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CallerIdentity(String accountId, String tokenName, String tokenKind, String authKind,
        Boolean serviceToken, List<String> scopes) {
}
