package org.ldportal.change.internal;

import java.util.List;
import java.util.Locale;

import org.ldportal.change.ChangeCheck;
import org.ldportal.change.CheckFinding;
import org.ldportal.change.PendingChange;
import org.ldportal.launchdarkly.CallerIdentity;
import org.ldportal.launchdarkly.LaunchDarklyClient;
import org.springframework.stereotype.Component;

/**
 * Whether the portal's token may change anything at all, as LaunchDarkly tells who it is
 * (its caller identity): a token whose scopes are all {@code reader} would have every
 * change refused. Other scopes (writer, admin, custom roles) are left to LaunchDarkly's
 * answer: what a custom role allows cannot be told from its name.
 */
@Component
class TokenScopeCheck implements ChangeCheck {

    private static final String ONLY_READS = "reader";

    private final LaunchDarklyClient client;

    TokenScopeCheck(LaunchDarklyClient client) {
        this.client = client;
    }

    @Override
    public boolean handles(PendingChange change) {
        return change.type().inLaunchDarkly();
    }

    @Override
    public List<CheckFinding> findings(PendingChange change) {
        // Read each time: the checks' answer is what is kept for a while.
        CallerIdentity caller = client.callerIdentity();
        List<String> scopes = caller.scopes();
        boolean readsOnly = scopes != null && !scopes.isEmpty()
                && scopes.stream().allMatch(scope -> ONLY_READS.equals(scope.toLowerCase(Locale.ROOT)));
        if (!readsOnly) {
            return List.of();
        }
        return List.of(CheckFinding.blocking(null,
                "The portal's LaunchDarkly token" + (caller.tokenName() == null ? "" : " (" + caller.tokenName() + ")")
                        + " may only read, so LaunchDarkly would refuse this change. Ask the portal's administrators "
                        + "to give the token the Writer role."));
    }

}
