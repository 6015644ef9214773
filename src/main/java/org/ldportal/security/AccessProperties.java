package org.ldportal.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may act on which projects and environments. Without rules every role applies to
 * every project, as the global groups ({@link PortalSecurityProperties}) give it. With
 * rules, the global groups still apply everywhere, the rules add roles in their projects,
 * and the account's integrations need an admin or an account rule.
 *
 * @param rules the rules, in order (a list, so that environment variables can set them:
 * {@code PORTAL_ACCESS_RULES_0_GROUPS})
 */
@ConfigurationProperties("portal.access")
public record AccessProperties(@DefaultValue List<AccessRule> rules) {

    public AccessProperties {
        List<AccessRule> named = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            AccessRule rule = rules.get(i);
            String name = rule.name() == null || rule.name().isBlank() ? "rule " + i : rule.name().strip();
            if (rule.groups().isEmpty()) {
                throw new IllegalArgumentException(
                        "Access " + name + " names no groups: set portal.access.rules[" + i + "].groups.");
            }
            if (rule.role() == null) {
                throw new IllegalArgumentException("Access " + name + " gives no role: set portal.access.rules[" + i
                        + "].role to viewer, editor or admin.");
            }
            if (rule.projects().isEmpty() && !rule.account()) {
                throw new IllegalArgumentException("Access " + name + " names no projects: set portal.access.rules[" + i
                        + "].projects (keys or globs such as payments-* or *), or account: true.");
            }
            named.add(new AccessRule(name, rule.groups(), rule.role(), rule.projects(), rule.environments(),
                    rule.exceptEnvironments(), rule.account()));
        }
        rules = List.copyOf(named);
    }

    public static AccessProperties none() {
        return new AccessProperties(List.of());
    }

    /**
     * The roles that members of these groups hold somewhere through a rule, for the
     * sign-in's authorities.
     */
    public Set<PortalRole> scopedRolesFor(Collection<String> groups) {
        Set<PortalRole> roles = EnumSet.noneOf(PortalRole.class);
        rules.stream().filter(rule -> rule.appliesToAnyOf(groups)).forEach(rule -> roles.addAll(rule.roles()));
        return roles;
    }

}
