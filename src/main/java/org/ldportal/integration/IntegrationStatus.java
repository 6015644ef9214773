package org.ldportal.integration;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.ldportal.integration.options.DynamicOptionsClient;
import org.ldportal.status.StatusSection;
import org.springframework.stereotype.Component;

/**
 * The status page's part for integrations: the catalog's size, age and problem, and the
 * choices' cache.
 */
@Component
class IntegrationStatus implements StatusSection {

    private final ManifestCatalog catalog;

    private final DynamicOptionsClient options;

    IntegrationStatus(ManifestCatalog catalog, DynamicOptionsClient options) {
        this.catalog = catalog;
        this.options = options;
    }

    @Override
    public int order() {
        return 5;
    }

    @Override
    public String title() {
        return "Integrations";
    }

    @Override
    public List<Line> lines() {
        List<Line> lines = new ArrayList<>();
        Instant loadedAt = catalog.loadedAt();
        lines.add(Line.of("Catalog", catalog.all().size() + " integrations" + (loadedAt == null ? ""
                : ", read " + Duration.between(loadedAt, Instant.now()).toMinutes() + " min ago (" + loadedAt + ")")));
        if (catalog.problem() != null) {
            lines.add(Line.problem("Catalog problem", catalog.problem()));
        }
        lines.add(Line.of("Catalog cache", catalog.cacheFigures().inWords()));
        lines.add(Line.of("Choices from integrations' endpoints", options.cacheFigures().inWords()));
        return lines;
    }

}
