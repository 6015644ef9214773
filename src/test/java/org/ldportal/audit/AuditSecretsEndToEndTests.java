package org.ldportal.audit;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.ldportal.sandbox.LaunchDarklySandbox;
import org.ldportal.testsupport.PortalIntegrationTest;
import org.ldportal.testsupport.FormTokens;
import org.ldportal.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Secrets typed into the real create forms, on success and on failure (with LaunchDarkly
 * echoing them), never appear in any audit page or export.
 */
class AuditSecretsEndToEndTests extends PortalIntegrationTest {

    private static final String POLICY_KEY = "azure-Policy-Key-0001";

    private static final String WRITE_KEY = "segment-Write-Key-0002";

    private static final String TOKEN = "collector-Token-0003";

    @Autowired
    private MockMvc mvc;

    @Autowired
    private AuditRepository audit;

    @Test
    void secretsTypedIntoCreateFormsThenNowhereInAuditPagesOrExports() throws Exception {
        mvc.perform(post("/destinations/new").with(FormTokens.fresh())
            .with(TestUsers.editor())
            .with(csrf())
            .param("projectKey", "mobile-app")
            .param("environmentKey", "production")
            .param("name", "Hub")
            .param("kind", "azure-event-hubs")
            .param("on", "true")
            .param("config[namespace]", "ns")
            .param("config[name]", "hub")
            .param("config[policyName]", "send")
            .param("config[policyKey]", POLICY_KEY));
        LaunchDarklySandbox.shared()
            .failNext("/destinations/", 400, "invalid_request", "config.writeKey: " + WRITE_KEY + " is unknown");
        mvc.perform(post("/destinations/new").with(FormTokens.fresh())
            .with(TestUsers.editor())
            .with(csrf())
            .param("projectKey", "mobile-app")
            .param("environmentKey", "test")
            .param("name", "Seg")
            .param("kind", "segment")
            .param("on", "true")
            .param("config[writeKey]", WRITE_KEY));
        mvc.perform(post("/integrations/log-stream/new").with(FormTokens.fresh())
            .param("type", "subscription")
            .with(TestUsers.editor())
            .with(csrf())
            .param("name", "Logs")
            .param("config[base-url]", "https://logs.example.com")
            .param("config[token]", TOKEN)
            .param("statements[0].effect", "allow")
            .param("statements[0].resources", "proj/*")
            .param("statements[0].actions", "*"));

        List<AuditEntry> entries = audit.findTop50ByOrderByIdDesc();
        assertThat(entries).hasSizeGreaterThanOrEqualTo(3);
        StringBuilder everything = new StringBuilder();
        everything
            .append(mvc.perform(get("/audit").with(TestUsers.admin())).andReturn().getResponse().getContentAsString());
        for (AuditEntry entry : entries) {
            everything.append(mvc.perform(get("/audit/" + entry.id()).with(TestUsers.admin()))
                .andReturn()
                .getResponse()
                .getContentAsString());
        }
        everything.append(mvc.perform(get("/audit/export.csv").with(TestUsers.admin()))
            .andReturn()
            .getResponse()
            .getContentAsString());
        everything.append(mvc.perform(get("/audit/export.jsonl").with(TestUsers.admin()))
            .andReturn()
            .getResponse()
            .getContentAsString());

        assertThat(everything).contains("[REDACTED]").contains("azure-event-hubs").contains("log-stream");
        for (String secret : List.of(POLICY_KEY, WRITE_KEY, TOKEN)) {
            assertThat(everything.toString()).doesNotContain(secret);
        }
    }

}
