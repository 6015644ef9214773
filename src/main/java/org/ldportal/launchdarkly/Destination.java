package org.ldportal.launchdarkly;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A Data Export destination. Its {@code config} is not mapped: LaunchDarkly returns secret values obfuscated,
 * and the portal must never show them back as if real.
 *
 * @param links {@code _links} (e.g. {@code self}, {@code parent}), used to tell which project/environment it is in
 */
public record Destination(
        @JsonProperty("_id") String id,
        String name,
        String kind,
        Boolean on,
        Long createdAt,
        @JsonProperty("_links") Map<String, Link> links,
        Integer version,
        Map<String, Object> config) {

    /** A destination as a list names it, without its version and config. */
    public Destination(String id, String name, String kind, Boolean on, Long createdAt, Map<String, Link> links) {
        this(id, name, kind, on, createdAt, links, null, null);
    }

    public record Link(String href, String type) {
    }

    /** Whether it is the destination of this project environment, as its {@code parent} link says. */
    /** The project and environment keys from the parent link ({@code /api/v2/projects/p/environments/e}), or null. */
    public String[] projectAndEnvironment() {
        Link parent = links == null ? null : links.get("parent");
        if (parent == null || parent.href() == null) {
            return null;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("/projects/([^/]+)/environments/([^/]+)$")
                .matcher(parent.href());
        return m.find() ? new String[] { m.group(1), m.group(2) } : null;
    }

    public boolean belongsTo(String projectKey, String environmentKey) {
        Link parent = links == null ? null : links.get("parent");
        return parent != null && parent.href() != null
                && parent.href().endsWith("/projects/" + projectKey + "/environments/" + environmentKey);
    }
}
