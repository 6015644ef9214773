package org.ldportal.environment;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Guardrails for new environments, checked before LaunchDarkly is called.
 *
 * @param keyPattern             a company rule keys must follow, on top of LaunchDarkly's own (a Java regex)
 * @param keyPatternMessage      what to tell people whose key breaks that rule
 * @param reservedKeys           keys nobody may create through the portal, per project key; {@code "*"} means
 *                               every project (e.g. {@code production})
 * @param criticalRequiresAdmin  whether only admins may mark an environment critical
 * @param defaultColor           the colour a new environment starts with (6 hex digits)
 */
@ConfigurationProperties("portal.environments")
record EnvironmentProperties(
        @DefaultValue(EnvironmentKeys.API_PATTERN) String keyPattern,
        @DefaultValue("Use letters, digits, '.', '_' or '-', starting with a letter or digit.") String keyPatternMessage,
        @DefaultValue Map<String, List<String>> reservedKeys,
        @DefaultValue("true") boolean criticalRequiresAdmin,
        @DefaultValue("417505") String defaultColor) {

    /** The keys reserved in a project: its own list and the list for every project. */
    List<String> reservedIn(String projectKey) {
        return java.util.stream.Stream.concat(reservedKeys.getOrDefault("*", List.of()).stream(),
                reservedKeys.getOrDefault(projectKey, List.of()).stream()).toList();
    }
}
