package org.ldportal.testsupport;

import java.time.Instant;

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

    /**
     * Waits for a plan run in the background (a person's run or resume) to end, as its
     * page would: stopped, done or undone; fails after 30 seconds still running.
     */
    public static String awaitPlan(JdbcClient jdbc, long plan) {
        Instant until = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(until)) {
            String status = jdbc.sql("SELECT status FROM plan WHERE id = :id")
                .param("id", plan)
                .query(String.class)
                .single();
            if (!"RUNNING".equals(status)) {
                return status;
            }
            try {
                Thread.sleep(25);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("Plan " + plan + " was still running after 30 seconds");
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
