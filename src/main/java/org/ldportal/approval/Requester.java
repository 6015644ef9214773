package org.ldportal.approval;

import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.ldportal.security.CurrentUser;
import org.ldportal.security.PortalRole;

/**
 * Who asked for a change, with the roles and groups they held then: the change is sent as
 * them once approved.
 */
record Requester(String subject, String displayName, @Nullable String email, Set<PortalRole> roles,
        Set<PortalRole> scopedRoles, Set<String> groups) {

    static Requester of(CurrentUser user) {
        return new Requester(user.subject(), user.displayName(), user.email(), user.roles(), user.scopedRoles(),
                user.groups());
    }

    CurrentUser toUser() {
        return new CurrentUser(subject, displayName, email, roles, scopedRoles, groups);
    }
}
