package org.ldportal.security;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * The person signed in, as the portal sees them: who (for the audit trail) and what they may do.
 *
 * @param subject     the identity provider's stable id for the person
 * @param displayName a name to show; falls back to the user name, then the subject
 * @param email       may be null when the provider does not share it
 * @param roles       never null; empty for a person in none of the configured groups
 */
public record CurrentUser(String subject, String displayName, String email, Set<PortalRole> roles) {

    public CurrentUser {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public static CurrentUser from(Authentication authentication) {
        Set<PortalRole> roles = EnumSet.noneOf(PortalRole.class);
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            for (PortalRole role : PortalRole.values()) {
                if (role.authority().equals(authority.getAuthority())) {
                    roles.add(role);
                }
            }
        }
        if (authentication.getPrincipal() instanceof OidcUser oidc) {
            return new CurrentUser(oidc.getSubject(), displayNameOf(oidc), oidc.getEmail(), roles);
        }
        return new CurrentUser(authentication.getName(), authentication.getName(), null, roles);
    }

    private static String displayNameOf(OidcUser oidc) {
        if (hasText(oidc.getFullName())) {
            return oidc.getFullName();
        }
        if (hasText(oidc.getPreferredUsername())) {
            return oidc.getPreferredUsername();
        }
        return oidc.getSubject();
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }

    public boolean hasRole(PortalRole role) {
        return roles.contains(role);
    }

    public boolean isAdmin() {
        return hasRole(PortalRole.ADMIN);
    }

    public boolean canCreate() {
        return hasRole(PortalRole.EDITOR);
    }

    /** Viewers (auditors) and admins read the whole trail; editors only their own attempts. */
    public boolean canReadWholeAuditTrail() {
        return hasRole(PortalRole.VIEWER) || isAdmin();
    }

    public boolean hasAnyRole() {
        return !roles.isEmpty();
    }

    /** The strongest role, for the header; null when the person has none. */
    public PortalRole primaryRole() {
        PortalRole[] strongestFirst = { PortalRole.ADMIN, PortalRole.EDITOR, PortalRole.VIEWER };
        for (PortalRole role : strongestFirst) {
            if (roles.contains(role)) {
                return role;
            }
        }
        return null;
    }
}
