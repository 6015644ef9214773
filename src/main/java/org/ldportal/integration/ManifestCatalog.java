package org.ldportal.integration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.ldportal.launchdarkly.LaunchDarklyClient;
import org.ldportal.launchdarkly.LaunchDarklyException;
import org.ldportal.launchdarkly.RefreshingCache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The integration manifests, from LaunchDarkly's API or, when
 * {@code portal.integrations.manifests-dir} is set, from a folder laid out like
 * integration-framework's {@code integrations/}. Kept with refresh-ahead
 * ({@link RefreshingCache}): re-read in the background after the refresh interval, read
 * once however many pages ask at the same time, a failed read remembered briefly and
 * never replacing a good list; an admin can refresh it. A manifest that cannot be read is
 * logged and skipped: it never breaks a page.
 */
@Component
class ManifestCatalog {

    private static final Logger log = LoggerFactory.getLogger(ManifestCatalog.class);

    /**
     * How long a failed read of LaunchDarkly's list is answered from memory before it is
     * tried again.
     */
    static final Duration RETRY_FAILURES_AFTER = Duration.ofSeconds(30);

    private static final String ALL = "all";

    private record Loaded(List<Manifest> manifests, Instant at) {
    }

    private final LaunchDarklyClient client;

    private final ManifestParser parser;

    private final IntegrationsProperties properties;

    private final ObjectMapper json;

    private final Clock clock;

    private final RefreshingCache<String, Loaded> cache;

    ManifestCatalog(LaunchDarklyClient client, ManifestParser parser, IntegrationsProperties properties,
            ObjectMapper json, Clock clock) {
        this.client = client;
        this.parser = parser;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
        this.cache = new RefreshingCache<>(properties.refreshInterval(), RETRY_FAILURES_AFTER, all -> load());
    }

    List<Manifest> all() {
        Loaded loaded = current();
        return loaded == null ? List.of() : loaded.manifests();
    }

    Optional<Manifest> find(String key) {
        return all().stream().filter(manifest -> manifest.key().equals(key)).findFirst();
    }

    /**
     * Why the manifests could not be read, the last time it was tried (while that is
     * remembered), or null.
     */
    @Nullable String problem() {
        current();
        return cache.lastFailure(ALL)
            .map(e -> "LaunchDarkly's list of integrations could not be read just now.")
            .orElse(null);
    }

    /** When the list shown was read, or null when it never could be. */
    @Nullable Instant loadedAt() {
        Loaded loaded = current();
        return loaded == null ? null : loaded.at();
    }

    /**
     * An admin's refresh: read the list now; on failure the old list stays and
     * {@link #problem()} says why.
     */
    void refresh() {
        try {
            cache.reloadNow(ALL);
        }
        catch (LaunchDarklyException e) {
            log.warn("Integration manifests could not be read from LaunchDarkly: {}", e.getMessage());
        }
    }

    private @Nullable Loaded current() {
        try {
            return cache.get(ALL);
        }
        catch (LaunchDarklyException e) {
            return null; // never read yet: the page says so through problem()
        }
    }

    private Loaded load() {
        List<Manifest> manifests = new ArrayList<>();
        if (properties.manifestsDir() != null) {
            readFolder(properties.manifestsDir(), manifests);
        }
        else {
            try {
                for (JsonNode manifest : client.listIntegrationManifests()) {
                    add(manifest, null, manifests);
                }
            }
            catch (LaunchDarklyException e) {
                log.warn("Integration manifests could not be read from LaunchDarkly: {}", e.getMessage());
                throw e;
            }
        }
        manifests.sort(Comparator.comparing(manifest -> manifest.name().toLowerCase(Locale.ROOT)));
        return new Loaded(List.copyOf(manifests), clock.instant());
    }

    private void readFolder(Path folder, List<Manifest> manifests) {
        try (Stream<Path> entries = Files.list(folder)) {
            for (Path entry : entries.sorted().toList()) {
                Path file = Files.isDirectory(entry) ? entry.resolve("manifest.json") : entry;
                String key = Files.isDirectory(entry) ? entry.getFileName().toString()
                        : entry.getFileName().toString().replaceFirst("\\.json$", "");
                if (!Files.isRegularFile(file) || !file.getFileName().toString().endsWith(".json")) {
                    continue;
                }
                try {
                    add(json.readTree(Files.readString(file)), key, manifests);
                }
                catch (IOException | RuntimeException e) {
                    log.warn("Skipping manifest {}: {}", file.getFileName(), e.getMessage());
                }
            }
        }
        catch (IOException e) {
            log.warn("Integration manifests folder {} could not be read: {}", folder, e.getMessage());
        }
    }

    private void add(JsonNode manifest, @Nullable String key, List<Manifest> manifests) {
        try {
            manifests.add(parser.parse(manifest, key));
        }
        catch (ManifestException e) {
            log.warn("Skipping an integration manifest ({}): {}",
                    key != null ? key : manifest.path("key").asString("?"), e.getMessage());
        }
    }

    /** How the catalog's cache has done, for the status page. */
    RefreshingCache.Figures cacheFigures() {
        return cache.figures();
    }

}
