package org.ldportal.launchdarkly;

import java.util.List;

/** Who the portal's token is (schema {@code CallerIdentityRep}), shown to admins to check the set-up. */
public record CallerIdentity(
        String accountId,
        String tokenName,
        String tokenKind,
        String authKind,
        Boolean serviceToken,
        List<String> scopes) {
}
