package org.ldportal.change;

import org.ldportal.change.pages.SignedOutForms;
import java.util.Collections;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.ldportal.sandbox.LaunchDarklySandbox;
import org.ldportal.testsupport.PortalIntegrationTest;
import org.ldportal.testsupport.StoredSession;
import org.ldportal.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A form sent after the sign-in session ended (its CSRF token belongs to the old session)
 * comes back filled once the person has signed in again: nothing is sent, nothing typed
 * is lost but the secrets.
 */
class SignedOutFormsTests extends PortalIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    org.springframework.session.SessionRepository<? extends org.springframework.session.Session> sessions;

    @Test
    void environmentWhenSentAfterTheSessionEndedThenFilledAgainAfterSigningIn() throws Exception {
        StoredSession session = StoredSession.open(sessions);

        mvc.perform(post("/environments/new").with(session)
            .header("Sec-Fetch-Site", "same-origin")
            .param("_csrf", "token-of-the-old-session")
            .param("projectKey", "mobile-app")
            .param("name", "Signed Out QA")
            .param("key", "signed-out-qa")
            .param("color", "112233")
            .param("tags", "team-a")).andExpect(redirectedUrl("/environments/new"));

        mvc.perform(get("/environments/new").with(session).with(TestUsers.editor()))
            .andExpect(status().isOk())
            .andExpect(content().string(allOf(containsString("You were signed out before this form reached the portal"),
                    containsString("value=\"Signed Out QA\""), containsString("value=\"signed-out-qa\""),
                    containsString("value=\"112233\""), containsString("value=\"team-a\""))));
        mvc.perform(get("/environments/new").with(session).with(TestUsers.editor()))
            .andExpect(content().string(not(containsString("You were signed out"))));
        assertThat(LaunchDarklySandbox.shared().requests()).noneMatch(request -> request.method().equals("POST"));
    }

    @Test
    void integrationWhenSentAfterTheSessionEndedThenFilledAgainButNotItsSecrets() throws Exception {
        StoredSession session = StoredSession.open(sessions);

        // As the page's form sends it: the type is in the form's address.
        mvc.perform(post("/integrations/log-stream/new?type=subscription").with(session)
            .header("Sec-Fetch-Site", "same-origin")
            .param("_csrf", "token-of-the-old-session")
            .param("name", "Logs after sign-out")
            .param("config[base-url]", "https://logs.example.com")
            .param("config[token]", "tok-signed-out-99")
            .param("statements[0].resources", "proj/*:env/qa:flag/*")
            .param("statements[0].actions", "*"))
            .andExpect(redirectedUrl("/integrations/log-stream/new?type=subscription"));
        String stored = String.join(" ",
                Collections.list(session.getAttributeNames())
                    .stream()
                    .map(name -> String.valueOf(session.getAttribute(name)))
                    .toList());
        assertThat(stored).as("kept encrypted").doesNotContain("tok-signed-out-99");

        mvc.perform(get("/integrations/log-stream/new").param("type", "subscription")
            .with(session)
            .with(TestUsers.editor()))
            .andExpect(status().isOk())
            .andExpect(content()
                .string(allOf(containsString("You were signed out"), containsString("value=\"Logs after sign-out\""),
                        containsString("value=\"https://logs.example.com\""), containsString("proj/*:env/qa:flag/*"),
                        not(containsString("tok-signed-out-99")))));
    }

    @Test
    void formWhenItsSessionExpiredThenKeptInANewSessionAndFilledAgainAfterSigningIn() throws Exception {
        StoredSession expired = StoredSession.open(sessions);
        expired.expire();

        MvcResult kept = mvc
            .perform(post("/destinations/new").with(expired)
                .header("Origin", "http://localhost")
                .param("_csrf", "token-of-the-expired-session")
                .param("projectKey", "mobile-app")
                .param("name", "Expired stream"))
            .andExpect(redirectedUrl("/destinations/new"))
            .andReturn();
        Cookie renewed = kept.getResponse().getCookie(StoredSession.COOKIE);
        assertThat(renewed).as("a new session for the kept form").isNotNull();

        mvc.perform(get("/destinations/new").cookie(renewed).with(TestUsers.editor()))
            .andExpect(content().string(allOf(containsString("You were signed out before this form reached the portal"),
                    containsString("value=\"Expired stream\""))));
    }

    @Test
    void formWhenNoSessionIsNamedOrItIsNotACreateFormThenRefusedAndNothingKept() throws Exception {
        mvc.perform(post("/environments/new").header("Sec-Fetch-Site", "same-origin").param("name", "No session"))
            .andExpect(status().isForbidden());

        StoredSession session = StoredSession.open(sessions);
        mvc.perform(post("/environments/web-store/test/edit").with(session)
            .header("Sec-Fetch-Site", "same-origin")
            .param("name", "Renamed after sign-out")).andExpect(status().isForbidden());
        assertThat(Collections.list(session.getAttributeNames())).as("nothing kept")
            .noneMatch(name -> name.contains("SignedOutForms"));
    }

    @Test
    void formWhenSignedInButTheCsrfTokenIsWrongThenStillForbidden() throws Exception {
        mvc.perform(post("/environments/new").with(TestUsers.editor()).param("_csrf", "forged").param("name", "X"))
            .andExpect(status().isForbidden());
    }

}
