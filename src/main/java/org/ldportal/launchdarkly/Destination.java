package org.ldportal.launchdarkly;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Data Export destination. Its {@code config} is kept as LaunchDarkly answers it:
 * secret values come obfuscated, and the portal must never show them back as if real.
 *
 * <p>
 * Where it is (project and environment) is read from its links. The spec's own example
 * answer has {@code parent: /api/v2/destinations} and the keys only in {@code self}
 * ({@code /api/v2/destinations/my-project/my-environment/610add...}); some answers name
 * them in {@code parent} ({@code /api/v2/projects/p/environments/e}). Both are read,
 * {@code self} first.
 *
 * @param links {@code _links} ({@code self}, {@code parent})
 */
public record Destination(@JsonProperty("_id") String id, String name, String kind, Boolean on, Long createdAt,
        @JsonProperty("_links") Map<String, Link> links, @Nullable Integer version,
        @Nullable Map<String, Object> config) {

    private static final Pattern SELF = Pattern.compile("/api/v2/destinations/([^/]+)/([^/]+)/[^/]+/?$");

    private static final Pattern PARENT = Pattern.compile("/projects/([^/]+)/environments/([^/]+)/?$");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A destination as a list names it, without its version and config. */
    public Destination(String id, String name, String kind, Boolean on, Long createdAt, Map<String, Link> links) {
        this(id, name, kind, on, createdAt, links, null, null);
    }

    /**
     * As LaunchDarkly answers it. The spec's example gives {@code config} as a string of
     * JSON, its description as an object: both are read as the object.
     */
    @JsonCreator
    static Destination read(@JsonProperty("_id") String id, @JsonProperty("name") String name,
            @JsonProperty("kind") String kind, @JsonProperty("on") Boolean on,
            @JsonProperty("createdAt") Long createdAt, @JsonProperty("_links") Map<String, Link> links,
            @JsonProperty("version") Integer version, @JsonProperty("config") @Nullable JsonNode config) {
        return new Destination(id, name, kind, on, createdAt, links, version, configOf(config));
    }

    @SuppressWarnings("unchecked")
    private static @Nullable Map<String, Object> configOf(@Nullable JsonNode config) {
        JsonNode object = config;
        if (config != null && config.isString()) {
            try {
                object = JSON.readTree(config.asString());
            }
            catch (RuntimeException notJson) {
                return null;
            }
        }
        if (object == null || !object.isObject()) {
            return null;
        }
        return new LinkedHashMap<>(JSON.convertValue(object, Map.class));
    }

    public record Link(String href, String type) {
    }

    /** Where a destination is: its project's and environment's keys. */
    public record Place(String projectKey, String environmentKey) {
    }

    /**
     * The project and environment, from {@code self}, else from {@code parent} when it
     * names them.
     */
    public Optional<Place> place() {
        Optional<Place> fromSelf = match(SELF, "self");
        return fromSelf.isPresent() ? fromSelf : match(PARENT, "parent");
    }

    public boolean belongsTo(String projectKey, String environmentKey) {
        return place()
            .filter(place -> place.projectKey().equals(projectKey) && place.environmentKey().equals(environmentKey))
            .isPresent();
    }

    private Optional<Place> match(Pattern pattern, String relation) {
        Link link = links == null ? null : links.get(relation);
        if (link == null || link.href() == null) {
            return Optional.empty();
        }
        String path = link.href();
        int query = path.indexOf('?');
        Matcher m = pattern.matcher(query < 0 ? path : path.substring(0, query));
        if (!m.find() || m.group(1).equals("projects")) {
            return Optional.empty();
        }
        return Optional.of(new Place(decoded(m.group(1)), decoded(m.group(2))));
    }

    private static String decoded(String segment) {
        // A path segment: a "+" is a plus, only percent escapes are decoded.
        return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        // The config may hold secrets.
        return "Destination[id=" + id + ", kind=" + kind + "]";
    }
}
