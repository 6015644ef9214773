package org.ldportal.integration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.ldportal.launchdarkly.LaunchDarklyApiException;
import org.ldportal.launchdarkly.LaunchDarklyClient;
import org.ldportal.launchdarkly.LaunchDarklyUnreachableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The integration manifests, from LaunchDarkly's API or, when {@code portal.integrations.manifests-dir} is set,
 * from a folder laid out like integration-framework's {@code integrations/}. Kept for the refresh interval; an
 * admin can refresh it. A manifest that cannot be read is logged and skipped: it never breaks a page.
 */
@Component
class ManifestCatalog {

    private static final Logger log = LoggerFactory.getLogger(ManifestCatalog.class);

    private record Loaded(List<Manifest> manifests, Instant at, String problem) {
    }

    private final LaunchDarklyClient client;
    private final ManifestParser parser;
    private final IntegrationsProperties properties;
    private final ObjectMapper json;
    private final Clock clock;
    private volatile Loaded loaded;

    ManifestCatalog(LaunchDarklyClient client, ManifestParser parser, IntegrationsProperties properties, ObjectMapper json,
            Clock clock) {
        this.client = client;
        this.parser = parser;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    List<Manifest> all() {
        return current().manifests();
    }

    Optional<Manifest> find(String key) {
        return all().stream().filter(manifest -> manifest.key().equals(key)).findFirst();
    }

    /** Why the manifests could not be read, the last time it was tried, or null. */
    String problem() {
        return current().problem();
    }

    Instant loadedAt() {
        return current().at();
    }

    synchronized void refresh() {
        loaded = load();
    }

    private Loaded current() {
        Loaded now = loaded;
        if (now == null || now.at().plus(properties.refreshInterval()).isBefore(clock.instant())) {
            synchronized (this) {
                if (loaded == null || loaded.at().plus(properties.refreshInterval()).isBefore(clock.instant())) {
                    loaded = load();
                }
                now = loaded;
            }
        }
        return now;
    }

    private Loaded load() {
        List<Manifest> manifests = new ArrayList<>();
        try {
            if (properties.manifestsDir() != null) {
                readFolder(properties.manifestsDir(), manifests);
            }
            else {
                for (JsonNode manifest : client.listIntegrationManifests()) {
                    add(manifest, null, manifests);
                }
            }
        }
        catch (LaunchDarklyApiException | LaunchDarklyUnreachableException e) {
            log.warn("Integration manifests could not be read from LaunchDarkly: {}", e.getMessage());
            Loaded previous = loaded;
            // Keep what was there; try again on the next visit rather than after a whole interval.
            return new Loaded(previous == null ? List.of() : previous.manifests(),
                    clock.instant().minus(properties.refreshInterval()), "LaunchDarkly's list of integrations could not be read just now.");
        }
        manifests.sort(Comparator.comparing(manifest -> manifest.name().toLowerCase(java.util.Locale.ROOT)));
        return new Loaded(List.copyOf(manifests), clock.instant(), null);
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

    private void add(JsonNode manifest, String key, List<Manifest> manifests) {
        try {
            manifests.add(parser.parse(manifest, key));
        }
        catch (ManifestException e) {
            log.warn("Skipping an integration manifest ({}): {}", key != null ? key : manifest.path("key").asString("?"),
                    e.getMessage());
        }
    }
}
