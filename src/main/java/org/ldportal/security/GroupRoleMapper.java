package org.ldportal.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Turns the groups claim of an identity token into portal roles. Group names are compared
 * exactly (identity providers treat them as case-sensitive identifiers).
 */
@Component
public class GroupRoleMapper {

    private final PortalSecurityProperties properties;

    private final AccessProperties access;

    @Autowired
    public GroupRoleMapper(PortalSecurityProperties properties, AccessProperties access) {
        this.properties = properties;
        this.access = access;
    }

    /** Global groups only, no access rules. */
    public GroupRoleMapper(PortalSecurityProperties properties) {
        this(properties, AccessProperties.none());
    }

    public PortalSecurityProperties properties() {
        return properties;
    }

    /**
     * The authorities a sign-in carries: the global roles ({@code ROLE_}), the roles held
     * in some projects through access rules ({@code SCOPED_}, enough to reach the pages;
     * where they hold is asked of the access module), and the groups themselves, which
     * the rules are written for.
     */
    public List<String> authoritiesFor(Collection<String> groups) {
        Set<PortalRole> global = rolesForGroups(groups);
        List<String> authorities = new ArrayList<>();
        global.forEach(role -> authorities.add(role.authority()));
        access.scopedRolesFor(groups)
            .stream()
            .filter(role -> !global.contains(role))
            .forEach(role -> authorities.add(role.scopedAuthority()));
        groups.forEach(group -> authorities.add(CurrentUser.GROUP_PREFIX + group));
        return authorities;
    }

    /**
     * The person as these groups make them: the global roles and those held in some
     * projects, as a sign-in with these groups would carry them.
     */
    public CurrentUser userWith(String subject, String displayName, @Nullable String email, Collection<String> groups) {
        Set<PortalRole> global = rolesForGroups(groups);
        Set<PortalRole> scoped = EnumSet.noneOf(PortalRole.class);
        access.scopedRolesFor(groups).stream().filter(role -> !global.contains(role)).forEach(scoped::add);
        return new CurrentUser(subject, displayName, email, global, scoped, Set.copyOf(groups));
    }

    public Set<PortalRole> rolesFor(Map<String, Object> claims) {
        return rolesForGroups(groupsIn(claims));
    }

    public Set<PortalRole> rolesForGroups(Collection<String> groups) {
        Set<PortalRole> roles = EnumSet.noneOf(PortalRole.class);
        if (intersects(groups, properties.adminGroups())) {
            // An admin can do all that editors and viewers can; holding the roles keeps
            // every check simple.
            roles.addAll(EnumSet.allOf(PortalRole.class));
        }
        if (intersects(groups, properties.editorGroups())) {
            roles.add(PortalRole.EDITOR);
        }
        if (intersects(groups, properties.viewerGroups())) {
            roles.add(PortalRole.VIEWER);
        }
        return roles;
    }

    /**
     * Providers send groups as a JSON array or, some of them, as one comma-separated
     * string.
     */
    public List<String> groupsIn(Map<String, Object> claims) {
        Object value = claims.get(properties.groupsClaim());
        Stream<String> groups;
        if (value instanceof Collection<?> collection) {
            groups = collection.stream().filter(item -> item != null).map(Object::toString);
        }
        else if (value instanceof String text) {
            groups = Stream.of(text.split(","));
        }
        else {
            groups = Stream.empty();
        }
        return groups.map(String::trim).filter(group -> !group.isEmpty()).toList();
    }

    private static boolean intersects(Collection<String> groups, Collection<String> configured) {
        return groups.stream().anyMatch(configured::contains);
    }

}
