package org.ldportal.security;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ldportal.testsupport.EmbeddedPostgresDatabase;
import org.ldportal.testsupport.LocalIdentityProvider;
import org.ldportal.testsupport.PlainHttp;
import org.ldportal.testsupport.PortalInstances;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ldportal.testsupport.PlainHttp.REQUEST_TIMEOUT;
import static org.ldportal.testsupport.PlainHttp.client;
import static org.ldportal.testsupport.PlainHttp.formEncoded;
import static org.ldportal.testsupport.PlainHttp.get;

/**
 * What several instances rely on of a session in the database, with the small principal
 * and the last access written only now and then: two instances on one PostgreSQL, signed
 * in through the local identity provider. A session moves between them, stays alive while
 * used on either past its idle timeout, expires on both when left idle, and is gone on
 * both once the person signs out on one.
 */
class SessionsAcrossInstancesTests {

    /**
     * Short, so that a test can outlast it; a quarter of it is how often use is written.
     */
    private static final int IDLE_TIMEOUT_SECONDS = 6;

    private static final String PAGE = "/environments/new?project=mobile-app";

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private static final List<ConfigurableApplicationContext> instances = new ArrayList<>();

    private static URI first;

    private static URI second;

    @BeforeAll
    static void startTwoPortalsOnOneDatabase() {
        String database = EmbeddedPostgresDatabase.newDatabaseUrl();
        first = start(database);
        second = start(database);
    }

    @AfterAll
    static void stop() {
        instances.forEach(ConfigurableApplicationContext::close);
    }

    private static URI start(String database) {
        List<String> settings = new ArrayList<>(List.of("--server.port=0", PortalInstances.SHARED_SECRETS_KEY,
                "--server.servlet.session.timeout=" + IDLE_TIMEOUT_SECONDS + "s"));
        settings.addAll(PortalInstances.onPostgres(database));
        ConfigurableApplicationContext portal = PortalInstances.start(settings);
        instances.add(portal);
        return URI.create("http://localhost:" + PortalInstances.portOf(portal));
    }

    @Test
    void signedInOnTheFirstThenTheSecondKnowsThemFromTheSmallIdentityTheSessionKeeps() throws Exception {
        HttpClient http = client(signIn("ada", "Ada Lovelace"));

        HttpResponse<String> page = http.send(get(second.resolve(PAGE)), HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("data-testid=\"user-name\"", "Ada Lovelace");
        byte[] context = storedSecurityContext();
        System.out.printf("The stored signed-in identity: %d bytes%n", context.length);
        String stored = new String(context, StandardCharsets.ISO_8859_1);
        assertThat(stored).as("the portal's own principal, none of the OIDC user objects")
            .contains(SignedInUser.class.getName())
            .doesNotContain("DefaultOidcUser", "OidcUserAuthority", "OidcUserInfo");
        assertThat(stored).as("the groups, as the portal's authorities").contains("GROUP:ld-portal-editors");
    }

    @Test
    void usedOnBothPastTheIdleTimeoutThenAliveAndLeftIdleThenExpiredOnBoth() throws Exception {
        HttpClient http = client(signIn("grace", "Grace Hopper"));

        // Twice the idle timeout of use, one page a second on alternate instances.
        for (int second = 0; second < 2 * IDLE_TIMEOUT_SECONDS; second++) {
            URI instance = second % 2 == 0 ? first : SessionsAcrossInstancesTests.second;
            HttpResponse<String> page = http.send(get(instance.resolve(PAGE)), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).as("page %d, while in use", second).isEqualTo(200);
            Thread.sleep(1000);
        }
        Thread.sleep((IDLE_TIMEOUT_SECONDS + 2) * 1000L);

        assertThat(signInAskedOn(http, first)).as("left idle: the first asks to sign in").isTrue();
        assertThat(signInAskedOn(http, second)).as("and so does the second").isTrue();
    }

    @Test
    void signedOutOnTheSecondThenTheIdentityProviderIsToldAndTheFirstAsksToSignInAgain() throws Exception {
        HttpClient http = client(signIn("linus", "Linus Pauling"));
        HttpResponse<String> page = http.send(get(second.resolve(PAGE)), HttpResponse.BodyHandlers.ofString());
        Matcher csrf = CSRF.matcher(page.body());
        assertThat(csrf.find()).as("the sign-out form's CSRF token").isTrue();

        HttpResponse<String> signedOut = http.send(HttpRequest.newBuilder(second.resolve("/logout"))
            .timeout(REQUEST_TIMEOUT)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(formEncoded(Map.of("_csrf", csrf.group(1)))))
            .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(signedOut.statusCode()).isEqualTo(302);
        assertThat(signedOut.headers().firstValue("Location").orElse(""))
            .as("the provider's end-session endpoint, with the ID token kept in the small identity")
            .startsWith(LocalIdentityProvider.shared().issuerUri())
            .contains("id_token_hint=ey");
        assertThat(signInAskedOn(http, first)).as("signed out everywhere").isTrue();
    }

    private static CookieManager signIn(String user, String name) throws Exception {
        return PlainHttp.signIn(first, user, "{\"name\": \"" + name + "\", \"email\": \"" + user + "@example.com\", "
                + "\"groups\": [\"ld-portal-editors\"]}", name);
    }

    private static boolean signInAskedOn(HttpClient http, URI instance) throws Exception {
        HttpResponse<String> answer = http.send(get(instance.resolve(PAGE)), HttpResponse.BodyHandlers.ofString());
        return answer.statusCode() == 302
                && answer.headers().firstValue("Location").orElse("").endsWith(SecurityConfig.SIGN_IN_PATH);
    }

    /** The most recently stored security context, as the database holds it. */
    private static byte[] storedSecurityContext() {
        JdbcClient jdbc = JdbcClient.create(instances.get(0).getBean(DataSource.class));
        return jdbc
            .sql("SELECT a.ATTRIBUTE_BYTES FROM SPRING_SESSION_ATTRIBUTES a JOIN SPRING_SESSION s"
                    + " ON a.SESSION_PRIMARY_ID = s.PRIMARY_ID WHERE a.ATTRIBUTE_NAME = 'SPRING_SECURITY_CONTEXT'"
                    + " ORDER BY s.CREATION_TIME DESC LIMIT 1")
            .query(byte[].class)
            .single();
    }

}
