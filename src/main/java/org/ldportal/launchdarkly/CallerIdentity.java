package org.ldportal.launchdarkly;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * Who the portal's token is, as LaunchDarkly tells ({@code GET /api/v2/caller-identity},
 * schema CallerIdentityRep, whose fields are all optional): for the status page and the
 * checks before a change. Nothing of the token itself.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CallerIdentity(@Nullable String accountId, @Nullable String tokenName, @Nullable String tokenKind,
        @Nullable String authKind, @Nullable Boolean serviceToken, @Nullable List<String> scopes) {
}
