package org.ldportal.web;

import jakarta.servlet.RequestDispatcher;

import org.junit.jupiter.api.Test;
import org.ldportal.testsupport.PortalIntegrationTest;
import org.ldportal.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The whole portal: sign-in redirect, home page per role, public health, error pages
 * inside the layout.
 */
class PortalPagesTests extends PortalIntegrationTest {

    @Autowired
    private MockMvc mvc;

    @Autowired
    private ClientRegistrationRepository registrations;

    @Test
    void homeWhenAnonymousThenSentToSso() throws Exception {
        mvc.perform(get("/")).andExpect(status().isFound()).andExpect(redirectedUrl("/oauth2/authorization/sso"));
    }

    @Test
    void ssoAuthorizationThenRedirectsToTheIdentityProvider() throws Exception {
        mvc.perform(get("/oauth2/authorization/sso"))
            .andExpect(status().isFound())
            .andExpect(header().string("Location", allOf(containsString("/sso/authorize"),
                    containsString("client_id=ld-portal-local"), containsString("scope=openid"))));
    }

    @Test
    void logoutThenPortalSessionEndsAndProviderSessionIsEndedToo() throws Exception {
        ClientRegistration sso = registrations.findByRegistrationId("sso");
        mvc.perform(post("/logout").with(csrf())
            .with(oidcLogin().clientRegistration(sso)
                .idToken(token -> token.subject("eddie").claim("name", "Eddie Editor"))))
            .andExpect(status().isFound())
            .andExpect(header().string("Location",
                    allOf(startsWith(
                            sso.getProviderDetails().getConfigurationMetadata().get("end_session_endpoint").toString()),
                            containsString("id_token_hint="),
                            containsString("post_logout_redirect_uri=http://localhost/signed-out"))));
    }

    @Test
    void signedOutPageWhenAnonymousThenShown() throws Exception {
        mvc.perform(get("/signed-out"))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("You have signed out")));
    }

    @Test
    void healthWhenAnonymousThenUp() throws Exception {
        mvc.perform(get("/actuator/health"))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("UP")));
    }

    @Test
    void homeWhenEditorThenNameRoleAndCreateLinks() throws Exception {
        mvc.perform(get("/").with(TestUsers.editor()))
            .andExpect(status().isOk())
            .andExpect(content().string(allOf(containsString("Eddie Editor"), containsString(">Editor<"),
                    containsString("href=\"/environments/new\""), containsString("href=\"/destinations/new\""),
                    containsString("Skip to main content"))));
    }

    @Test
    void homeWhenViewerThenNoCreateLinksButAuditTrail() throws Exception {
        mvc.perform(get("/").with(TestUsers.viewer()))
            .andExpect(status().isOk())
            .andExpect(content().string(allOf(containsString(">Viewer<"), containsString("whole audit trail"),
                    not(containsString("Create an environment")))));
    }

    @Test
    void homeWhenSignedInWithoutRoleThenFriendlyNoAccessPage() throws Exception {
        mvc.perform(get("/").with(TestUsers.withoutRole()))
            .andExpect(status().isOk())
            .andExpect(content().string(allOf(containsString("You don't have access to LD Portal yet"),
                    containsString("#launchdarkly-help"), containsString("No access"))));
    }

    @Test
    void unknownPageWhenSignedInThenNotFoundPageInsideLayout() throws Exception {
        // MockMvc does not forward to the error page as the servlet container does; ask
        // for it as the container would.
        mvc.perform(get("/error").accept(MediaType.TEXT_HTML)
            .with(TestUsers.editor())
            .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 404)
            .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/no-such-page"))
            .andExpect(status().isNotFound())
            .andExpect(content()
                .string(allOf(containsString("We couldn't find that page"), containsString("Eddie Editor"))));
    }

    @Test
    void createPageWhenViewerThenForbiddenPageInsideLayout() throws Exception {
        mvc.perform(get("/environments/new").with(TestUsers.viewer())).andExpect(status().isForbidden());
        mvc.perform(get("/error").accept(MediaType.TEXT_HTML)
            .with(TestUsers.viewer())
            .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 403)
            .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/environments/new"))
            .andExpect(status().isForbidden())
            .andExpect(content()
                .string(allOf(containsString("You can't do that with your role"), containsString("Vera Viewer"))));
    }

    @Test
    void serverErrorThenPlainLanguagePageWithoutStackTrace() throws Exception {
        mvc.perform(get("/error").accept(MediaType.TEXT_HTML)
            .with(TestUsers.editor())
            .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 500)
            .requestAttr(RequestDispatcher.ERROR_EXCEPTION, new IllegalStateException("internal detail xyz")))
            .andExpect(status().isInternalServerError())
            .andExpect(content().string(allOf(containsString("Something went wrong on our side"),
                    not(containsString("internal detail xyz")), not(containsString("IllegalStateException")))));
    }

    @Test
    void staticAssetsFromFrontendAssetsThenServed() throws Exception {
        mvc.perform(get("/css/portal.css"))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("--brand")));
        mvc.perform(get("/js/portal.js"))
            .andExpect(status().isOk())
            .andExpect(header().string("Content-Type", startsWith("text/javascript")));
    }

}
