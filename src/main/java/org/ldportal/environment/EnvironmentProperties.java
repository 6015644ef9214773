package org.ldportal.environment;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.ldportal.security.PortalRole;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Guardrails for new environments, checked before LaunchDarkly is called.
 *
 * @param keyPattern a company rule keys must follow, on top of LaunchDarkly's own (a Java
 * regex)
 * @param keyPatternMessage what to tell people whose key breaks that rule
 * @param reservedKeys keys nobody may create through the portal, as a list of rules (a
 * list, not a map keyed by project: environment variables cannot spell a project key like
 * {@code mobile-app} as a map key, but {@code PORTAL_ENVIRONMENTS_RESERVEDKEYS_0_PROJECT}
 * binds)
 * @param criticalRequiresAdmin whether only admins may mark an environment critical
 * @param defaultColor the colour a new environment starts with (6 hex digits)
 * @param deleteRole who may delete an environment
 * @param longestLifetime how far ahead a time-limited environment's "delete after" day
 * may be, from today
 * @param remindBefore how long before its day the owner of a time-limited environment is
 * reminded
 * @param lifetimeCheck how often the portal looks for time-limited environments to remind
 * of and to delete
 */
@ConfigurationProperties("portal.environments")
record EnvironmentProperties(@DefaultValue(EnvironmentKeys.API_PATTERN) String keyPattern,
        @DefaultValue("Use letters, digits, '.', '_' or '-', starting with a letter or digit.") String keyPatternMessage,
        @DefaultValue List<ReservedKeys> reservedKeys, @DefaultValue("true") boolean criticalRequiresAdmin,
        @DefaultValue("417505") String defaultColor, @DefaultValue("ADMIN") PortalRole deleteRole,
        @DefaultValue("90d") Duration longestLifetime, @DefaultValue("3d") Duration remindBefore,
        @DefaultValue("1h") Duration lifetimeCheck) {

    /**
     * @param project a project key, compared without regard to case, or {@code *} for
     * every project
     * @param keys the environment keys reserved there
     */
    record ReservedKeys(String project, @DefaultValue List<String> keys) {

        boolean appliesTo(String projectKey) {
            return "*".equals(project) || (projectKey != null
                    && project.toLowerCase(Locale.ROOT).equals(projectKey.toLowerCase(Locale.ROOT)));
        }
    }

    /** The keys reserved in a project: its own rules' and those for every project. */
    List<String> reservedIn(String projectKey) {
        return reservedKeys.stream()
            .filter(rule -> rule.appliesTo(projectKey))
            .flatMap(rule -> rule.keys().stream())
            .map(String::strip)
            .toList();
    }
}
