package org.ldportal.security;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * The person signed in, as the portal sees them: who (for the audit trail) and what they
 * may do.
 *
 * @param subject the identity provider's stable id for the person
 * @param displayName a name to show; falls back to the user name, then the subject
 * @param email may be null when the provider does not share it
 * @param roles the roles held in every project (the global groups); empty for a person in
 * none of them
 * @param scopedRoles the roles held in some projects only, through access rules (the
 * access module says where)
 * @param groups the person's identity-provider groups, which the access rules are written
 * for
 */
public record CurrentUser(String subject, String displayName, @Nullable String email, Set<PortalRole> roles,
        Set<PortalRole> scopedRoles, Set<String> groups) {

    /**
     * The authority that carries one group through the session (group names are free
     * text).
     */
    static final String GROUP_PREFIX = "GROUP:";

    public CurrentUser {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        scopedRoles = scopedRoles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(scopedRoles));
        groups = Set.copyOf(groups);
    }

    /**
     * Someone whose roles hold in every project, in no particular group (system actors,
     * tests).
     */
    public CurrentUser(String subject, String displayName, @Nullable String email, Set<PortalRole> roles) {
        this(subject, displayName, email, roles, Set.of(), Set.of());
    }

    public static CurrentUser from(Authentication authentication) {
        Set<PortalRole> roles = EnumSet.noneOf(PortalRole.class);
        Set<PortalRole> scoped = EnumSet.noneOf(PortalRole.class);
        Set<String> groups = new LinkedHashSet<>();
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            String name = authority.getAuthority();
            if (name == null) {
                continue;
            }
            if (name.startsWith(GROUP_PREFIX)) {
                groups.add(name.substring(GROUP_PREFIX.length()));
            }
            for (PortalRole role : PortalRole.values()) {
                if (role.authority().equals(name)) {
                    roles.add(role);
                }
                if (role.scopedAuthority().equals(name)) {
                    scoped.add(role);
                }
            }
        }
        if (authentication.getPrincipal() instanceof OidcUser oidc) {
            return new CurrentUser(subjectOf(oidc), displayNameOf(oidc), oidc.getEmail(), roles, scoped, groups);
        }
        return new CurrentUser(authentication.getName(), authentication.getName(), null, roles, scoped, groups);
    }

    private static String displayNameOf(OidcUser oidc) {
        String fullName = oidc.getFullName();
        if (fullName != null && hasText(fullName)) {
            return fullName;
        }
        String userName = oidc.getPreferredUsername();
        if (userName != null && hasText(userName)) {
            return userName;
        }
        return subjectOf(oidc);
    }

    // Spring Security refuses an ID token without a sub claim (OidcIdTokenValidator).
    @SuppressWarnings("NullAway")
    private static String subjectOf(OidcUser oidc) {
        return oidc.getSubject();
    }

    private static boolean hasText(@Nullable String value) {
        return value != null && !value.isBlank();
    }

    public boolean hasRole(PortalRole role) {
        return roles.contains(role);
    }

    public boolean isAdmin() {
        return hasRole(PortalRole.ADMIN);
    }

    /**
     * Whether the person may create in some project (or the account): what the access
     * rules allow where is asked of the access module.
     */
    public boolean canCreate() {
        return hasRole(PortalRole.EDITOR) || scopedRoles.contains(PortalRole.EDITOR);
    }

    /** Whether some of the person's roles hold in some projects only. */
    public boolean isScoped() {
        return roles.isEmpty() && !scopedRoles.isEmpty();
    }

    /**
     * Viewers (auditors) and admins read the whole trail; editors only their own
     * attempts.
     */
    public boolean canReadWholeAuditTrail() {
        return hasRole(PortalRole.VIEWER) || isAdmin();
    }

    public boolean hasAnyRole() {
        return !roles.isEmpty() || !scopedRoles.isEmpty();
    }

    /**
     * The strongest role, for the header: a global one first, else one held in some
     * projects; null when none.
     */
    public @Nullable PortalRole primaryRole() {
        PortalRole[] strongestFirst = { PortalRole.ADMIN, PortalRole.EDITOR, PortalRole.VIEWER };
        for (Set<PortalRole> held : List.of(roles, scopedRoles)) {
            for (PortalRole role : strongestFirst) {
                if (held.contains(role)) {
                    return role;
                }
            }
        }
        return null;
    }
}
