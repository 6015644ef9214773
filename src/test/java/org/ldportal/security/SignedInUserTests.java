package org.ldportal.security;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The principal the session keeps: what the portal reads of a person survives the trip
 * through the session store, the rest of the provider's claims does not, and the token is
 * never in its text.
 */
class SignedInUserTests {

    private static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhZGEifQ.c2lnbmF0dXJl";

    @Test
    void ofWhenSignedInThenKeepsWhatThePortalReadsAndSurvivesTheSessionStore() throws Exception {
        OidcIdToken token = new OidcIdToken(TOKEN, Instant.parse("2026-12-03T10:00:00Z"),
                Instant.parse("2026-12-03T11:00:00Z"), Map.of("sub", "ada-1", "name", "Ada Lovelace", "email",
                        "ada@example.com", "groups", List.of("ld-portal-editors"), "nonce", "n-0S6_WzA2Mj"));
        DefaultOidcUser provider = new DefaultOidcUser(Set.of(new OidcUserAuthority(token)), token);

        SignedInUser user = SignedInUser.of(provider, List.of("ROLE_EDITOR", "GROUP:ld-portal-editors"));
        SignedInUser stored = roundTrip(user);

        assertThat(stored).isEqualTo(user);
        CurrentUser current = CurrentUser.from(new OAuth2AuthenticationToken(stored, stored.getAuthorities(), "sso"));
        assertThat(current.subject()).isEqualTo("ada-1");
        assertThat(current.displayName()).isEqualTo("Ada Lovelace");
        assertThat(current.email()).isEqualTo("ada@example.com");
        assertThat(current.roles()).containsExactly(PortalRole.EDITOR);
        assertThat(current.groups()).containsExactly("ld-portal-editors");
        assertThat(stored.getIdToken().getTokenValue()).as("for the end-session call").isEqualTo(TOKEN);
        assertThat(stored.getClaims()).as("only the claims the portal reads").containsOnlyKeys("sub", "name", "email");
        assertThat(stored.grantedAuthorities()).containsExactly(new SimpleGrantedAuthority("ROLE_EDITOR"),
                new SimpleGrantedAuthority("GROUP:ld-portal-editors"));
        assertThat(stored.toString()).doesNotContain(TOKEN).contains("ada-1");
    }

    private static SignedInUser roundTrip(SignedInUser user) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(user);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (SignedInUser) in.readObject();
        }
    }

}
