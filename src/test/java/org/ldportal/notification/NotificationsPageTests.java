package org.ldportal.notification;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ldportal.testsupport.PortalIntegrationTest;
import org.ldportal.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The "Notifications" page: every kind of email on until the person turns it off, their
 * choice kept, only for themselves, and only with a CSRF token.
 */
class NotificationsPageTests extends PortalIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    NotificationPreferences preferences;

    @BeforeEach
    void none() {
        jdbc.sql("DELETE FROM notification_preference").update();
    }

    @Test
    void pageWhenNothingChosenThenEveryKindIsOnAndItSaysEmailIsOff() throws Exception {
        String page = page();

        assertThat(page).contains("<label for=\"email-waiting\">A request waits for my approval</label>",
                "aria-describedby=\"email-outcome-help\"", "data-testid=\"email-off\"");
        assertThat(checked(page, "waiting")).isTrue();
        assertThat(checked(page, "decided")).isTrue();
        assertThat(checked(page, "outcome")).isTrue();
    }

    @Test
    void saveWhenSomeKindsUntickedThenTheyAreOffForThatPersonOnly() throws Exception {
        mvc.perform(post("/notifications").param("email", "outcome").with(csrf()).with(TestUsers.editor()))
            .andExpect(status().is3xxRedirection())
            .andExpect(redirectedUrl("/notifications"))
            .andExpect(flash().attribute("saved", true));

        String page = page();
        assertThat(checked(page, "waiting")).isFalse();
        assertThat(checked(page, "decided")).isFalse();
        assertThat(checked(page, "outcome")).isTrue();
        assertThat(checked(page, "deletion")).as("a time-limited environment's reminder").isFalse();
        assertThat(preferences.emailsOf("eddie")).containsExactly(EmailKind.OUTCOME);
        assertThat(preferences.emailsOf("ada")).as("another person's untouched").containsExactly(EmailKind.values());

        mvc.perform(post("/notifications")
            .param("email", "waiting", "reminder", "decided", "outcome", "deletion", "nonsense")
            .with(csrf())
            .with(TestUsers.editor())).andExpect(status().is3xxRedirection());
        assertThat(preferences.emailsOf("eddie")).as("back on; an unknown kind ignored")
            .containsExactly(EmailKind.values());
    }

    @Test
    void saveWhenNoCsrfTokenThenRefusedAndNothingChanges() throws Exception {
        mvc.perform(post("/notifications").with(TestUsers.editor())).andExpect(status().isForbidden());

        assertThat(preferences.emailsOf("eddie")).containsExactly(EmailKind.values());
    }

    private String page() throws Exception {
        return mvc.perform(get("/notifications").with(TestUsers.editor()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    }

    private static boolean checked(String page, String kind) {
        int at = page.indexOf("id=\"email-" + kind + "\"");
        int start = page.lastIndexOf("<input", at);
        return page.substring(start, page.indexOf('>', at)).contains("checked");
    }

}
