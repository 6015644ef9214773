package org.ldportal.launchdarkly;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ldportal.sandbox.LaunchDarklySandbox;
import org.ldportal.testsupport.FormTokens;
import org.ldportal.testsupport.PortalIntegrationTest;
import org.ldportal.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * With the lists cached as in production, what is created through the portal is in its
 * list at once: every write through the client forgets the lists it may change. Each test
 * first shows the cache is on (something put into LaunchDarkly behind the portal's back
 * is not listed yet), so that it cannot pass with the cache off.
 */
@TestPropertySource(properties = "portal.test.list-cache-ttl=10m")
class ListCacheCoherenceTests extends PortalIntegrationTest {

    private final LaunchDarklySandbox sandbox = LaunchDarklySandbox.shared();

    @Autowired
    MockMvc mvc;

    @Test
    void destinationWhenCreatedThroughThePortalThenInTheListAtOnce() throws Exception {
        page("/destinations");
        sandbox.seedDestination("mobile-app", "production", "Made behind the portal", "segment",
                Map.of("writeKey", "wk-1"));
        assertThat(page("/destinations")).as("the list is cached").doesNotContain("Made behind the portal");

        mvc.perform(post("/destinations/new").with(TestUsers.editor())
            .with(csrf())
            .with(FormTokens.fresh())
            .param("projectKey", "web-store")
            .param("environmentKey", "production")
            .param("name", "Made through the portal")
            .param("kind", "segment")
            .param("on", "true")
            .param("config[writeKey]", "wk-2")).andExpect(status().is3xxRedirection());

        assertThat(page("/destinations")).contains("Made through the portal", "Made behind the portal");
    }

    @Test
    void integrationConfigurationWhenCreatedThroughThePortalThenInTheListAtOnce() throws Exception {
        page("/integrations/acme-webhooks");
        sandbox.seedConfiguration("acme-webhooks", "Made behind the portal",
                Map.of("URL", "https://hooks.example.com", "signingSecret", "secret-behind", "format", "json"));
        assertThat(page("/integrations/acme-webhooks")).as("the list is cached")
            .doesNotContain("Made behind the portal");

        mvc.perform(post("/integrations/acme-webhooks/new").with(FormTokens.fresh())
            .param("type", "configuration")
            .with(TestUsers.editor())
            .with(csrf())
            .param("name", "Made through the portal")
            .param("config[URL]", "https://hooks.example.com")
            .param("config[signingSecret]", "sig-secret-12345")
            .param("config[format]", "json")
            .param("statements[0].effect", "allow")
            .param("statements[0].resources", "proj/*")
            .param("statements[0].actions", "*")).andExpect(status().is3xxRedirection());

        assertThat(page("/integrations/acme-webhooks")).contains("Made through the portal", "Made behind the portal");
    }

    @Test
    void environmentWhenCreatedThroughThePortalThenInTheListAtOnce() throws Exception {
        page("/environments?project=mobile-app");
        sandbox.seedEnvironment("mobile-app", "behind", "Made behind the portal");
        assertThat(page("/environments?project=mobile-app")).as("the list is cached")
            .doesNotContain("Made behind the portal");

        mvc.perform(post("/environments/new").with(TestUsers.editor())
            .with(csrf())
            .with(FormTokens.fresh())
            .param("projectKey", "mobile-app")
            .param("name", "Made through the portal")
            .param("key", "through")
            .param("color", "417505")
            .param("defaultTtl", "0")).andExpect(status().is3xxRedirection());

        assertThat(page("/environments?project=mobile-app")).contains("Made through the portal",
                "Made behind the portal");
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path).with(TestUsers.editor()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    }

}
