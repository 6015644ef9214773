package org.ldportal.security;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.web.csrf.CsrfToken;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CSRF token of a page is kept in the session as Spring Security keeps it, but a
 * request that changes something and has no session gets none made for its token.
 */
class SessionlessRefusalCsrfTokensTests {

    private final SessionlessRefusalCsrfTokens tokens = new SessionlessRefusalCsrfTokens();

    @Test
    void saveWhenAPageIsShownThenKeptInANewSession() {
        MockHttpServletRequest page = new MockHttpServletRequest("GET", "/environments/new");
        CsrfToken token = tokens.generateToken(page);

        tokens.saveToken(token, page, new MockHttpServletResponse());

        assertThat(page.getSession(false)).isNotNull();
        assertThat(tokens.loadToken(page)).isEqualTo(token);
    }

    @Test
    void saveWhenAPostHasNoSessionThenNoneIsMade() {
        MockHttpServletRequest post = new MockHttpServletRequest("POST", "/environments/new");

        tokens.saveToken(tokens.generateToken(post), post, new MockHttpServletResponse());

        assertThat(post.getSession(false)).isNull();
        assertThat(tokens.loadToken(post)).isNull();
    }

    @Test
    void saveWhenAPostHasASessionThenKeptInIt() {
        MockHttpServletRequest post = new MockHttpServletRequest("POST", "/environments/new");
        post.getSession(true);
        CsrfToken token = tokens.generateToken(post);

        tokens.saveToken(token, post, new MockHttpServletResponse());

        assertThat(tokens.loadToken(post)).isEqualTo(token);
    }

}
