package org.ldportal.security;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.ldportal.testsupport.LocalIdentityProvider;
import org.ldportal.testsupport.PortalIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Behind a TLS-terminating proxy, over real HTTP (Tomcat's own handling of X-Forwarded-*
 * is what is tested): the portal builds https addresses for the public host, marks its
 * cookies Secure, sends HSTS, and lets forms go only to itself and the identity provider.
 */
class ForwardedHeadersTests extends PortalIntegrationTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void pageWhenForwardedAsHttpsThenRedirectsToTheHttpsPublicHostWithHsts() throws Exception {
        HttpResponse<String> answer = get("/environments/new", true);

        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location"))
            .hasValue("https://portal.example.com/oauth2/authorization/sso");
        assertThat(answer.headers().firstValue("Strict-Transport-Security"))
            .hasValueSatisfying(hsts -> assertThat(hsts).contains("max-age="));
    }

    @Test
    void signInWhenForwardedAsHttpsThenRedirectUriIsHttpsAndTheSessionCookieSecure() throws Exception {
        HttpResponse<String> answer = get("/oauth2/authorization/sso", true);

        assertThat(answer.statusCode()).isEqualTo(302);
        String location = URLDecoder.decode(answer.headers().firstValue("Location").orElseThrow(),
                StandardCharsets.UTF_8);
        assertThat(location).startsWith(LocalIdentityProvider.shared().issuerUri())
            .contains("redirect_uri=https://portal.example.com/login/oauth2/code/sso");
        assertThat(answer.headers().allValues("Set-Cookie"))
            .anySatisfy(cookie -> assertThat(cookie).startsWith("SESSION=").contains("Secure").contains("HttpOnly"));
    }

    @Test
    void pageWhenPlainHttpThenNoHstsAndNoSecureCookie() throws Exception {
        HttpResponse<String> answer = get("/oauth2/authorization/sso", false);

        assertThat(answer.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(answer.headers().allValues("Set-Cookie"))
            .allSatisfy(cookie -> assertThat(cookie).doesNotContain("Secure"));
    }

    @Test
    void anyPageThenFormsMayGoOnlyToThePortalAndTheIdentityProvider() throws Exception {
        String csp = get("/signed-out", false).headers().firstValue("Content-Security-Policy").orElseThrow();
        URI idp = URI.create(LocalIdentityProvider.shared().issuerUri());

        assertThat(csp).contains("form-action 'self' http://" + idp.getHost() + ":" + idp.getPort());
    }

    private HttpResponse<String> get(String path, boolean forwardedAsHttps) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (forwardedAsHttps) {
            request.header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "portal.example.com")
                .header("X-Forwarded-Port", "443")
                .header("X-Forwarded-For", "203.0.113.7");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

}
