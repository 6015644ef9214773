package org.ldportal.plan;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ldportal.testsupport.PortalIntegrationTest;
import org.ldportal.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The admins' templates against the real kinds (the destination catalog, the sandbox's
 * manifests): a template is saved only when each step can be valid, every save is a
 * version, two admins cannot overwrite each other unseen, retiring keeps the versions,
 * and each save and retirement is in the trail.
 */
class TemplateAdminTests extends PortalIntegrationTest {

    private static final String SEGMENT_KEY = "wk-TEMPLATE-4711-secret";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void noTemplates() {
        jdbc.sql("DELETE FROM template_version").update();
        jdbc.sql("DELETE FROM template").update();
        jdbc.sql("DELETE FROM audit_entry WHERE resource_type = 'template'").update();
    }

    @Test
    void saveWhenEveryStepCanBeValidThenVersionOneListedAndInTheTrail() throws Exception {
        mvc.perform(save("qa-environment", 0, TemplateSamples.STARTER))
            .andExpect(redirectedUrl("/admin/templates/qa-environment"))
            .andExpect(flash().attribute("saved", 1));

        String list = page("/admin/templates");
        assertThat(list).contains("QA environment with Segment export", "qa-environment", "Offered");
        String edit = page("/admin/templates/qa-environment");
        assertThat(edit).contains("Version 1", "Save version 2", "Retire this template")
            .contains(HtmlUtils.htmlEscape("\"${team}-qa\""));
        assertThat(trail()).containsExactly("create qa-environment v1 SUCCEEDED Ada Admin");
        long entry = jdbc.sql("SELECT id FROM audit_entry WHERE resource_type = 'template'").query(Long.class).single();
        assertThat(page("/audit/" + entry)).contains("qa-environment", "Saved as version 1.");
    }

    @Test
    void saveWhenAStepCanNeverBeValidThenNothingSavedAndEachProblemSaidWhereItIs() throws Exception {
        String template = """
                { "name": "Broken", "questions": [ { "key": "team", "label": "Team" } ],
                  "steps": [
                    { "type": "environment", "project": "${project}",
                      "values": { "key": "${team}-qa", "color": "orange", "shade": "dark" } },
                    { "type": "destination", "kind": "segment", "project": "mobile-app", "environment": "test",
                      "values": { "name": "To Segment", "config.writeKey": "%s" } },
                    { "type": "destination", "kind": "carrier-pigeon", "project": "mobile-app", "environment": "test" },
                    { "type": "destination", "kind": "redshift", "project": "mobile-app", "environment": "test" },
                    { "type": "audit-log-subscription", "integration": "acme-webhooks", "project": "mobile-app",
                      "values": { "name": "Trail", "config.URL": "not a url" }, "open": [ "config.signingSecret" ] },
                    { "type": "integration-configuration", "integration": "insights-hub",
                      "values": { "name": "Config" } }
                  ] }
                """.formatted(SEGMENT_KEY);

        String page = mvc.perform(save("broken", 0, template))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();

        assertThat(HtmlUtils.htmlUnescape(page)).contains("steps[0].project", "${project} names no question")
            .contains("steps[0].values.color", "6 hexadecimal digits")
            .contains("steps[0].values.shade", "The form has no field shade")
            .contains("steps[0]", "Name (name) is required")
            .contains("steps[1].values.config.writeKey", "is a secret: a template never holds one")
            .contains("steps[2].kind", "one of google-pubsub, kinesis")
            .contains("steps[3].kind", "set up in two steps")
            .contains("steps[4]", "goes to the whole account")
            .contains("steps[4].values.config.URL")
            .contains("steps[5].integration", "Insights Hub offers no integration configuration the portal can set up");
        // The typed text stays, but the secret written into it is not shown back.
        assertThat(page).contains("carrier-pigeon").doesNotContain(SEGMENT_KEY).contains("aria-invalid=\"true\"");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM template").query(Integer.class).single()).isZero();
        assertThat(trail()).isEmpty();
    }

    @Test
    void saveWhenIntegrationStepsFitTheirManifestThenSaved() throws Exception {
        String template = """
                { "name": "Team audit trail", "questions": [ { "key": "team", "label": "Team" } ],
                  "steps": [ { "type": "audit-log-subscription", "integration": "acme-webhooks",
                    "values": { "name": "${team} trail", "config.URL": "https://hooks.example.com/${team}",
                                "config.format": "json" },
                    "open": [ "config.signingSecret" ] } ] }
                """;
        mvc.perform(save("team-trail", 0, template)).andExpect(flash().attribute("saved", 1));
        // The same with a value the manifest's enum does not have cannot be saved.
        assertThat(body(save("team-trail-2", 0, template.replace("\"json\"", "\"yaml\""))))
            .contains("steps[0].values.config.format");
    }

    @Test
    void saveWhenNotJsonOrBadKeyThenSaidAtTheFieldAndTheTextKept() throws Exception {
        assertThat(HtmlUtils.htmlUnescape(body(save("not-json", 0, "{ \"name\": \"Half")))).contains("This is not JSON",
                "{ \"name\": \"Half");
        assertThat(body(save("Not A Key!", 0, TemplateSamples.STARTER))).contains("id=\"key-error\"")
            .contains("lower-case letters, digits and &#39;-&#39;")
            .contains("value=\"Not A Key!\"");
    }

    @Test
    void checkWhenValidThenSaysSoAndSavesNothing() throws Exception {
        assertThat(body(save("qa", 0, TemplateSamples.STARTER).param("check", "true"))).contains("passes every check");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM template").query(Integer.class).single()).isZero();
    }

    @Test
    void saveWhenChangedThenNextVersionOldOnesKeptAndAStaleSaveRefused() throws Exception {
        mvc.perform(save("qa", 0, TemplateSamples.STARTER)).andExpect(status().is3xxRedirection());
        String second = TemplateSamples.STARTER.replace("\"deleteAfterDays\": 30", "\"deleteAfterDays\": 14");
        mvc.perform(save("qa", 1, second)).andExpect(flash().attribute("saved", 2));

        assertThat(page("/admin/templates/qa")).contains("Version 2", "Version 1", "&quot;deleteAfterDays&quot;: 14");
        assertThat(page("/admin/templates/qa?version=1")).contains("&quot;deleteAfterDays&quot;: 30")
            .contains("This is version 1. Saving makes it version 3.");
        // Another admin opened version 1 and saves over it: refused, their text kept.
        String stale = TemplateSamples.STARTER.replace("\"deleteAfterDays\": 30", "\"deleteAfterDays\": 7");
        assertThat(body(save("qa", 1, stale))).contains("Version 2 was saved by Ada Admin while you were writing")
            .contains("&quot;deleteAfterDays&quot;: 7");
        // And a new template cannot take the key.
        assertThat(body(save("qa", 0, TemplateSamples.STARTER))).contains("A template with the key qa exists already");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM template_version WHERE template_key = 'qa'")
            .query(Integer.class)
            .single()).isEqualTo(2);
        assertThat(trail()).containsExactly("update qa v2 SUCCEEDED Ada Admin", "create qa v1 SUCCEEDED Ada Admin");
    }

    @Test
    void retireThenOffListedAsRetiredInTheTrailAndSavingBringsItBack() throws Exception {
        mvc.perform(save("qa", 0, TemplateSamples.STARTER)).andExpect(status().is3xxRedirection());

        mvc.perform(post("/admin/templates/qa/retire").with(csrf()).with(TestUsers.admin()))
            .andExpect(redirectedUrl("/admin/templates"))
            .andExpect(flash().attribute("retired", "QA environment with Segment export"));
        assertThat(page("/admin/templates")).contains("Retired by Ada Admin");
        assertThat(page("/admin/templates/qa")).contains("Retired: people do not see it")
            .doesNotContain("Retire this template");
        // A second retire changes nothing and records nothing.
        mvc.perform(post("/admin/templates/qa/retire").with(csrf()).with(TestUsers.admin()))
            .andExpect(flash().attribute("retired", (Object) null));

        mvc.perform(save("qa", 1, TemplateSamples.STARTER)).andExpect(flash().attribute("saved", 2));
        assertThat(page("/admin/templates")).contains("Offered").doesNotContain("Retired by");
        assertThat(trail()).containsExactly("update qa v2 SUCCEEDED Ada Admin", "retire qa v1 SUCCEEDED Ada Admin",
                "create qa v1 SUCCEEDED Ada Admin");
    }

    @Test
    void templatesWhenNotAnAdminThenForbidden() throws Exception {
        mvc.perform(get("/admin/templates").with(TestUsers.editor())).andExpect(status().isForbidden());
        mvc.perform(get("/admin/templates/new").with(TestUsers.viewer())).andExpect(status().isForbidden());
        mvc.perform(post("/admin/templates/save").param("key", "qa")
            .param("document", TemplateSamples.STARTER)
            .with(csrf())
            .with(TestUsers.editor())).andExpect(status().isForbidden());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM template").query(Integer.class).single()).isZero();
    }

    @Test
    void templateWhenUnknownThenNotFound() throws Exception {
        mvc.perform(get("/admin/templates/nothing-here").with(TestUsers.admin())).andExpect(status().isNotFound());
    }

    private static MockHttpServletRequestBuilder save(String key, int basedOn, String document) {
        return post("/admin/templates/save").param("key", key)
            .param("basedOn", String.valueOf(basedOn))
            .param("document", document)
            .with(csrf())
            .with(TestUsers.admin());
    }

    private String body(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private String page(String path) throws Exception {
        return body(get(path).with(TestUsers.admin()));
    }

    /** The templates' entries, newest first: "action key version OUTCOME actor". */
    private List<String> trail() {
        return jdbc
            .sql("SELECT action, resource_key, resource_id, outcome, actor_name FROM audit_entry "
                    + "WHERE resource_type = 'template' ORDER BY id DESC")
            .query((rs, n) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4)
                    + " " + rs.getString(5))
            .list();
    }

}
