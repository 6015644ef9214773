package org.ldportal.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ldportal.testsupport.FormTokens;
import org.ldportal.testsupport.PortalIntegrationTest;
import org.ldportal.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Every request has an id: in its answer, on its error page, in its log lines and in the
 * audit entries it writes.
 */
@ExtendWith(OutputCaptureExtension.class)
class RequestIdTests extends PortalIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void createWhenSentThenItsIdIsInTheAnswerTheAuditEntryAndTheLogLines(CapturedOutput output) throws Exception {
        MvcResult created = mvc
            .perform(post("/environments/new").with(FormTokens.fresh())
                .with(csrf())
                .with(TestUsers.editor())
                .param("projectKey", "web-store")
                .param("name", "Traced")
                .param("key", "traced-env")
                .param("color", "417505")
                .param("defaultTtl", "0"))
            .andReturn();
        String id = created.getResponse().getHeader("X-Request-Id");

        assertThat(id).matches("[0-9a-z]{12}");
        assertThat(jdbc.sql("SELECT DISTINCT request_id FROM audit_entry WHERE resource_key = 'traced-env'")
            .query(String.class)
            .list()).containsExactly(id);
        assertThat(output.getAll().lines().filter(line -> line.contains("traced-env"))).isNotEmpty()
            .allMatch(line -> line.contains("[" + id + "]"));
    }

    @Test
    void errorPageWhenShownThenQuotesTheRequestsReference() throws Exception {
        // More policy rows than any form holds: the plain 400 page.
        MvcResult missing = mvc
            .perform(post("/integrations/log-stream/new").with(FormTokens.fresh())
                .param("type", "subscription")
                .with(TestUsers.editor())
                .with(csrf())
                .param("name", "Logs")
                .param("statements[300].effect", "allow"))
            .andReturn();

        String id = missing.getResponse().getHeader("X-Request-Id");
        assertThat(missing.getResponse().getStatus()).isEqualTo(400);
        assertThat(missing.getResponse().getContentAsString()).contains("data-testid=\"request-reference\"")
            .contains("<code>" + id + "</code>");
    }

    @Test
    void idWhenAProxySentOneThenKeptAndWhenItLooksWrongThenReplaced() throws Exception {
        String kept = mvc.perform(get("/signed-out").header("X-Request-Id", "lb-0123456789abcdef"))
            .andReturn()
            .getResponse()
            .getHeader("X-Request-Id");
        String replaced = mvc.perform(get("/signed-out").header("X-Request-Id", "evil\r\nX-Injected: 1"))
            .andReturn()
            .getResponse()
            .getHeader("X-Request-Id");

        assertThat(kept).isEqualTo("lb-0123456789abcdef");
        assertThat(replaced).matches("[0-9a-z]{12}");
    }

    @Test
    void idWhenSentByAClientOnTheInternetThenNotTakenAndAMadeOneInstead() throws Exception {
        String fromOutside = mvc
            .perform(get("/signed-out").header("X-Request-Id", "chosen-by-client-1").with(request -> {
                request.setRemoteAddr("203.0.113.7");
                return request;
            }))
            .andReturn()
            .getResponse()
            .getHeader("X-Request-Id");
        String fromTheProxy = mvc
            .perform(get("/signed-out").header("X-Request-Id", "lb-0123456789abcdef").with(request -> {
                request.setRemoteAddr("10.0.3.4");
                return request;
            }))
            .andReturn()
            .getResponse()
            .getHeader("X-Request-Id");

        assertThat(fromOutside).isNotEqualTo("chosen-by-client-1").matches("[a-z0-9]{12}");
        assertThat(fromTheProxy).isEqualTo("lb-0123456789abcdef");
    }

}
