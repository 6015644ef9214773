package org.ldportal.plan;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ldportal.approval.WithApprovalRules;
import org.ldportal.sandbox.LaunchDarklySandbox;
import org.ldportal.testsupport.GoldenPaths;
import org.ldportal.testsupport.FormTokens;
import org.ldportal.testsupport.PortalIntegrationTest;
import org.ldportal.testsupport.ReviewForms;
import org.ldportal.testsupport.StoredSession;
import org.ldportal.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A plan with a step an approval rule covers (an environment whose key starts with
 * {@code prod}): it waits as one request, nothing sent; once approved, every step runs as
 * the requester, linked to the request and naming the approver.
 */
@WithApprovalRules
class PlanApprovalTests extends PortalIntegrationTest {

    private static final String WRITE_KEY = "wk-APPROVED-PLAN-secret";

    /** An approver who is no admin: a release manager, and an editor. */
    private static final RequestPostProcessor RITA = TestUsers.user("rita", "Rita Release", "release-managers",
            TestUsers.EDITOR_GROUP);

    private final LaunchDarklySandbox sandbox = LaunchDarklySandbox.shared();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SessionRepository<? extends Session> sessions;

    private StoredSession session;

    private String team;

    @BeforeEach
    void aTemplateForProduction() throws Exception {
        GoldenPaths.clear(jdbc);
        jdbc.sql("DELETE FROM approval_request").update();
        session = StoredSession.open(sessions);
        team = "t" + System.nanoTime() % 1_000_000;
        String template = TemplateSamples.STARTER.replace("\"${team}-qa\"", "\"prod-${team}\"");
        GoldenPaths.save(mvc, "prod", 0, template);
    }

    /**
     * The requests and plans made here go, so that the tests after it that count a
     * person's requests (the header's badge) on the shared database count their own.
     */
    @AfterEach
    void forgetRequestsAndPlans() {
        jdbc.sql("DELETE FROM approval_request").update();
        GoldenPaths.clearPlans(jdbc);
    }

    @Test
    void planWhenAStepNeedsApprovalThenOneRequestAndOnceApprovedEveryStepRunsAsTheRequester() throws Exception {
        String review = review();
        assertThat(review).contains("Production needs a second person", ">Request approval</button>")
            .doesNotContain(WRITE_KEY);

        String location = ReviewForms.confirm(mvc, "/templates/prod", review, TestUsers.editor(), session);
        assertThat(location).startsWith("/requests/");
        long request = Long.parseLong(location.substring("/requests/".length()));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM plan").query(Integer.class).single()).as("nothing run yet").isZero();
        assertThat(sandbox.environmentsOf("mobile-app")).noneMatch(e -> e.get("key").asString().equals("prod-" + team));
        String approverPage = mvc.perform(get("/requests/" + request).with(TestUsers.admin()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(HtmlUtils.htmlUnescape(approverPage)).contains("Step 1: Create an environment",
                "Step 2: Create a Data Export destination", "data-testid=\"approve\"");
        assertThat(approverPage).doesNotContain(WRITE_KEY);

        mvc.perform(post("/requests/" + request + "/approve").param("comment", "A team's production, fine")
            .with(csrf())
            .with(TestUsers.admin())).andExpect(status().is3xxRedirection());

        Map<String, Object> row = jdbc
            .sql("SELECT outcome, outcome_link, audit_id FROM approval_request WHERE id = :id")
            .param("id", request)
            .query()
            .singleRow();
        assertThat(row.get("outcome")).isEqualTo("SUCCEEDED");
        long plan = jdbc.sql("SELECT id FROM plan").query(Long.class).single();
        assertThat(row.get("outcome_link")).isEqualTo("/plans/" + plan);
        assertThat(jdbc.sql("SELECT owner_subject || ' ' || status FROM plan").query(String.class).single())
            .isEqualTo("eddie DONE");
        assertThat(sandbox.environmentsOf("mobile-app")).anyMatch(e -> e.get("key").asString().equals("prod-" + team));
        long requested = ((Number) row.get("audit_id")).longValue();
        List<String> steps = jdbc
            .sql("SELECT resource_type || ' ' || outcome || ' ' || actor_subject || ' ' || approved_by FROM audit_entry "
                    + "WHERE attempt_id = :requested AND resource_type <> 'plan' AND outcome <> 'APPROVED' ORDER BY id")
            .param("requested", requested)
            .query(String.class)
            .list();
        assertThat(steps).containsExactly("environment STARTED eddie Ada Admin (ada)",
                "environment SUCCEEDED eddie Ada Admin (ada)", "destination STARTED eddie Ada Admin (ada)",
                "destination SUCCEEDED eddie Ada Admin (ada)");
    }

    @Test
    void planWhenItStopsAfterApprovalThenItsApproverMayResumeIt() throws Exception {
        String review = review();
        String location = ReviewForms.confirm(mvc, "/templates/prod", review, TestUsers.editor(), session);
        sandbox.failNextPost("/destinations/", 400, "invalid_request", "writeKey is not valid for this source");
        mvc.perform(post(location + "/approve").param("comment", "Fine").with(csrf()).with(RITA))
            .andExpect(status().is3xxRedirection());
        long plan = jdbc.sql("SELECT id FROM plan").query(Long.class).single();
        assertThat(jdbc.sql("SELECT status FROM plan").query(String.class).single()).isEqualTo("STOPPED");

        String page = mvc.perform(get("/plans/" + plan).with(RITA))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(page).contains("data-testid=\"resume\"");
        mvc.perform(get("/plans/" + plan)
            .with(TestUsers.user("otto", "Otto Other", "release-managers", TestUsers.EDITOR_GROUP)))
            .andExpect(status().isNotFound());
        mvc.perform(post("/plans/" + plan + "/resume").with(FormTokens.fresh()).with(csrf()).with(RITA))
            .andExpect(status().is3xxRedirection());

        assertThat(GoldenPaths.awaitPlan(jdbc, plan)).isEqualTo("DONE");
        assertThat(jdbc
            .sql("SELECT actor_subject FROM audit_entry WHERE resource_type = 'destination' AND outcome = 'SUCCEEDED' "
                    + "ORDER BY id DESC")
            .query(String.class)
            .list()).first().isEqualTo("rita");
    }

    @Test
    void planWhenAStepWouldBeRefusedByTheTimeItIsApprovedThenNotApprovedAndNothingRun() throws Exception {
        String review = review();
        String location = ReviewForms.confirm(mvc, "/templates/prod", review, TestUsers.editor(), session);
        // Meanwhile someone makes the environment's key in LaunchDarkly itself.
        sandbox.seedEnvironment("mobile-app", "prod-" + team, "Made meanwhile");

        String refused = HtmlUtils.htmlUnescape(mvc
            .perform(post(location + "/approve").param("comment", "Fine").with(csrf()).with(TestUsers.admin()))
            .andReturn()
            .getResponse()
            .getContentAsString()
                + mvc.perform(get(location).with(TestUsers.admin())).andReturn().getResponse().getContentAsString());
        assertThat(refused).contains("LaunchDarkly would refuse");
        assertThat(jdbc.sql("SELECT status FROM approval_request WHERE id = :id")
            .param("id", Long.parseLong(location.substring("/requests/".length())))
            .query(String.class)
            .single()).isEqualTo("PENDING");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM plan").query(Integer.class).single()).as("nothing run").isZero();
    }

    @Test
    void severalWhenOneIsInProductionThenOneRequestAndOnceApprovedEachTurnedOffAsTheRequester() throws Exception {
        String test = "web-store/test/"
                + sandbox.seedDestination("web-store", "test", "Store events", "segment", Map.of("writeKey", WRITE_KEY))
                    .get("_id")
                    .asString();
        String production = "web-store/production/" + sandbox
            .seedDestination("web-store", "production", "Store production events", "segment",
                    Map.of("writeKey", WRITE_KEY))
            .get("_id")
            .asString();
        String review = ReviewForms.review(mvc,
                post("/plans/change").param("type", "destination")
                    .param("action", "turn-off")
                    .param("subject", test, production),
                TestUsers.editor(), session);
        assertThat(review).contains("Production needs a second person", ">Request approval</button>");

        String location = ReviewForms.confirm(mvc, "/plans/change", review, TestUsers.editor(), session);
        assertThat(location).startsWith("/requests/");
        assertThat(sandbox.destinations()).as("nothing sent yet").allMatch(d -> d.get("on").asBoolean());
        String approverPage = HtmlUtils.htmlUnescape(mvc.perform(get(location).with(TestUsers.admin()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString());
        assertThat(approverPage).contains("Step 1: Turn off a Data Export destination",
                "Step 2: Turn off a Data Export destination", "Store production events (Segment)");

        mvc.perform(post(location + "/approve").param("comment", "Pausing the exports")
            .with(csrf())
            .with(TestUsers.admin())).andExpect(status().is3xxRedirection());

        assertThat(sandbox.destinations()).noneMatch(d -> d.get("on").asBoolean());
        assertThat(jdbc.sql("SELECT owner_subject || ' ' || status FROM plan").query(String.class).single())
            .isEqualTo("eddie DONE");
        long requested = jdbc.sql("SELECT audit_id FROM approval_request WHERE id = :id")
            .param("id", Long.parseLong(location.substring("/requests/".length())))
            .query(Long.class)
            .single();
        assertThat(jdbc
            .sql("SELECT action || ' ' || outcome || ' ' || actor_subject || ' ' || approved_by FROM audit_entry "
                    + "WHERE attempt_id = :requested AND resource_type = 'destination' AND outcome <> 'STARTED' "
                    + "ORDER BY id")
            .param("requested", requested)
            .query(String.class)
            .list())
            .containsExactly("turn-off SUCCEEDED eddie Ada Admin (ada)", "turn-off SUCCEEDED eddie Ada Admin (ada)");
    }

    /** The review of the production template, as the editor fills it in. */
    private String review() throws Exception {
        return ReviewForms.review(mvc,
                post("/templates/prod").param("value[project]", "mobile-app")
                    .param("value[team]", team)
                    .param("value[s2.config.writeKey]", WRITE_KEY),
                TestUsers.editor(), session);
    }

}
