package org.ldportal.change;

import org.junit.jupiter.api.Test;
import org.ldportal.testsupport.PortalIntegrationTest;
import org.ldportal.testsupport.StoredSession;
import org.ldportal.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A form another site posts at the portal while the person is signed out is refused, and
 * leaves nothing behind: no session is made for it (its cookie would replace the
 * person's), and nothing is kept to be shown to them after signing in.
 *
 * <p>
 * In a context of its own, in which no test uses Spring Security's {@code csrf()} test
 * support: that support swaps the CSRF filter's token repository for a session-backed one
 * of its own, for the whole context, which would make the session this test says is not
 * made.
 */
@TestPropertySource(properties = "portal.test.context=cross-site-forms")
class CrossSiteFormsTests extends PortalIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    SessionRepository<? extends Session> sessions;

    @Test
    void formWhenAnotherSitePostsItThenRefusedAndNothingKeptNorSessionMade() throws Exception {
        // Sent cross-site the browser carries no session cookie (SameSite=Lax): no
        // session is made for it.
        MvcResult refused = mvc
            .perform(post("/integrations/log-stream/new?type=subscription").header("Sec-Fetch-Site", "cross-site")
                .header("Origin", "https://evil.example")
                .param("name", "Everything to evil")
                .param("config[base-url]", "https://evil.example/collect"))
            .andExpect(status().isForbidden())
            .andReturn();
        assertThat(refused.getResponse().getCookie(StoredSession.COOKIE)).isNull();
        assertThat(refused.getRequest().getSession(false)).as("no session made").isNull();

        // Even naming the person's session (an old browser, a lax cookie): another origin
        // keeps nothing.
        StoredSession session = StoredSession.open(sessions);
        mvc.perform(post("/integrations/log-stream/new?type=subscription").with(session)
            .header("Origin", "https://evil.example")
            .param("name", "Everything to evil")).andExpect(status().isForbidden());
        mvc.perform(get("/integrations/log-stream/new").param("type", "subscription")
            .with(session)
            .with(TestUsers.editor())).andExpect(content().string(not(containsString("Everything to evil"))));
    }

}
