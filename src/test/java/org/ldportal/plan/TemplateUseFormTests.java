package org.ldportal.plan;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ldportal.testsupport.GoldenPaths;
import org.ldportal.testsupport.PortalIntegrationTest;
import org.ldportal.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The fields a template leaves open keep their manifest's conditions on its short form
 * (the pager-alerts fixture's dependsOn): a condition on another open field names that
 * field as the form has it; one on a value the template fixes is judged at once, leaving
 * the field out, or asking it plainly.
 */
class TemplateUseFormTests extends PortalIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void clean() {
        GoldenPaths.clear(jdbc);
    }

    @Test
    void openFieldWhenItDependsOnAnotherOpenFieldThenItsConditionNamesThatFieldOnTheForm() throws Exception {
        GoldenPaths.save(mvc, "pager", 0, template("critical"));

        String form = HtmlUtils.htmlUnescape(page("/templates/pager"));

        assertThat(form).contains("name=\"value[s1.config.escalationPolicy]\"",
                "\"field\":\"value[s1.config.escalate]\"");
        assertThat(form).as("hidden when severity is critical, which the template fixes")
            .doesNotContain("value[s1.config.quietHours]")
            .doesNotContain("\"field\":\"value[severity]\"")
            .doesNotContain("\"field\":\"value[escalate]\"");
    }

    @Test
    void openFieldWhenItsConditionOnAFixedValueLetsItShowThenAskedPlainly() throws Exception {
        GoldenPaths.save(mvc, "pager", 0, template("warning"));

        String form = HtmlUtils.htmlUnescape(page("/templates/pager"));

        assertThat(form).contains("name=\"value[s1.config.quietHours]\"");
        assertThat(fieldElement(form, "value[s1.config.quietHours]")).as("no condition left to judge")
            .doesNotContain("data-conditions")
            .doesNotContain("hidden");
    }

    @Test
    void openFieldWhenItDependsOnAValueMadeOfAnAnswerThenItsConditionReadsTheQuestion() throws Exception {
        GoldenPaths.save(mvc, "pager", 0, """
                { "name": "Pager for a team",
                  "questions": [ { "key": "severity", "label": "Severity", "type": "select",
                                   "options": [ "critical", "warning" ], "required": true } ],
                  "steps": [ { "type": "integration-configuration", "integration": "pager-alerts",
                    "values": { "name": "Team pager", "config.severity": "${severity}" },
                    "open": [ "config.routingKey", "config.quietHours" ] } ] }
                """);

        String form = HtmlUtils.htmlUnescape(page("/templates/pager"));

        assertThat(fieldElement(form, "value[s1.config.quietHours]")).contains("\"field\":\"value[severity]\"");
    }

    /** The opening tag of the field's block: its wrapper, where its conditions are. */
    private static String fieldElement(String form, String name) {
        String before = form.substring(0, form.indexOf("name=\"" + name + "\""));
        String element = before.substring(before.lastIndexOf("<div class=\"field"));
        return element.substring(0, element.indexOf('>') + 1);
    }

    private static String template(String severity) {
        return """
                { "name": "Pager for a team",
                  "steps": [ { "type": "integration-configuration", "integration": "pager-alerts",
                    "values": { "name": "Team pager", "config.severity": "%s" },
                    "open": [ "config.routingKey", "config.escalate", "config.escalationPolicy", "config.quietHours" ] } ] }
                """
            .formatted(severity);
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path).with(TestUsers.editor()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    }

}
