package org.ldportal.launchdarkly;

import org.jspecify.annotations.Nullable;

/**
 * Everything the client throws about LaunchDarkly itself: it answered with an error
 * ({@link LaunchDarklyApiException}) or it could not be reached or did not answer
 * ({@link LaunchDarklyUnreachableException}). Sealed, so the one place that turns these
 * into outcomes ({@code change/}) handles every case.
 */
public abstract sealed class LaunchDarklyException extends RuntimeException
        permits LaunchDarklyApiException, LaunchDarklyUnreachableException {

    protected LaunchDarklyException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }

}
