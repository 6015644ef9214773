package org.ldportal.launchdarkly;

/** The portal was started without a LaunchDarkly API access token. */
public class MissingApiTokenException extends IllegalStateException {

    public MissingApiTokenException() {
        super("No LaunchDarkly API access token is configured. Set portal.launchdarkly.api-token (environment variable "
                + "PORTAL_LAUNCHDARKLY_APITOKEN) to a token that may create environments, Data Export destinations and "
                + "integrations.");
    }

}
