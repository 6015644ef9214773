package org.ldportal.environment;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Environment keys: what LaunchDarkly accepts, and the key the portal suggests for a
 * name. The same rules are mirrored in {@code environment.js}, which derives the key
 * while the person types.
 */
final class EnvironmentKeys {

    /** LaunchDarkly's own rule for project and environment keys. */
    static final String API_PATTERN = "^[a-zA-Z0-9][a-zA-Z0-9_.-]*$";

    /**
     * The audit trail's resource_key column holds 255 characters; a longer key could be
     * created but not recorded.
     */
    static final int MAX_LENGTH = 255;

    private EnvironmentKeys() {
    }

    /**
     * "QA – Europe (2)" becomes "qa-europe-2": lower case, spaces to hyphens, only
     * [a-z0-9._-], no leading symbol.
     */
    static String derive(String name) {
        if (name == null) {
            return "";
        }
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String key = ascii.toLowerCase(Locale.ROOT)
            .trim()
            .replaceAll("\\s+", "-")
            .replaceAll("[^a-z0-9._-]", "")
            .replaceAll("-{2,}", "-")
            .replaceAll("^[^a-z0-9]+", "")
            .replaceAll("-+$", "");
        return key.length() > MAX_LENGTH ? key.substring(0, MAX_LENGTH) : key;
    }

}
