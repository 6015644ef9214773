package org.ldportal.approval;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ldportal.PortalApplication;
import org.ldportal.sandbox.LaunchDarklySandbox;
import org.ldportal.testsupport.LocalIdentityProvider;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * With approval rules the portal keeps secrets for days: it refuses to start without a
 * key, and says what to set.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupWithoutSecretsKeyTests {

    @Test
    void startWhenApprovalRulesAndNoKeyThenFailsWithDescriptionAndAction(CapturedOutput output) {
        LocalIdentityProvider idp = LocalIdentityProvider.shared();
        LaunchDarklySandbox sandbox = LaunchDarklySandbox.shared();
        SpringApplicationBuilder portal = new SpringApplicationBuilder(PortalApplication.class).properties(
                "server.port=0", "SSO_ISSUER_URI=" + idp.issuerUri(), "SSO_CLIENT_ID=portal",
                "SSO_CLIENT_SECRET=secret", "portal.launchdarkly.base-url=" + sandbox.baseUrl(),
                "portal.launchdarkly.api-token=" + sandbox.token(),
                "portal.approval.rules[0].approvers=ld-portal-admins");

        // The database as an argument: it outranks application.yml (properties() give
        // defaults only).
        assertThatThrownBy(() -> portal.run("--spring.datasource.url=jdbc:h2:mem:no-secrets-key"))
            .hasRootCauseInstanceOf(MissingSecretsKeyException.class);
        assertThat(output).contains("APPLICATION FAILED TO START")
            .contains("no key to encrypt the secrets")
            .contains("PORTAL_SECRETS_KEY")
            .contains("openssl rand -base64 32");
    }

}
