package org.ldportal.environment;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ldportal.sandbox.LaunchDarklySandbox;
import org.ldportal.testsupport.PortalIntegrationTest;
import org.ldportal.testsupport.FormTokens;
import org.ldportal.testsupport.StoredSession;
import org.ldportal.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * The SDK and mobile keys LaunchDarkly returns for a new environment never reach a page,
 * the audit trail or a log.
 */
@ExtendWith(OutputCaptureExtension.class)
class EnvironmentSecretsTests extends PortalIntegrationTest {

    @Autowired
    private MockMvc mvc;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private org.springframework.session.SessionRepository<? extends org.springframework.session.Session> sessions;

    @Test
    void createWhenLaunchDarklyReturnsSdkKeysThenTheyAppearNowhere(CapturedOutput output) throws Exception {
        StoredSession session = StoredSession.open(sessions);
        mvc.perform(post("/environments/new").with(FormTokens.fresh())
            .with(TestUsers.editor())
            .with(csrf())
            .with(session)
            .param("projectKey", "web-store")
            .param("name", "Load Test")
            .param("key", "load-test")
            .param("color", "abcdef")
            .param("defaultTtl", "0")).andExpect(redirectedUrl("/environments/created"));
        String page = mvc.perform(get("/environments/created").with(TestUsers.editor()).with(session))
            .andReturn()
            .getResponse()
            .getContentAsString();

        ObjectNode stored = LaunchDarklySandbox.shared()
            .environmentsOf("web-store")
            .stream()
            .filter(environment -> environment.get("key").asString().equals("load-test"))
            .findFirst()
            .orElseThrow();
        String sdkKey = stored.get("apiKey").asString();
        String mobileKey = stored.get("mobileKey").asString();
        String clientSideId = stored.get("_id").asString();
        String audit = String.join(
                "\n", jdbc
                    .sql("SELECT CONCAT(resource_id, ' ', request_body, ' ', COALESCE(error_message, '')) "
                            + "FROM audit_entry")
                    .query(String.class)
                    .list());

        assertThat(page).contains(clientSideId).contains("load-test").doesNotContain(sdkKey).doesNotContain(mobileKey);
        assertThat(audit).contains(clientSideId).doesNotContain(sdkKey).doesNotContain(mobileKey);
        assertThat(output.getAll()).doesNotContain(sdkKey).doesNotContain(mobileKey);
    }

}
