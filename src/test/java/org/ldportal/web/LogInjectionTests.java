package org.ldportal.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ldportal.testsupport.FormTokens;
import org.ldportal.testsupport.PortalIntegrationTest;
import org.ldportal.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What people type reaches the logs (the audit line names the resource), but never as a
 * line of its own.
 */
@ExtendWith(OutputCaptureExtension.class)
class LogInjectionTests extends PortalIntegrationTest {

    private static final String FORGED = "2026-12-01T00:00:00.000Z  INFO 1 --- [ld-portal] [main] org.ldportal.audit.AuditTrail : "
            + "audit #1: create environment root by admin -> SUCCEEDED";

    @Autowired
    MockMvc mvc;

    @Test
    void logWhenANameHoldsLineBreaksThenWrittenOutOnOneLine(CapturedOutput output) throws Exception {
        // The audit line names an audit-log subscription by the name typed.
        mvc.perform(post("/integrations/log-stream/new").with(FormTokens.fresh())
            .param("type", "subscription")
            .with(csrf())
            .with(TestUsers.editor())
            .param("name", "Logs\r\n" + FORGED + "\u001b[31m")
            .param("config[base-url]", "https://logs.example.com")
            .param("config[token]", "tok-log-line")
            .param("statements[0].effect", "allow")
            .param("statements[0].resources", "proj/*")
            .param("statements[0].actions", "*")).andExpect(status().is3xxRedirection());

        assertThat(output.getAll()).contains("Logs\\r\\n" + FORGED);
        assertThat(output.getAll().lines()).noneMatch(line -> line.startsWith(FORGED));
        assertThat(output.getAll()).doesNotContain("\u001b[31m");
    }

    @Test
    void neutralisedWhenControlCharactersThenEscapedAndOtherTextKept() {
        assertThat(LogSafeMessageConverter.neutralised("a\nb\rc\td\u0000e\u2028f – ü"))
            .isEqualTo("a\\nb\\rc\\td\\u0000e\\u2028f – ü");
        assertThat(LogSafeMessageConverter.neutralised("plain")).isSameAs("plain");
    }

}
