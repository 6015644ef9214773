package org.ldportal.launchdarkly;

import java.time.Duration;
import java.util.Optional;

/**
 * LaunchDarkly answered with a status other than 2xx. Carries the body's {@code code} and
 * {@code message} (either may be null when the body was missing or not JSON) and, for
 * 429, how long to wait.
 *
 * <p>
 * The message is LaunchDarkly's and may echo submitted values: scrub secrets before
 * showing or storing it.
 */
public final class LaunchDarklyApiException extends LaunchDarklyException {

    private final int status;

    private final String code;

    private final String apiMessage;

    private final Duration retryAfter;

    public LaunchDarklyApiException(int status, String code, String apiMessage, Duration retryAfter) {
        super("LaunchDarkly answered " + status + (code != null ? " " + code : ""), null);
        this.status = status;
        this.code = code;
        this.apiMessage = apiMessage;
        this.retryAfter = retryAfter;
    }

    public int status() {
        return status;
    }

    /**
     * The error body's {@code code}, e.g. {@code conflict} or {@code invalid_request};
     * may be null.
     */
    public String code() {
        return code;
    }

    /** The error body's {@code message}; may be null. */
    public String apiMessage() {
        return apiMessage;
    }

    /** For 429: the wait from {@code Retry-After} or {@code X-Ratelimit-Reset}. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    public boolean isServerError() {
        return status >= 500;
    }

}
