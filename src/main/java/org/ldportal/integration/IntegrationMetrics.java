package org.ldportal.integration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.ldportal.integration.options.DynamicOptionsClient;
import org.ldportal.launchdarkly.CacheMetrics;
import org.springframework.stereotype.Component;

/** The integration catalog and the integrations' choices as cache meters. */
@Component
class IntegrationMetrics implements MeterBinder {

    private final ManifestCatalog catalog;

    private final DynamicOptionsClient options;

    IntegrationMetrics(ManifestCatalog catalog, DynamicOptionsClient options) {
        this.catalog = catalog;
        this.options = options;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        CacheMetrics.bind(registry, "integration-catalog", catalog::cacheFigures);
        CacheMetrics.bind(registry, "integration-choices", options::cacheFigures);
    }

}
