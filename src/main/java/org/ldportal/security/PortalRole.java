package org.ldportal.security;

/**
 * What a signed-in person may do in the portal. Roles come from identity-provider groups
 * (see {@link GroupRoleMapper}); an admin also holds the editor and viewer roles.
 */
public enum PortalRole {

    /** An auditor: reads every audit entry, creates nothing. */
    VIEWER("Viewer"),
    /** Creates resources; sees the audit entries of their own attempts. */
    EDITOR("Editor"),
    /**
     * Everything: every audit entry, critical environments, refreshing the manifest
     * cache.
     */
    ADMIN("Admin");

    private final String label;

    PortalRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The Spring Security authority, for {@code hasRole(...)} checks. */
    public String authority() {
        return "ROLE_" + name();
    }

    /**
     * The authority of a role held in some projects only, through an access rule: enough
     * to reach the pages.
     */
    public String scopedAuthority() {
        return "SCOPED_" + name();
    }

}
