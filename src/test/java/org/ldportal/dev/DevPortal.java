package org.ldportal.dev;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ldportal.PortalApplication;
import org.ldportal.sandbox.LaunchDarklySandbox;
import org.ldportal.testsupport.LocalIdentityProvider;
import org.springframework.boot.SpringApplication;

/**
 * The portal on a developer's machine with local stand-ins, started by
 * {@code ./mvnw spring-boot:test-run}:
 * <ol>
 * <li>a local OpenID Connect provider (mock-oauth2-server) whose login page is pre-filled
 * with an admin's groups,</li>
 * <li>the LaunchDarkly sandbox, a simulator of the API endpoints the portal uses,</li>
 * <li>a local SMTP server (GreenMail) with a page that lists what the portal sent, on
 * http://localhost:8025,</li>
 * <li>the portal on http://localhost:8080 with an H2 file database under ./data/.</li>
 * </ol>
 * Ports can be changed with -Dldportal.dev.idp-port, -Dldportal.dev.sandbox-port,
 * -Dldportal.dev.smtp-port, -Dldportal.dev.mailbox-port and -Dldportal.dev.port.
 */
public final class DevPortal {

    /**
     * The sample templates, imported when the launcher's database has none of that key.
     */
    static final String SAMPLE_TEMPLATES = "src/test/resources/dev/templates";

    private DevPortal() {
    }

    public static void main(String[] args) {
        int idpPort = Integer.getInteger("ldportal.dev.idp-port", 9090);
        int portalPort = Integer.getInteger("ldportal.dev.port", 8080);
        int sandboxPort = Integer.getInteger("ldportal.dev.sandbox-port", 8090);

        LocalIdentityProvider idp = LocalIdentityProvider.startOn(idpPort);
        LaunchDarklySandbox sandbox = LaunchDarklySandbox.startOn(sandboxPort);
        // Something to manage from the start: a destination, and a subscription with
        // deliveries to report.
        sandbox.seedDestination("web-store", "staging", "Store events (sample)", "segment",
                Map.of("writeKey", "sample-key"));
        sandbox.seedSubscription("log-stream", "Audit log to the log store (sample)",
                Map.of("base-url", "https://logs.example.com", "token", "sample-token", "skip-ca-verification", false),
                128, 2);

        Map<String, Object> properties = new LinkedHashMap<>();
        LocalMailbox mailbox = LocalMailbox.startOn(Integer.getInteger("ldportal.dev.smtp-port", 3025),
                Integer.getInteger("ldportal.dev.mailbox-port", 8025));
        properties.put("spring.mail.host", "127.0.0.1");
        properties.put("spring.mail.port", mailbox.smtpPort());
        properties.put("portal.notifications.from", "LD Portal (dev) <ld-portal@localhost>");
        // So that an email's link leads back here (a request for another host, such as
        // 127.0.0.1, is then refused: open the address printed below).
        properties.put("portal.web.public-url", "http://localhost:" + portalPort);
        properties.put("server.port", portalPort);
        properties.put("spring.security.oauth2.client.provider.sso.issuer-uri", idp.issuerUri());
        properties.put("spring.security.oauth2.client.registration.sso.client-id", LocalIdentityProvider.CLIENT_ID);
        properties.put("spring.security.oauth2.client.registration.sso.client-secret",
                LocalIdentityProvider.CLIENT_SECRET);
        properties.put("spring.datasource.url", "jdbc:h2:file:./data/ldportal");
        properties.put("spring.thymeleaf.cache", false);
        properties.put("portal.launchdarkly.base-url", sandbox.baseUrl());
        properties.put("portal.launchdarkly.api-token", sandbox.token());
        // The sandbox's sample manifests fetch their dynamic options from the sandbox, on
        // localhost.
        properties.put("portal.integrations.allow-private-addresses", true);

        // A sample of project-scoped access: team-mobile edits (and reads the trail of)
        // Mobile App only; the global
        // editors keep setting up integrations through an account rule.
        properties.put("portal.access.rules[0].name", "Mobile team (sample)");
        properties.put("portal.access.rules[0].groups", "team-mobile");
        properties.put("portal.access.rules[0].role", "editor");
        properties.put("portal.access.rules[0].projects", "mobile-app");
        properties.put("portal.access.rules[1].name", "Mobile team reads its trail (sample)");
        properties.put("portal.access.rules[1].groups", "team-mobile");
        properties.put("portal.access.rules[1].role", "viewer");
        properties.put("portal.access.rules[1].projects", "mobile-app");
        properties.put("portal.access.rules[2].name", "Editors set up integrations (sample)");
        properties.put("portal.access.rules[2].groups", "ld-portal-editors");
        properties.put("portal.access.rules[2].role", "editor");
        properties.put("portal.access.rules[2].account", true);
        // A sample approval rule: anything for a production environment waits for an
        // admin (or a release manager).
        properties.put("portal.approval.rules[0].name", "Production needs a second person (sample)");
        properties.put("portal.approval.rules[0].environments", "production");
        properties.put("portal.approval.rules[0].approvers", "ld-portal-admins,release-managers");
        properties.put("portal.secrets.key", devSecretsKey());
        // Two sample golden paths, under "Golden paths": a plan of two steps, and one of
        // an integration.
        properties.put("portal.templates.import-from", SAMPLE_TEMPLATES);

        // As command-line arguments: they outrank application.yml, whose SSO placeholders
        // would otherwise fail.
        List<String> arguments = new ArrayList<>();
        properties.forEach((name, value) -> arguments.add("--" + name + "=" + value));
        arguments.addAll(List.of(args));
        SpringApplication.run(PortalApplication.class, arguments.toArray(String[]::new));

        System.out.println();
        System.out.println("LD Portal is running at http://localhost:" + portalPort + " (LaunchDarkly sandbox at "
                + sandbox.baseUrl() + ")");
        System.out
            .println("Sign in on the local identity provider's page: press \"Sign in\" to be an admin, or edit the");
        System.out
            .println("groups (ld-portal-admins, ld-portal-editors, ld-portal-viewers) to try another role, or to");
        System.out
            .println("team-mobile to be an editor of Mobile App only. Anything for a production environment waits for");
        System.out
            .println("an admin's approval under Requests (sign in as an admin in another browser to approve it).");
        System.out
            .println("Under Data Export, Environments and Integrations you find what exists, and turn it off, edit or");
        System.out.println("delete it.");
        System.out
            .println("What the portal emails (the approvers' \"waiting for your approval\", the requester's outcome)");
        System.out.println("is listed at " + mailbox.pageUrl() + ".");
        System.out.println("Under Golden paths, two sample templates make a set of things from one short form: try");
        System.out.println("\"QA environment with Segment export\", then resume or undo the plan on its page.");
    }

    /**
     * The key that encrypts kept secrets, made once and kept under ./data/ with the
     * database, so that what a form kept survives a restart of the launcher. Never used
     * outside development.
     */
    private static String devSecretsKey() {
        java.nio.file.Path file = java.nio.file.Path.of("data", "dev-secrets.key");
        try {
            if (java.nio.file.Files.exists(file)) {
                return java.nio.file.Files.readString(file).strip();
            }
            byte[] key = new byte[32];
            new java.security.SecureRandom().nextBytes(key);
            String encoded = java.util.Base64.getEncoder().encodeToString(key);
            java.nio.file.Files.createDirectories(file.getParent());
            java.nio.file.Files.writeString(file, encoded);
            return encoded;
        }
        catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Could not keep the development secrets key in " + file, e);
        }
    }

}
