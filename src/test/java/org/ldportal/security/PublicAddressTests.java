package org.ldportal.security;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.ldportal.testsupport.PortalIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With a public address configured, over real HTTP: a request for any other host is
 * refused before anything is built from it (the Host header is not trusted), health still
 * answers, and sign-in redirects come from the setting.
 */
@TestPropertySource(properties = "portal.web.public-url=https://ldportal.example.com")
class PublicAddressTests extends PortalIntegrationTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void requestWhenForAnotherHostThenRefusedWithoutARedirect() throws Exception {
        HttpResponse<String> forged = get("/environments/new", "evil.example");
        HttpResponse<String> direct = get("/environments/new", null);

        assertThat(forged.statusCode()).isEqualTo(421);
        assertThat(forged.headers().firstValue("Location")).isEmpty();
        assertThat(forged.body()).contains("https://ldportal.example.com").doesNotContain("evil.example");
        assertThat(direct.statusCode()).as("localhost is not the public host either").isEqualTo(421);
    }

    @Test
    void healthWhenProbedByAnyHostThenAnswers() throws Exception {
        assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
    }

    @Test
    void signInWhenForThePublicHostThenRedirectUriFromTheSetting() throws Exception {
        HttpResponse<String> page = get("/environments/new", "ldportal.example.com");
        HttpResponse<String> signIn = get("/oauth2/authorization/sso", "ldportal.example.com");

        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location"))
            .hasValue("https://ldportal.example.com/oauth2/authorization/sso");
        assertThat(URLDecoder.decode(signIn.headers().firstValue("Location").orElseThrow(), StandardCharsets.UTF_8))
            .contains("redirect_uri=https://ldportal.example.com/login/oauth2/code/sso");
    }

    /**
     * As a proxy in front of the portal forwards a request for {@code host} (null:
     * straight to the portal).
     */
    private HttpResponse<String> get(String path, String host) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (host != null) {
            request.header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", host)
                .header("X-Forwarded-Port", "443");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

}
