package org.ldportal.web;

import org.junit.jupiter.api.Test;
import org.ldportal.sandbox.LaunchDarklySandbox;
import org.ldportal.testsupport.PortalIntegrationTest;
import org.ldportal.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The admins' status page against the sandbox: the token, the headroom, failed calls,
 * catalog, database, sessions.
 */
class StatusPageTests extends PortalIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Test
    void statusWhenAdminThenTokenAccountHeadroomCatalogAndDatabase() throws Exception {
        // A call or two first.
        mvc.perform(get("/destinations/new").param("project", "mobile-app").with(TestUsers.admin()));

        String page = mvc.perform(get("/status").with(TestUsers.admin()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();

        assertThat(page).contains("acct-sandbox", "LD Portal (sandbox) (service, service token)", "version 20240415",
                "97 calls left (lowest lately)", "integrations, read", "Schema version", "active, in the database",
                "% answered from the cache");
        assertThat(page).as("no SMTP settings in the tests' portal").contains("off: no SMTP server is set");
        assertThat(page).doesNotContain(LaunchDarklySandbox.shared().token());
    }

    @Test
    void statusWhenLaunchDarklyFailedLatelyThenTheFailedCallsAreListed() throws Exception {
        LaunchDarklySandbox.shared().failNext("/caller-identity", 403, "forbidden", "This token may not do that");
        mvc.perform(get("/status").with(TestUsers.admin()));

        String page = mvc.perform(get("/status").with(TestUsers.admin()))
            .andReturn()
            .getResponse()
            .getContentAsString();

        assertThat(page).contains("data-testid=\"failed-calls\"", "GET /api/v2/caller-identity", "403");
    }

    @Test
    void statusWhenTheTokenIsNotAcceptedThenItSaysAnAdministratorMustReplaceIt() throws Exception {
        LaunchDarklySandbox.shared().failNext("/caller-identity", 401, "unauthorized", "Invalid access token");

        String page = mvc.perform(get("/status").with(TestUsers.admin()))
            .andReturn()
            .getResponse()
            .getContentAsString();

        assertThat(page).contains("not accepted by LaunchDarkly (401)", "An administrator must replace it");
    }

    @Test
    void statusWhenNotAnAdminThenForbidden() throws Exception {
        mvc.perform(get("/status").with(TestUsers.editor())).andExpect(status().isForbidden());
        mvc.perform(get("/status").with(TestUsers.viewer())).andExpect(status().isForbidden());
    }

    @Test
    void statusWhenNoPublicAddressIsSetThenItSaysRedirectsFollowTheRequestsHostAndHowToSetIt() throws Exception {
        String page = mvc.perform(get("/status").with(TestUsers.admin()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();

        assertThat(page).contains("Public address", "built from each request&#39;s host", "PORTAL_WEB_PUBLICURL");
    }

}
