package org.ldportal.launchdarkly;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ldportal.PortalApplication;
import org.ldportal.testsupport.LocalIdentityProvider;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Outside the dev launcher and tests, the portal refuses to start without a token, and
 * says what to set.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupWithoutTokenTests {

    @Test
    void startWhenNoTokenThenFailsWithDescriptionAndAction(CapturedOutput output) {
        LocalIdentityProvider idp = LocalIdentityProvider.shared();
        SpringApplicationBuilder portal = new SpringApplicationBuilder(PortalApplication.class).properties(
                "server.port=0", "SSO_ISSUER_URI=" + idp.issuerUri(), "SSO_CLIENT_ID=portal",
                "SSO_CLIENT_SECRET=secret");

        // The database as an argument: it outranks application.yml (properties() give
        // defaults only).
        assertThatThrownBy(() -> portal.run("--spring.datasource.url=jdbc:h2:mem:no-token"))
            .hasRootCauseInstanceOf(MissingApiTokenException.class);
        assertThat(output).contains("APPLICATION FAILED TO START")
            .contains("no API access token is configured")
            .contains("PORTAL_LAUNCHDARKLY_APITOKEN");
    }

}
