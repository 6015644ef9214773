package org.ldportal.testsupport;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The templates and plans of the tests that use them: a clean start on the shared
 * database, and a template saved as an admin would.
 */
public final class GoldenPaths {

    private GoldenPaths() {
    }

    /** No plans and no templates (a plan's steps first: they refer to it). */
    public static void clear(JdbcClient jdbc) {
        clearPlans(jdbc);
        jdbc.sql("DELETE FROM template_version").update();
        jdbc.sql("DELETE FROM template").update();
    }

    public static void clearPlans(JdbcClient jdbc) {
        jdbc.sql("DELETE FROM plan_step").update();
        jdbc.sql("DELETE FROM plan").update();
    }

    /** Saves a template as version {@code basedOn + 1}, as an admin on the admin page. */
    public static void save(MockMvc mvc, String key, int basedOn, String document) throws Exception {
        mvc.perform(post("/admin/templates/save").param("key", key)
            .param("basedOn", String.valueOf(basedOn))
            .param("document", document)
            .with(csrf())
            .with(TestUsers.admin())).andExpect(status().is3xxRedirection());
    }

}
