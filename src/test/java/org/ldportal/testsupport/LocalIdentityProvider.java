package org.ldportal.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;

/**
 * A real OpenID Connect provider (mock-oauth2-server) with its interactive login page,
 * where any user name and claims (groups) can be typed. One instance per JVM: every test
 * context and the dev launcher share it.
 */
public final class LocalIdentityProvider {

    /**
     * The issuer id in the provider's URLs; the portal's client registration id is also
     * {@code sso}.
     */
    public static final String ISSUER_ID = "sso";

    public static final String CLIENT_ID = "ld-portal-local";

    public static final String CLIENT_SECRET = "local-only-not-a-secret";

    private static LocalIdentityProvider shared;

    private final MockOAuth2Server server;

    private LocalIdentityProvider(int port) {
        this.server = new MockOAuth2Server(new OAuth2Config(true, loginPageFile().toString()));
        try {
            // localhost everywhere: mixing it with 127.0.0.1 loses the session cookie
            // during login.
            server.start(InetAddress.getByName("localhost"), port);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The provider for tests: started on a free port the first time it is asked for. */
    public static synchronized LocalIdentityProvider shared() {
        if (shared == null) {
            shared = new LocalIdentityProvider(0);
        }
        return shared;
    }

    /**
     * The provider for the dev launcher, on a fixed port so bookmarks and the login page
     * URL stay put.
     */
    public static synchronized LocalIdentityProvider startOn(int port) {
        if (shared == null) {
            shared = new LocalIdentityProvider(port);
        }
        return shared;
    }

    public String issuerUri() {
        return server.issuerUrl(ISSUER_ID).toString();
    }

    public MockOAuth2Server server() {
        return server;
    }

    /**
     * mock-oauth2-server reads a custom login page from a file; ours pre-fills an admin's
     * groups.
     */
    private static Path loginPageFile() {
        try (InputStream page = LocalIdentityProvider.class.getResourceAsStream("/dev/login.html")) {
            Path file = Files.createTempFile("ldportal-login", ".html");
            file.toFile().deleteOnExit();
            Files.copy(page, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
