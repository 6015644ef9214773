package org.ldportal.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * One access rule: members of {@code groups} hold {@code role} in the projects whose keys
 * match {@code projects}, in the environments whose keys match {@code environments} and
 * none of {@code exceptEnvironments}. Patterns are keys or globs ({@code payments-*},
 * {@code *}). With {@code account} the role also covers what belongs to the whole account
 * rather than a project (integration configurations, audit-log subscriptions). Rules only
 * add: a person holds every role any of their rules gives.
 *
 * @param name shown on the "who may do what" page; {@code rule N} when not given
 * @param groups identity-provider groups the rule is for (names compared exactly)
 * @param role viewer, editor or admin, as the global groups give them
 * @param projects project keys or globs; may be empty only for an account rule
 * @param environments environment keys or globs the role is narrowed to (default: every
 * environment)
 * @param exceptEnvironments environment keys or globs left out (for example
 * {@code production})
 * @param account whether the role also covers the account's integrations
 */
public record AccessRule(@Nullable String name, @DefaultValue List<String> groups, @Nullable PortalRole role,
        @DefaultValue List<String> projects, @DefaultValue("*") List<String> environments,
        @DefaultValue List<String> exceptEnvironments, boolean account) {

    public AccessRule {
        groups = strip(groups);
        projects = strip(projects);
        environments = strip(environments).isEmpty() ? List.of("*") : strip(environments);
        exceptEnvironments = strip(exceptEnvironments);
    }

    private static List<String> strip(List<String> values) {
        return values.stream().map(String::strip).filter(value -> !value.isEmpty()).toList();
    }

    public boolean appliesToAnyOf(Collection<String> memberOf) {
        return groups.stream().anyMatch(memberOf::contains);
    }

    public boolean coversProject(String projectKey) {
        return projects.stream().anyMatch(pattern -> KeyPattern.matches(pattern, projectKey));
    }

    public boolean coversEnvironment(String environmentKey) {
        return environments.stream().anyMatch(pattern -> KeyPattern.matches(pattern, environmentKey))
                && exceptEnvironments.stream().noneMatch(pattern -> KeyPattern.matches(pattern, environmentKey));
    }

    /**
     * The roles this rule gives: an admin also holds the editor and viewer roles, as with
     * the global groups.
     */
    public Set<PortalRole> roles() {
        return role == PortalRole.ADMIN ? EnumSet.allOf(PortalRole.class)
                : role == null ? EnumSet.noneOf(PortalRole.class) : EnumSet.of(role);
    }
}
