package org.ldportal.launchdarkly;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/** The lists of projects and environments as cache meters. */
@Component
class DirectoryMetrics implements MeterBinder {

    private final LaunchDarklyDirectory directory;

    DirectoryMetrics(LaunchDarklyDirectory directory) {
        this.directory = directory;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        CacheMetrics.bind(registry, "projects", () -> directory.cacheFigures().get(0));
        CacheMetrics.bind(registry, "environments", () -> directory.cacheFigures().get(1));
    }
}
