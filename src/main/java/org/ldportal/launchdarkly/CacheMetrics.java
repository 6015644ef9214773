package org.ldportal.launchdarkly;

import java.util.function.Supplier;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * A {@link RefreshingCache}'s figures as meters: answers by hit or miss, loads by success
 * or failure, entries kept.
 */
public final class CacheMetrics {

    private CacheMetrics() {
    }

    public static void bind(MeterRegistry registry, String cache, Supplier<RefreshingCache.Figures> figures) {
        FunctionCounter.builder("ldportal.cache.gets", figures, f -> f.get().hits())
            .tag("cache", cache)
            .tag("result", "hit")
            .register(registry);
        FunctionCounter.builder("ldportal.cache.gets", figures, f -> f.get().misses())
            .tag("cache", cache)
            .tag("result", "miss")
            .register(registry);
        FunctionCounter.builder("ldportal.cache.loads", figures, f -> f.get().loads())
            .tag("cache", cache)
            .tag("result", "success")
            .register(registry);
        FunctionCounter.builder("ldportal.cache.loads", figures, f -> f.get().failures())
            .tag("cache", cache)
            .tag("result", "failure")
            .register(registry);
        Gauge.builder("ldportal.cache.size", figures, f -> f.get().entries()).tag("cache", cache).register(registry);
    }

}
