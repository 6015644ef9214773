package org.ldportal.launchdarkly;

/**
 * A path variable that is no key of LaunchDarkly's (blank, {@code .} or {@code ..}):
 * never put into a request. Pages that take keys from their address answer it as "not
 * found".
 */
public class NotAKeyException extends IllegalArgumentException {

    public NotAKeyException(String text) {
        super("Not a LaunchDarkly key: \"" + text + "\"");
    }

}
