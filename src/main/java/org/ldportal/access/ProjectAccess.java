package org.ldportal.access;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.ldportal.audit.ReadScope;
import org.ldportal.audit.ReadScopes;
import org.ldportal.security.AccessProperties;
import org.ldportal.security.AccessRule;
import org.ldportal.security.CurrentUser;
import org.ldportal.security.GroupRoleMapper;
import org.ldportal.security.KeyPattern;
import org.ldportal.security.PortalRole;
import org.ldportal.security.PortalSecurityProperties;
import org.springframework.stereotype.Component;

/**
 * Which roles a person holds where: the global groups' roles in every project, plus what
 * the access rules give in their projects and environments. Asked by every page that
 * offers a project or environment, by every change before it is sent, and by the audit
 * queries.
 */
@Component
public class ProjectAccess implements ReadScopes {

    private final AccessProperties properties;

    private final GroupRoleMapper mapper;

    public ProjectAccess(AccessProperties properties, GroupRoleMapper mapper) {
        this.properties = properties;
        this.mapper = mapper;
    }

    /** Without rules every role applies everywhere, as before access rules existed. */
    public boolean rulesConfigured() {
        return !properties.rules().isEmpty();
    }

    public List<AccessRule> rules() {
        return properties.rules();
    }

    /**
     * Whether the person holds {@code role} in the project's environment; with no
     * environment, in some environment of the project (to offer it in a list).
     */
    public boolean may(CurrentUser user, PortalRole role, String projectKey, @Nullable String environmentKey) {
        if (user.roles().contains(role)) {
            return true;
        }
        return properties.rules()
            .stream()
            .anyMatch(rule -> rule.appliesToAnyOf(user.groups()) && covers(rule, projectKey, environmentKey)
                    && rule.roles().contains(role));
    }

    /**
     * Whether the person holds {@code role} over what belongs to the whole account
     * (integrations).
     */
    public boolean mayInAccount(CurrentUser user, PortalRole role) {
        if (!rulesConfigured()) {
            return user.roles().contains(role);
        }
        // With rules, the account's integrations (which can reach every project's data)
        // need an admin or an
        // account rule; global viewers still read everything.
        if (user.roles().contains(PortalRole.ADMIN) || (role == PortalRole.VIEWER && user.roles().contains(role))) {
            return true;
        }
        return properties.rules()
            .stream()
            .anyMatch(rule -> rule.account() && rule.appliesToAnyOf(user.groups()) && rule.roles().contains(role));
    }

    /**
     * What the person may read of the audit trail beyond their own attempts: everything
     * (global viewers and admins), or the areas their viewer (or admin) rules cover.
     */
    @Override
    public ReadScope readScope(CurrentUser user) {
        if (user.canReadWholeAuditTrail()) {
            return ReadScope.whole(user.subject());
        }
        List<ReadScope.Area> areas = new ArrayList<>();
        boolean account = false;
        for (AccessRule rule : properties.rules()) {
            if (rule.appliesToAnyOf(user.groups()) && rule.roles().contains(PortalRole.VIEWER)) {
                if (!rule.projects().isEmpty()) {
                    areas.add(new ReadScope.Area(like(rule.projects()), like(rule.environments()),
                            like(rule.exceptEnvironments())));
                }
                account |= rule.account();
            }
        }
        return new ReadScope(false, user.subject(), areas, account);
    }

    /**
     * Whether an audit entry (or another record of a change) in this place is readable
     * under the scope.
     */
    public boolean mayRead(CurrentUser user, String actorSubject, @Nullable String projectKey,
            @Nullable String environmentKey) {
        if (user.canReadWholeAuditTrail() || user.subject().equals(actorSubject)) {
            return true;
        }
        if (projectKey == null) {
            return properties.rules()
                .stream()
                .anyMatch(rule -> rule.account() && rule.appliesToAnyOf(user.groups())
                        && rule.roles().contains(PortalRole.VIEWER));
        }
        return properties.rules()
            .stream()
            .anyMatch(rule -> rule.appliesToAnyOf(user.groups()) && rule.roles().contains(PortalRole.VIEWER)
                    && covers(rule, projectKey, environmentKey));
    }

    /**
     * Why members of these groups hold which roles in a project's environment, strongest
     * first: for the admin page that answers "who may do what".
     */
    public List<Grant> explain(Collection<String> groups, String projectKey, String environmentKey) {
        List<Grant> grants = new ArrayList<>(global(groups));
        for (AccessRule rule : properties.rules()) {
            // Every configured rule gives a role (AccessProperties refuses one without).
            PortalRole role = rule.role();
            if (role != null && rule.appliesToAnyOf(groups) && covers(rule, projectKey, environmentKey)) {
                grants.add(new Grant(role, "rule \u201c" + rule.name() + "\u201d", matching(rule, groups)));
            }
        }
        return strongestFirst(grants);
    }

    /** Why members of these groups hold which roles over the account's integrations. */
    public List<Grant> explainAccount(Collection<String> groups) {
        List<Grant> grants = new ArrayList<>();
        for (Grant grant : global(groups)) {
            if (!rulesConfigured() || grant.role() == PortalRole.ADMIN || grant.role() == PortalRole.VIEWER) {
                grants.add(grant);
            }
        }
        for (AccessRule rule : properties.rules()) {
            PortalRole role = rule.role();
            if (role != null && rule.account() && rule.appliesToAnyOf(groups)) {
                grants.add(new Grant(role, "rule \u201c" + rule.name() + "\u201d", matching(rule, groups)));
            }
        }
        return strongestFirst(grants);
    }

    private List<Grant> global(Collection<String> groups) {
        List<Grant> grants = new ArrayList<>();
        PortalSecurityProperties global = mapper.properties();
        addGlobal(grants, PortalRole.ADMIN, global.adminGroups(), groups);
        addGlobal(grants, PortalRole.EDITOR, global.editorGroups(), groups);
        addGlobal(grants, PortalRole.VIEWER, global.viewerGroups(), groups);
        return grants;
    }

    private static void addGlobal(List<Grant> grants, PortalRole role, List<String> configured,
            Collection<String> groups) {
        List<String> matched = configured.stream().filter(groups::contains).toList();
        if (!matched.isEmpty()) {
            grants.add(new Grant(role, role.label().toLowerCase(Locale.ROOT) + " groups, every project", matched));
        }
    }

    private static List<String> matching(AccessRule rule, Collection<String> groups) {
        return rule.groups().stream().filter(groups::contains).toList();
    }

    private static List<Grant> strongestFirst(List<Grant> grants) {
        return grants.stream().sorted(Comparator.comparing(Grant::role).reversed()).toList();
    }

    private static boolean covers(AccessRule rule, String projectKey, @Nullable String environmentKey) {
        return rule.coversProject(projectKey) && (environmentKey == null || rule.coversEnvironment(environmentKey));
    }

    private static List<String> like(List<String> patterns) {
        return patterns.stream().map(KeyPattern::toSqlLike).toList();
    }

    /**
     * One role and where it comes from.
     *
     * @param role the role given
     * @param source the global groups or the rule that gives it
     * @param groups the person's groups through which it is given
     */
    public record Grant(PortalRole role, String source, List<String> groups) {
    }

}
