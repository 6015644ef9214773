package org.ldportal.launchdarkly;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The last calls to LaunchDarkly, as the client saw them: for the admins' status page
 * (recent errors, the rate-limit headroom LaunchDarkly reported). Paths only, with their
 * keys; never a body or the token.
 */
@Component
public class RecentCalls {

    static final int KEPT = 100;

    private final Clock clock;

    private final Deque<Call> calls = new ArrayDeque<>();

    public RecentCalls(Clock clock) {
        this.clock = clock;
    }

    /**
     * One call.
     *
     * @param status LaunchDarkly's answer, or 0 when none came
     * @param remaining the smallest rate-limit headroom the answer reported
     * ({@code X-Ratelimit-Route-Remaining}, {@code X-Ratelimit-Global-Remaining}); null
     * when it reported none
     */
    public record Call(Instant at, String method, String path, int status, long millis, @Nullable Integer remaining) {

        public boolean failed() {
            return status == 0 || status >= 400;
        }
    }

    void record(String method, String path, int status, long millis, @Nullable Integer remaining) {
        Call call = new Call(clock.instant(), method, path, status, millis, remaining);
        synchronized (calls) {
            calls.addFirst(call);
            while (calls.size() > KEPT) {
                calls.removeLast();
            }
        }
    }

    /** Newest first. */
    public List<Call> recent() {
        synchronized (calls) {
            return new ArrayList<>(calls);
        }
    }

    public List<Call> failures() {
        return recent().stream().filter(Call::failed).toList();
    }

    /**
     * The smallest headroom reported among the recent calls; null when none reported one.
     */
    public @Nullable Integer lowestRemaining() {
        return recent().stream().map(Call::remaining).filter(Objects::nonNull).min(Integer::compare).orElse(null);
    }

}
