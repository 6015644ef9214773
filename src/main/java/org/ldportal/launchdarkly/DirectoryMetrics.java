package org.ldportal.launchdarkly;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/** The lists of projects and environments as cache meters. */
@Component
class DirectoryMetrics implements MeterBinder {

    private final LaunchDarklyDirectory directory;

    private final ExistingResources existing;

    DirectoryMetrics(LaunchDarklyDirectory directory, ExistingResources existing) {
        this.directory = directory;
        this.existing = existing;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        CacheMetrics.bind(registry, "projects", () -> directory.cacheFigures().get(0));
        CacheMetrics.bind(registry, "environments", () -> directory.cacheFigures().get(1));
        CacheMetrics.bind(registry, "destinations", () -> existing.cacheFigures().get(0));
        CacheMetrics.bind(registry, "integration-configurations", () -> existing.cacheFigures().get(1));
        CacheMetrics.bind(registry, "subscriptions", () -> existing.cacheFigures().get(2));
    }

}
