package org.ldportal.launchdarkly;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;

/**
 * How long LaunchDarkly asks a client to wait after a 429: IP limits send
 * {@code Retry-After} (seconds), route and global limits {@code X-Ratelimit-Reset} (epoch
 * milliseconds).
 */
final class RateLimitWait {

    private RateLimitWait() {
    }

    static @Nullable Duration from(HttpHeaders headers, Instant now) {
        String retryAfter = headers.getFirst(HttpHeaders.RETRY_AFTER);
        if (retryAfter != null) {
            try {
                return Duration.ofSeconds(Math.max(0, Long.parseLong(retryAfter.trim())));
            }
            catch (NumberFormatException httpDate) {
                // An HTTP date instead of seconds: fall through to the reset header.
            }
        }
        String reset = headers.getFirst("X-Ratelimit-Reset");
        if (reset != null) {
            try {
                long millis = Long.parseLong(reset.trim()) - now.toEpochMilli();
                return Duration.ofMillis(Math.max(0, millis));
            }
            catch (NumberFormatException ignored) {
                return null;
            }
        }
        return null;
    }

}
