package org.ldportal.testsupport;

import org.junit.jupiter.api.BeforeEach;
import org.ldportal.sandbox.LaunchDarklySandbox;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of every test that needs the whole portal running: one Spring context for all of
 * them (same configuration, so the context cache shares it), wired to the JVM's one
 * identity provider and LaunchDarkly sandbox, on an in-memory H2 database. Subclasses add
 * no context configuration of their own, or they would get a context each.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
public abstract class PortalIntegrationTest {

    @DynamicPropertySource
    static void portalProperties(DynamicPropertyRegistry registry) {
        LocalIdentityProvider idp = LocalIdentityProvider.shared();
        registry.add("spring.security.oauth2.client.provider.sso.issuer-uri", idp::issuerUri);
        registry.add("spring.security.oauth2.client.registration.sso.client-id", () -> LocalIdentityProvider.CLIENT_ID);
        registry.add("spring.security.oauth2.client.registration.sso.client-secret",
                () -> LocalIdentityProvider.CLIENT_SECRET);
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:ldportal-it;DB_CLOSE_DELAY=-1");
        LaunchDarklySandbox sandbox = LaunchDarklySandbox.shared();
        registry.add("portal.launchdarkly.base-url", sandbox::baseUrl);
        registry.add("portal.launchdarkly.api-token", sandbox::token);
        // Short enough that a test of "LaunchDarkly did not answer" does not wait long.
        registry.add("portal.launchdarkly.response-timeout", () -> "2s");
        registry.add("portal.launchdarkly.max-retry-wait", () -> "1s");
        registry.add("portal.integrations.allow-private-addresses", () -> "true");
        // Tests change what exists in the sandbox directly, between requests; a test of
        // the cache itself turns it on
        // with portal.test.list-cache-ttl (and so gets a context of its own).
        registry.add("portal.launchdarkly.list-cache-ttl", () -> "${portal.test.list-cache-ttl:0s}");
        registry.add("portal.security.access-contact", () -> "the platform team (#launchdarkly-help)");
        registry.add("portal.review.allowed-domains", () -> "example.com");
    }

    @org.springframework.beans.factory.annotation.Autowired
    private org.springframework.jdbc.core.simple.JdbcClient portalDatabase;

    /**
     * Every test starts from the sandbox's seed, without faults left over from another
     * test, and with no attempt of another test still in flight (it would hold back a
     * create aimed at the same thing).
     */
    @BeforeEach
    void resetSandbox() {
        LaunchDarklySandbox.shared().awaitLateWork();
        LaunchDarklySandbox.shared().reset();
        portalDatabase.sql("DELETE FROM change_in_flight").update();
    }

}
