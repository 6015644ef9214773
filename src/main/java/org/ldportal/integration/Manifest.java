package org.ldportal.integration;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.ldportal.launchdarkly.PolicyStatement;

/**
 * An integration manifest, as far as the portal needs it: what it is, whether it can be
 * set up here, and its form variables.
 *
 * @param configurationBlockedBecause why its configuration cannot be set up in the
 * portal, or null when it can
 * @param setUpElsewhereUrl where it is set up instead, when the manifest says: a URL of
 * another site, or a path (starting with /) on LaunchDarkly's own site
 */
record Manifest(String key, String name, @Nullable String overview, List<String> categories, @Nullable String siteUrl,
        @Nullable String docsUrl, boolean allowsConfigurations, boolean hasAuditLogHook,
        List<PolicyStatement> defaultPolicy, boolean allowsAdditionalApprovalFormVariables,
        @Nullable String configurationBlockedBecause, @Nullable String setUpElsewhereUrl,
        List<FormVariable> formVariables) {

    /**
     * The variables that make up the configValues or config: the top-level formVariables.
     */
    List<FormVariable> configVariables() {
        return formVariables.stream().filter(variable -> variable.location().equals(ManifestParser.TOP_LEVEL)).toList();
    }

    boolean matches(@Nullable String query) {
        if (query == null || query.isBlank()) {
            return true;
        }
        String q = query.trim().toLowerCase(Locale.ROOT);
        return key.toLowerCase(Locale.ROOT).contains(q) || name.toLowerCase(Locale.ROOT).contains(q)
                || (overview != null && overview.toLowerCase(Locale.ROOT).contains(q))
                || categories.stream().anyMatch(category -> category.contains(q));
    }
}
