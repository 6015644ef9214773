package org.ldportal.launchdarkly;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Projects and their environments for the forms' select boxes, cached for a short time: every form page shows
 * them, and they change rarely. A create that changes them calls {@link #forgetEnvironments(String)}.
 */
@Component
public class LaunchDarklyDirectory {

    private record Cached<T>(T value, Instant fetchedAt) {
    }

    private final LaunchDarklyClient client;
    private final Clock clock;
    private final Duration ttl;
    private final Map<String, Cached<?>> cache = new ConcurrentHashMap<>();

    public LaunchDarklyDirectory(LaunchDarklyClient client, Clock clock,
            @Value("${portal.launchdarkly.directory-cache-ttl:60s}") Duration ttl) {
        this.client = client;
        this.clock = clock;
        this.ttl = ttl;
    }

    public List<Project> projects() {
        return cached("projects", client::listAllProjects);
    }

    public List<Environment> environments(String projectKey) {
        if (projectKey == null || projectKey.isBlank()) {
            return List.of();
        }
        return cached("environments:" + projectKey, () -> client.listAllEnvironments(projectKey));
    }

    /** The project's environments straight from LaunchDarkly, bypassing the cache (to check a key is free). */
    public List<Environment> freshEnvironments(String projectKey) {
        forgetEnvironments(projectKey);
        return environments(projectKey);
    }

    public void forgetEnvironments(String projectKey) {
        cache.remove("environments:" + projectKey);
    }

    @SuppressWarnings("unchecked")
    private <T> T cached(String key, Supplier<T> fetch) {
        Cached<?> hit = cache.get(key);
        Instant now = clock.instant();
        if (hit != null && hit.fetchedAt().plus(ttl).isAfter(now)) {
            return (T) hit.value();
        }
        T value = fetch.get();
        cache.put(key, new Cached<>(value, now));
        return value;
    }
}
