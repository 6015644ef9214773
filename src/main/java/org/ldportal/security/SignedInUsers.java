package org.ldportal.security;

import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Signs a person in as Spring Security does (the ID token checked, the user-info endpoint
 * asked where the provider has one), then keeps only what the portal needs of them: their
 * roles and groups from the groups claim, and a {@link SignedInUser} for the session.
 */
class SignedInUsers implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private final OidcUserService provider = new OidcUserService();

    private final GroupRoleMapper roles;

    SignedInUsers(GroupRoleMapper roles) {
        this.roles = roles;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser signedIn = provider.loadUser(request);
        return SignedInUser.of(signedIn, roles.authoritiesFor(roles.groupsIn(signedIn.getClaims())));
    }

}
