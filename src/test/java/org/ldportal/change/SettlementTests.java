package org.ldportal.change;

import org.junit.jupiter.api.Test;
import org.ldportal.sandbox.LaunchDarklySandbox;
import org.ldportal.testsupport.FormTokens;
import org.ldportal.testsupport.PortalIntegrationTest;
import org.ldportal.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** An unclear answer is settled at once by asking LaunchDarkly, and the person is told what is true. */
class SettlementTests extends PortalIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Test
    void createWhenTheGatewayFailsAfterLaunchDarklyCreatedItThenToldItExistsWithALink() throws Exception {
        LaunchDarklySandbox.shared().failNextAfterHandling("/api/v2/projects/mobile-app/environments", 502);

        mvc.perform(environment("after-all")).andExpect(status().isOk()).andExpect(content().string(allOf(
                containsString("It was created after all."), containsString("the environment was created"),
                containsString("/projects/mobile-app/settings/environments/after-all"),
                not(containsString("may or may not have been created")))));

        mvc.perform(get("/audit").with(TestUsers.admin())).andExpect(content().string(allOf(
                containsString("Env after-all"), containsString("data-testid=\"outcome\">Succeeded<"),
                not(containsString("data-testid=\"outcome\">Unknown<")))));
    }

    @Test
    void createWhenTheAnswerIsA502AndNothingWasCreatedThenToldItIsSafeToSendAgain() throws Exception {
        LaunchDarklySandbox.shared().failNext("/api/v2/projects/mobile-app/environments", 502, null, null);

        mvc.perform(environment("not-made")).andExpect(status().isOk()).andExpect(content().string(allOf(
                containsString("the environment was not created. You can send the form again."),
                containsString("The environment was not created."))));

        assertThat(LaunchDarklySandbox.shared().environmentsOf("mobile-app"))
                .noneMatch(environment -> environment.get("key").asString().equals("not-made"));
    }

    private static MockHttpServletRequestBuilder environment(String key) {
        return post("/environments/new").with(TestUsers.editor()).with(csrf()).with(FormTokens.fresh())
                .param("projectKey", "mobile-app").param("name", "Env " + key).param("key", key).param("color", "417505")
                .param("defaultTtl", "0");
    }
}
