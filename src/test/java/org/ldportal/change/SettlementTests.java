package org.ldportal.change;

import org.junit.jupiter.api.Test;
import org.ldportal.audit.AuditEntry;
import org.ldportal.audit.AuditOutcome;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** An unclear answer is settled at once by asking LaunchDarkly, and the person is told what is true. */
class SettlementTests extends PortalIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    org.ldportal.audit.AuditRepository audit;

    private java.util.List<AuditEntry> entries() {
        java.util.List<AuditEntry> oldestFirst = new java.util.ArrayList<>(audit.findTop50ByOrderByIdDesc());
        java.util.Collections.reverse(oldestFirst);
        return oldestFirst;
    }

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

    @Test
    void checkNowWhenAnUnknownOutcomeIsLaterFoundThenSettledFromTheAuditEntry() throws Exception {
        // The check right after the unclear answer cannot reach LaunchDarkly; later it can, and the resource is there.
        LaunchDarklySandbox sandbox = LaunchDarklySandbox.shared();
        sandbox.failNextAfterHandling("/api/v2/projects/mobile-app/environments", 504);
        sandbox.failNext("/api/v2/projects/mobile-app/environments", 503, null, null);
        sandbox.failNext("/api/v2/projects/mobile-app/environments", 503, null, null);
        sandbox.failNext("/api/v2/projects/mobile-app/environments", 503, null, null);
        mvc.perform(environment("checked-later")).andExpect(content().string(containsString("may or may not have been created")));
        long id = entries().stream().filter(e -> "checked-later".equals(e.resourceKey()) && e.outcome() == AuditOutcome.UNKNOWN)
                .findFirst().orElseThrow().id();

        mvc.perform(get("/audit/" + id).with(TestUsers.editor())).andExpect(content().string(containsString("Check now")));
        mvc.perform(post("/audit/" + id + "/check").with(TestUsers.editor()).with(csrf()))
                .andExpect(redirectedUrl("/audit/" + id)).andExpect(flash().attribute("checked",
                        containsString("LaunchDarkly has it: it was created.")));
        mvc.perform(get("/audit/" + id).with(TestUsers.editor())).andExpect(content().string(not(containsString("Check now"))));
        assertThat(entries().stream().filter(e -> "checked-later".equals(e.resourceKey())).map(AuditEntry::outcome))
                .containsExactly(AuditOutcome.STARTED, AuditOutcome.UNKNOWN, AuditOutcome.SUCCEEDED);
    }

    @Test
    void checkNowWhenViewerThenForbidden() throws Exception {
        mvc.perform(post("/audit/1/check").with(TestUsers.viewer()).with(csrf())).andExpect(status().isForbidden());
    }

    private static MockHttpServletRequestBuilder environment(String key) {
        return post("/environments/new").with(TestUsers.editor()).with(csrf()).with(FormTokens.fresh())
                .param("projectKey", "mobile-app").param("name", "Env " + key).param("key", key).param("color", "417505")
                .param("defaultTtl", "0");
    }
}
