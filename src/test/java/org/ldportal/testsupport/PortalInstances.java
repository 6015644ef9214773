package org.ldportal.testsupport;

import java.util.ArrayList;
import java.util.List;

import org.ldportal.PortalApplication;
import org.ldportal.sandbox.LaunchDarklySandbox;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Whole portals started in this JVM, as tests of several instances and the benchmarks
 * need them: each wired to the JVM's one identity provider and LaunchDarkly sandbox, with
 * the caller's own settings on top.
 */
public final class PortalInstances {

    /** One key on every instance: what one encrypts, the others open. */
    public static final String SHARED_SECRETS_KEY = "--portal.secrets.key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

    private PortalInstances() {
    }

    /**
     * Starts a portal with {@code settings} ({@code --name=value}, e.g. its port and
     * database) and the identity provider's and sandbox's addresses. As arguments: they
     * outrank application.yml (properties() would not).
     */
    public static ConfigurableApplicationContext start(List<String> settings) {
        LocalIdentityProvider idp = LocalIdentityProvider.shared();
        LaunchDarklySandbox sandbox = LaunchDarklySandbox.shared();
        List<String> arguments = new ArrayList<>(settings);
        arguments.addAll(List.of("--spring.security.oauth2.client.provider.sso.issuer-uri=" + idp.issuerUri(),
                "--spring.security.oauth2.client.registration.sso.client-id=" + LocalIdentityProvider.CLIENT_ID,
                "--spring.security.oauth2.client.registration.sso.client-secret=" + LocalIdentityProvider.CLIENT_SECRET,
                "--portal.launchdarkly.base-url=" + sandbox.baseUrl(),
                "--portal.launchdarkly.api-token=" + sandbox.token()));
        return new SpringApplicationBuilder(PortalApplication.class).run(arguments.toArray(String[]::new));
    }

    /** Settings for the embedded PostgreSQL database at {@code url}. */
    public static List<String> onPostgres(String url) {
        return List.of("--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres");
    }

    /** The port the started portal listens on. */
    public static int portOf(ConfigurableApplicationContext portal) {
        return Integer.parseInt(portal.getEnvironment().getProperty("local.server.port", "0"));
    }

}
