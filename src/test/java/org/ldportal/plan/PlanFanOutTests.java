package org.ldportal.plan;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ldportal.sandbox.LaunchDarklySandbox;
import org.ldportal.testsupport.GoldenPaths;
import org.ldportal.testsupport.FormTokens;
import org.ldportal.testsupport.PortalIntegrationTest;
import org.ldportal.testsupport.ReviewForms;
import org.ldportal.testsupport.StoredSession;
import org.ldportal.testsupport.TestUsers;
import org.ldportal.testsupport.WithUncachedDirectory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * One template over several targets (its forEach): the same audit-log subscription for
 * three projects, each its own policy. One review, one plan, a result for each target,
 * each an audited attempt; a refusal stops it and the same resume finishes it.
 */
@WithUncachedDirectory
class PlanFanOutTests extends PortalIntegrationTest {

    private static final String SIGNING_SECRET = "ss-FANOUT-secret-99";

    private static final String TEMPLATE = """
            { "name": "Team trail per project",
              "questions": [ { "key": "team", "label": "Team", "required": true, "pattern": "[a-z]+" },
                             { "key": "projects", "label": "Projects", "type": "projects" } ],
              "forEach": "projects",
              "steps": [ { "type": "audit-log-subscription", "integration": "acme-webhooks",
                "values": { "name": "${team} trail for ${projects}",
                            "config.URL": "https://hooks.example.com/${team}/${projects}",
                            "policy.resources": [ "proj/${projects}:env/*:flag/*" ] },
                "open": [ "config.signingSecret" ] } ] }
            """;

    private final LaunchDarklySandbox sandbox = LaunchDarklySandbox.shared();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SessionRepository<? extends Session> sessions;

    private StoredSession session;

    @BeforeEach
    void aTemplateAndAThirdProject() throws Exception {
        GoldenPaths.clear(jdbc);
        sandbox.addProject("payments", "Payments", "production", "Production", "test", "Test");
        session = StoredSession.open(sessions);
        GoldenPaths.save(mvc, "trails", 0, TEMPLATE);
    }

    @Test
    void templateWhenAppliedToThreeProjectsThenOneReviewAndAResultForEachStoppedThenResumed() throws Exception {
        assertThat(page("/templates/trails")).contains("name=\"value[projects]\"", "Payments (payments)");
        String review = ReviewForms.review(mvc,
                post("/templates/trails").param("value[team]", "ops")
                    .param("value[projects]", "mobile-app", "web-store", "payments")
                    .param("value[s1.config.signingSecret]", SIGNING_SECRET),
                TestUsers.editor(), session);
        assertThat(HtmlUtils.htmlUnescape(review)).contains(
                "Step 1: Subscribe Acme Webhooks to the audit log, for mobile-app",
                "Step 2: Subscribe Acme Webhooks to the audit log, for web-store",
                "Step 3: Subscribe Acme Webhooks to the audit log, for payments", "proj/payments:env/*:flag/*");
        assertThat(review).doesNotContain(SIGNING_SECRET);

        // LaunchDarkly refuses the first once: nothing made, the plan stopped at it.
        sandbox.failNextPost("/integrations/acme-webhooks", 400, "invalid_request", "URL is not reachable");
        String location = ReviewForms.confirm(mvc, "/templates/trails", review, TestUsers.editor(), session);
        long plan = Long.parseLong(location.substring("/plans/".length()));
        GoldenPaths.awaitPlan(jdbc, plan);
        assertThat(statuses(plan)).containsExactly("mobile-app REJECTED", "web-store WAITING", "payments WAITING");
        assertThat(sandbox.subscriptions("acme-webhooks")).noneMatch(s -> s.path("name").asString().startsWith("ops"));

        mvc.perform(post("/plans/" + plan + "/resume").with(FormTokens.fresh())
            .with(csrf())
            .with(TestUsers.editor())
            .with(session)).andExpect(status().is3xxRedirection());
        GoldenPaths.awaitPlan(jdbc, plan);

        assertThat(statuses(plan)).containsExactly("mobile-app SUCCEEDED", "web-store SUCCEEDED", "payments SUCCEEDED");
        String page = page("/plans/" + plan);
        assertThat(page).contains("Made for 3 targets", "data-target=\"payments\"", "Done: every step succeeded.");
        List<String> policies = sandbox.subscriptions("acme-webhooks")
            .stream()
            .filter(s -> s.path("name").asString().startsWith("ops trail"))
            .map(s -> s.path("name").asString() + " " + resources(s))
            .sorted()
            .toList();
        assertThat(policies).containsExactly("ops trail for mobile-app proj/mobile-app:env/*:flag/*",
                "ops trail for payments proj/payments:env/*:flag/*",
                "ops trail for web-store proj/web-store:env/*:flag/*");
        Long entry = jdbc.sql("SELECT audit_id FROM plan WHERE id = :id").param("id", plan).query(Long.class).single();
        assertThat(jdbc
            .sql("SELECT outcome FROM audit_entry WHERE attempt_id = :entry "
                    + "AND resource_type = 'audit-log-subscription' AND outcome <> 'STARTED' ORDER BY id")
            .param("entry", entry)
            .query(String.class)
            .list()).containsExactly("REJECTED", "SUCCEEDED", "SUCCEEDED", "SUCCEEDED");
    }

    @Test
    void forEachWhenNoTargetChosenThenSaidAtTheQuestion() throws Exception {
        String page = ReviewForms.review(mvc, post("/templates/trails").param("value[team]", "ops")
            .param("value[s1.config.signingSecret]", SIGNING_SECRET), TestUsers.editor(), session);
        assertThat(page).contains("id=\"value-projects-error\"").doesNotContain(SIGNING_SECRET);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM plan").query(Integer.class).single()).isZero();
    }

    @Test
    void destinationFormWhenAppliedToTwoEnvironmentsThenOneReviewAndOneDestinationInEach() throws Exception {
        String form = page("/templates/several.destination.segment");
        assertThat(form).contains("name=\"value[targets]\"", "value=\"web-store/test\"", "name=\"value[s1.name]\"",
                "name=\"value[s1.config.writeKey]\"");
        String review = HtmlUtils.htmlUnescape(mvc.perform(post("/templates/several.destination.segment")
            .param("value[targets]", "mobile-app/test", "web-store/test")
            .param("value[s1.name]", "Events to Segment")
            .param("value[s1.on]", "true")
            .param("value[s1.config.writeKey]", SIGNING_SECRET)
            .with(FormTokens.unreviewed())
            .with(csrf())
            .with(TestUsers.editor())
            .with(session)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(review)
            .contains("The same Data Export destination (segment) in several environments",
                    "Step 1: Create a Data Export destination, for mobile-app/test",
                    "Step 2: Create a Data Export destination, for web-store/test")
            .doesNotContain(SIGNING_SECRET);

        String location = ReviewForms.confirm(mvc, "/templates/several.destination.segment", review, TestUsers.editor(),
                session);
        long plan = Long.parseLong(location.substring("/plans/".length()));
        GoldenPaths.awaitPlan(jdbc, plan);
        assertThat(statuses(plan)).containsExactly("mobile-app/test SUCCEEDED", "web-store/test SUCCEEDED");
        assertThat(sandbox.requests()
            .stream()
            .filter(r -> r.method().equals("POST") && r.path().contains("/destinations/"))
            .map(r -> r.path() + " " + r.body().contains(SIGNING_SECRET)))
            .containsExactly("/api/v2/destinations/mobile-app/test true", "/api/v2/destinations/web-store/test true");
        assertThat(jdbc.sql("SELECT template_key FROM plan WHERE id = :id")
            .param("id", plan)
            .query(String.class)
            .optional()).isEmpty();
    }

    @Test
    void destinationFormForSeveralWhenAWarehouseOrNotAKindOrAViewerThenRefusedWithWords() throws Exception {
        assertThat(page("/templates/several.environment")).contains("The same environment in several projects",
                "name=\"value[targets]\"", "Payments (payments)", "name=\"value[s1.key]\"");
        assertThat(page("/environments/new")).contains("href=\"/templates/several.environment\"");
        mvc.perform(get("/templates/several.destination.snowflake-v2").with(TestUsers.editor()))
            .andExpect(status().isConflict());
        mvc.perform(get("/templates/several.audit-log-subscription.slack").with(TestUsers.editor()))
            .andExpect(status().isNotFound());
        mvc.perform(get("/templates/several.destination.segment").with(TestUsers.viewer()))
            .andExpect(status().isForbidden());
        assertThat(mvc.perform(get("/destinations/new").param("kind", "segment").with(TestUsers.editor()))
            .andReturn()
            .getResponse()
            .getContentAsString()).contains("href=\"/templates/several.destination.segment\"");
    }

    private static String resources(JsonNode subscription) {
        return subscription.path("statements").path(0).path("resources").path(0).asString();
    }

    private List<String> statuses(long plan) {
        return jdbc.sql("SELECT target || ' ' || status FROM plan_step WHERE plan_id = :plan ORDER BY position")
            .param("plan", plan)
            .query(String.class)
            .list();
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path).with(TestUsers.editor()).with(session))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    }

}
