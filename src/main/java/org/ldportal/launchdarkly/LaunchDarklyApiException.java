package org.ldportal.launchdarkly;

import java.time.Duration;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

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

    private final @Nullable String code;

    private final @Nullable String apiMessage;

    private final @Nullable Duration retryAfter;

    public LaunchDarklyApiException(int status, @Nullable String code, @Nullable String apiMessage,
            @Nullable Duration retryAfter) {
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
    public @Nullable String code() {
        return code;
    }

    /** The error body's {@code message}; may be null. */
    public @Nullable String apiMessage() {
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
