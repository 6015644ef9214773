package org.ldportal.security;

import java.io.Serializable;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.StandardClaimNames;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * The signed-in person as the session keeps them: the few claims the portal shows and
 * records, the roles and groups as plain authorities, and the raw ID token, which signing
 * out hands to the identity provider's end-session endpoint ({@code id_token_hint}).
 * <p>
 * Why not Spring Security's {@code DefaultOidcUser}: with sessions in the database every
 * request deserializes the signed-in identity, and the whole OIDC user (every claim of
 * the ID token and of the user-info answer, twice over through its
 * {@code OidcUserAuthority}) cost a page more to read than anything the portal uses of
 * it. A record serializes by its components' names, so adding one later still opens the
 * sessions already stored.
 *
 * @param name what {@code Authentication.getName()} answers (the provider's user-name
 * attribute, {@code sub} by default)
 * @param subject the provider's stable id for the person
 * @param fullName the {@code name} claim, if the provider sends it
 * @param preferredUsername the {@code preferred_username} claim, if sent
 * @param email the {@code email} claim, if sent
 * @param idTokenValue the ID token as the provider issued it
 * @param issuedAt when the ID token was issued
 * @param expiresAt when the ID token expires
 * @param grantedAuthorities the portal's roles and the person's groups (see
 * {@link GroupRoleMapper#authoritiesFor})
 */
record SignedInUser(String name, String subject, @Nullable String fullName, @Nullable String preferredUsername,
        @Nullable String email, String idTokenValue, @Nullable Instant issuedAt, @Nullable Instant expiresAt,
        List<SimpleGrantedAuthority> grantedAuthorities) implements OidcUser, Serializable {

    SignedInUser {
        grantedAuthorities = List.copyOf(grantedAuthorities);
    }

    /**
     * The person as the provider described them, with the authorities the portal gives.
     */
    // Spring Security refuses an ID token without a sub claim.
    @SuppressWarnings("NullAway")
    static SignedInUser of(OidcUser signedIn, Collection<String> authorities) {
        return new SignedInUser(signedIn.getName(), signedIn.getSubject(), signedIn.getFullName(),
                signedIn.getPreferredUsername(), signedIn.getEmail(), signedIn.getIdToken().getTokenValue(),
                signedIn.getIdToken().getIssuedAt(), signedIn.getIdToken().getExpiresAt(),
                authorities.stream().map(SimpleGrantedAuthority::new).toList());
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return grantedAuthorities;
    }

    @Override
    public String getSubject() {
        return subject;
    }

    @Override
    public @Nullable String getFullName() {
        return fullName;
    }

    @Override
    public @Nullable String getPreferredUsername() {
        return preferredUsername;
    }

    @Override
    public @Nullable String getEmail() {
        return email;
    }

    /** Only the claims kept; what else the provider sent was read at sign-in. */
    @Override
    public Map<String, Object> getClaims() {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put(IdTokenClaimNames.SUB, subject);
        putIfPresent(claims, StandardClaimNames.NAME, fullName);
        putIfPresent(claims, StandardClaimNames.PREFERRED_USERNAME, preferredUsername);
        putIfPresent(claims, StandardClaimNames.EMAIL, email);
        return claims;
    }

    @Override
    public Map<String, Object> getAttributes() {
        return getClaims();
    }

    @Override
    public @Nullable OidcUserInfo getUserInfo() {
        return null;
    }

    @Override
    public OidcIdToken getIdToken() {
        return new OidcIdToken(idTokenValue, issuedAt, expiresAt, getClaims());
    }

    /** Never the token itself: a toString may end up in a log. */
    @Override
    public String toString() {
        return "SignedInUser[" + subject + ", " + grantedAuthorities.size() + " authorities]";
    }

    private static void putIfPresent(Map<String, Object> claims, String name, @Nullable String value) {
        if (value != null) {
            claims.put(name, value);
        }
    }

}
