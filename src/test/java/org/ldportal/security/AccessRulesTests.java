package org.ldportal.security;

import org.junit.jupiter.api.Test;
import org.ldportal.testsupport.FormTokens;
import org.ldportal.testsupport.TestUsers;
import org.ldportal.testsupport.WebSliceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The access rules of {@link SecurityConfig}, checked against stand-in endpoints at the
 * real paths so that the rules are tested on their own, whatever the feature controllers
 * do.
 */
@WebMvcTest(controllers = AccessRulesTests.Endpoints.class)
@WebSliceTest
@Import(AccessRulesTests.Endpoints.class)
class AccessRulesTests {

    @Autowired
    private MockMvc mvc;

    @Test
    void pageWhenTheSignInIsOlderThanTheAbsoluteLifetimeThenSentToSignInAgain() throws Exception {
        org.springframework.mock.web.MockHttpSession session = new org.springframework.mock.web.MockHttpSession();
        mvc.perform(get("/environments/new").with(TestUsers.editor()).session(session)).andExpect(status().isOk());
        assertThat(session.getAttribute(SessionLifetimeFilter.SIGNED_IN_AT)).as("noted on the first request")
            .isNotNull();

        session.setAttribute(SessionLifetimeFilter.SIGNED_IN_AT,
                java.time.Instant.now().minus(java.time.Duration.ofHours(13)));
        mvc.perform(get("/environments/new").with(TestUsers.editor()).session(session))
            .andExpect(status().isFound())
            .andExpect(redirectedUrl("/oauth2/authorization/sso"));
        assertThat(session.isInvalid()).isTrue();

        org.springframework.mock.web.MockHttpSession fragment = new org.springframework.mock.web.MockHttpSession();
        fragment.setAttribute(SessionLifetimeFilter.SIGNED_IN_AT,
                java.time.Instant.now().minus(java.time.Duration.ofHours(13)));
        mvc.perform(
                get("/destinations/new").header("X-Requested-With", "fetch").with(TestUsers.editor()).session(fragment))
            .andExpect(status().isUnauthorized());
    }

    @Test
    void pageWhenSignedInWithinTheLifetimeThenServed() throws Exception {
        org.springframework.mock.web.MockHttpSession session = new org.springframework.mock.web.MockHttpSession();
        session.setAttribute(SessionLifetimeFilter.SIGNED_IN_AT,
                java.time.Instant.now().minus(java.time.Duration.ofHours(11)));

        mvc.perform(get("/environments/new").with(TestUsers.editor()).session(session)).andExpect(status().isOk());
    }

    @Test
    void createPageWhenAnonymousThenSentToSignIn() throws Exception {
        mvc.perform(get("/environments/new"))
            .andExpect(status().isFound())
            .andExpect(redirectedUrl("/oauth2/authorization/sso"));
    }

    @Test
    void fragmentWhenAnonymousThenUnauthorizedInsteadOfLoginPage() throws Exception {
        mvc.perform(get("/destinations/new").header("X-Requested-With", "fetch")).andExpect(status().isUnauthorized());
    }

    @Test
    void createPagesWhenViewerThenForbidden() throws Exception {
        for (String page : new String[] { "/environments/new", "/destinations/new", "/integrations/slack/new" }) {
            mvc.perform(get(page).with(TestUsers.viewer())).andExpect(status().isForbidden());
        }
    }

    @Test
    void createWhenViewerPostsThenForbidden() throws Exception {
        mvc.perform(post("/environments/new").with(FormTokens.fresh()).with(TestUsers.viewer()).with(csrf()))
            .andExpect(status().isForbidden());
    }

    @Test
    void createPagesWhenEditorThenAllowed() throws Exception {
        for (String page : new String[] { "/environments/new", "/destinations/new", "/integrations/slack/new" }) {
            mvc.perform(get(page).with(TestUsers.editor()))
                .andExpect(status().isOk())
                .andExpect(content().string("ok"));
        }
    }

    @Test
    void createWhenEditorPostsWithoutCsrfTokenThenForbidden() throws Exception {
        mvc.perform(post("/environments/new").with(FormTokens.fresh()).with(TestUsers.editor()))
            .andExpect(status().isForbidden());
    }

    @Test
    void createWhenEditorPostsWithCsrfTokenThenAllowed() throws Exception {
        mvc.perform(post("/environments/new").with(FormTokens.fresh()).with(TestUsers.editor()).with(csrf()))
            .andExpect(status().isOk());
    }

    @Test
    void everythingWhenAdminThenAllowed() throws Exception {
        for (String page : new String[] { "/environments/new", "/destinations/new", "/integrations", "/audit" }) {
            mvc.perform(get(page).with(TestUsers.admin())).andExpect(status().isOk());
        }
        mvc.perform(post("/integrations/manifests/refresh").with(TestUsers.admin()).with(csrf()))
            .andExpect(status().isOk());
    }

    @Test
    void refreshManifestsWhenEditorThenForbidden() throws Exception {
        mvc.perform(post("/integrations/manifests/refresh").with(TestUsers.editor()).with(csrf()))
            .andExpect(status().isForbidden());
    }

    @Test
    void auditAndIntegrationListWhenViewerThenAllowed() throws Exception {
        mvc.perform(get("/audit").with(TestUsers.viewer())).andExpect(status().isOk());
        mvc.perform(get("/integrations").with(TestUsers.viewer())).andExpect(status().isOk());
    }

    @Test
    void auditWhenSignedInWithoutRoleThenForbidden() throws Exception {
        mvc.perform(get("/audit").with(TestUsers.withoutRole())).andExpect(status().isForbidden());
    }

    @Test
    void actuatorEndpointsOtherThanHealthWhenAdminThenForbidden() throws Exception {
        mvc.perform(get("/actuator/env").with(TestUsers.admin())).andExpect(status().isForbidden());
    }

    @Test
    void pagesThenCarryContentSecurityPolicy() throws Exception {
        mvc.perform(get("/audit").with(TestUsers.viewer()))
            .andExpect(header().string("Content-Security-Policy",
                    org.hamcrest.Matchers.containsString("script-src 'self'")));
    }

    @TestConfiguration
    @RestController
    static class Endpoints {

        @GetMapping({ "/environments/new", "/destinations/new", "/integrations/{key}/new", "/integrations", "/audit" })
        String page() {
            return "ok";
        }

        @PostMapping({ "/environments/new", "/integrations/manifests/refresh" })
        String create() {
            return "ok";
        }

    }

}
