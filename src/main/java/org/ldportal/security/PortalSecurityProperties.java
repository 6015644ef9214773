package org.ldportal.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which identity-provider claim carries a person's groups, and which groups grant which
 * role.
 *
 * @param groupsClaim the claim holding the groups (a list, or a comma-separated string)
 * @param viewerGroups groups whose members may read the whole audit trail
 * @param editorGroups groups whose members may create resources
 * @param adminGroups groups whose members may do everything
 * @param accessContact who to ask for access, shown on the "no access" page
 */
@ConfigurationProperties("portal.security")
public record PortalSecurityProperties(@DefaultValue("groups") String groupsClaim,
        @DefaultValue("ld-portal-viewers") List<String> viewerGroups,
        @DefaultValue("ld-portal-editors") List<String> editorGroups,
        @DefaultValue("ld-portal-admins") List<String> adminGroups,
        @DefaultValue("your team's LaunchDarkly administrators") String accessContact) {
}
