package org.ldportal.plan;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ldportal.change.UnknownOutcomes;
import org.ldportal.change.pages.ReviewPages;
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
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.util.HtmlUtils;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Using a template against the sandbox: the short form, one review of the whole plan
 * (secrets hidden), the steps run in order (each an audited attempt linked to the plan's
 * entry), a step that fails stops the plan, resume finishes it, undo deletes what was
 * made, last first.
 */
class PlanTests extends PortalIntegrationTest {

    private static final String WRITE_KEY = "wk-PLAN-4711-secret";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final LaunchDarklySandbox sandbox = LaunchDarklySandbox.shared();

    @Autowired
    MockMvc mvc;

    @Autowired
    PlanRetention retention;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SessionRepository<? extends Session> sessions;

    @Autowired
    UnknownOutcomes outcomes;

    private StoredSession session;

    private String team;

    @BeforeEach
    void aTemplate() throws Exception {
        GoldenPaths.clear(jdbc);
        session = StoredSession.open(sessions);
        team = "t" + System.nanoTime() % 1_000_000;
        GoldenPaths.save(mvc, "qa", 0, TemplateSamples.STARTER);
    }

    @Test
    void templateWhenAnsweredThenOneReviewOfEveryStepWithoutTheSecret() throws Exception {
        String list = page("/templates");
        assertThat(list).contains("QA environment with Segment export", "Makes 2 things, in order.");
        String form = page("/templates/qa");
        assertThat(form)
            .contains("name=\"value[team]\"", "name=\"value[project]\"", "name=\"value[s2.config.writeKey]\"")
            .contains("Mobile App (mobile-app)");

        String review = review();

        assertThat(HtmlUtils.htmlUnescape(review)).contains("Use the template QA environment with Segment export")
            .contains("Step 1: Create an environment", "Step 2: Create a Data Export destination")
            .contains("POST /api/v2/projects/mobile-app/environments",
                    "POST /api/v2/destinations/mobile-app/" + team + "-qa")
            .contains("\"key\" : \"" + team + "-qa\"", "Run the plan");
        assertThat(review).doesNotContain(WRITE_KEY);
        assertThat(sandbox.environmentsOf("mobile-app")).noneMatch(e -> e.get("key").asString().equals(team + "-qa"));
    }

    @Test
    void planWhenRunThenEveryStepMadeInOrderEachAuditedAndLinkedToThePlan() throws Exception {
        long plan = run(review());

        String page = page("/plans/" + plan);
        assertThat(page).contains("Done: every step succeeded.").doesNotContain(WRITE_KEY);
        assertThat(steps(plan)).containsExactly("SUCCEEDED " + team + "-qa", "SUCCEEDED");
        assertThat(sandbox.environmentsOf("mobile-app")).anyMatch(e -> e.get("key").asString().equals(team + "-qa"));
        destination();
        assertThat(sentWriteKeys()).containsExactly(WRITE_KEY);
        // The plan's entry, and each step's attempt linked to it; the secret in none.
        Long entry = jdbc.sql("SELECT audit_id FROM plan WHERE id = :id").param("id", plan).query(Long.class).single();
        assertThat(jdbc
            .sql("SELECT resource_type || ' ' || action || ' ' || outcome FROM audit_entry "
                    + "WHERE attempt_id = :entry OR id = :entry ORDER BY id")
            .param("entry", entry)
            .query(String.class)
            .list()).containsExactly("plan create STARTED", "environment create STARTED",
                    "environment create SUCCEEDED", "destination create STARTED", "destination create SUCCEEDED",
                    "plan create SUCCEEDED");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE request_body LIKE :secret")
            .param("secret", "%" + WRITE_KEY + "%")
            .query(Integer.class)
            .single()).isZero();
        // The template's "delete after 30 days" is kept for the new environment.
        assertThat(jdbc.sql("SELECT COUNT(*) FROM environment_lifetime WHERE environment_key = :key")
            .param("key", team + "-qa")
            .query(Integer.class)
            .single()).isOne();
    }

    @Test
    void stepWhenRefusedThenPlanStopsResumeFinishesItAndUndoDeletesLastFirst() throws Exception {
        sandbox.failNextPost("/destinations/", 400, "invalid_request", "writeKey is not valid for this source");
        long plan = run(review());

        String stopped = page("/plans/" + plan);
        assertThat(stopped).contains("Stopped: a step did not succeed.", "data-testid=\"resume\"",
                "data-testid=\"undo\"");
        assertThat(steps(plan)).containsExactly("SUCCEEDED " + team + "-qa", "REJECTED");
        assertThat(HtmlUtils.htmlUnescape(stopped)).contains("writeKey is not valid");

        editorPosts(plan, "resume");
        assertThat(steps(plan)).containsExactly("SUCCEEDED " + team + "-qa", "SUCCEEDED");
        destination();
        assertThat(sentWriteKeys()).as("the refused try and the resumed one").containsExactly(WRITE_KEY, WRITE_KEY);
        assertThat(page("/plans/" + plan)).contains("Done: every step succeeded.");

        // An editor may not delete environments: undo deletes the destination, then stops
        // at the environment.
        editorPosts(plan, "undo");
        assertThat(steps(plan)).containsExactly("SUCCEEDED " + team + "-qa", "UNDONE");
        assertThat(page("/plans/" + plan)).contains("Stopped", "an admin can undo the rest")
            .as("resuming would make again what was undone")
            .doesNotContain("data-testid=\"resume\"");
        // An admin undoes the rest.
        mvc.perform(post("/plans/" + plan + "/undo").with(FormTokens.fresh()).with(csrf()).with(TestUsers.admin()))
            .andExpect(status().is3xxRedirection());
        assertThat(page("/plans/" + plan)).contains("Undone: what its steps made was deleted.");
        assertThat(steps(plan)).containsExactly("UNDONE " + team + "-qa", "UNDONE");
        assertThat(sandbox.environmentsOf("mobile-app")).noneMatch(e -> e.get("key").asString().equals(team + "-qa"));
        assertThat(sandbox.destinations()).noneMatch(d -> d.path("name").asString().equals(team + " QA to Segment"));
        Long entry = jdbc.sql("SELECT audit_id FROM plan WHERE id = :id").param("id", plan).query(Long.class).single();
        assertThat(jdbc
            .sql("SELECT resource_type || ' ' || action FROM audit_entry WHERE attempt_id = :entry "
                    + "AND outcome = 'SUCCEEDED' AND action = 'delete' ORDER BY id")
            .param("entry", entry)
            .query(String.class)
            .list()).containsExactly("destination delete", "environment delete", "plan delete");
    }

    @Test
    void answersWhenTheyMakeAnInvalidValueThenSaidAtTheQuestionAndNothingMade() throws Exception {
        String page = ReviewForms.review(mvc,
                post("/templates/qa").param("value[project]", "mobile-app")
                    .param("value[team]", "Not a team")
                    .param("value[s2.config.writeKey]", WRITE_KEY),
                TestUsers.editor(), session);
        assertThat(HtmlUtils.htmlUnescape(page)).contains("Use lower-case letters, digits and '-'.")
            .contains("value=\"Not a team\"");
        assertThat(page).doesNotContain(WRITE_KEY);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM plan").query(Integer.class).single()).isZero();
    }

    @Test
    void planWhenAnotherEditorLooksThenNotFoundAndViewersMayRead() throws Exception {
        long plan = run(review());
        mvc.perform(get("/plans/" + plan).with(TestUsers.user("other", "Otto Other", TestUsers.EDITOR_GROUP)))
            .andExpect(status().isNotFound());
        mvc.perform(post("/plans/" + plan + "/undo").with(FormTokens.fresh())
            .with(csrf())
            .with(TestUsers.user("other", "Otto Other", TestUsers.EDITOR_GROUP))).andExpect(status().isNotFound());
        mvc.perform(get("/plans/" + plan).with(TestUsers.viewer())).andExpect(status().isOk());
        mvc.perform(post("/plans/" + plan + "/undo").with(FormTokens.fresh()).with(csrf()).with(TestUsers.viewer()))
            .andExpect(status().isForbidden());
    }

    @Test
    void resumeWhenTheValuesAreNoLongerKeptThenTheStepSaysSoAndThePlanStaysStopped() throws Exception {
        sandbox.failNextPost("/destinations/", 400, "invalid_request", "writeKey is not valid for this source");
        long plan = run(review());
        jdbc.sql("UPDATE plan_step SET sealed_values = NULL WHERE plan_id = :plan").param("plan", plan).update();

        editorPosts(plan, "resume");

        assertThat(steps(plan)).containsExactly("SUCCEEDED " + team + "-qa", "REJECTED");
        assertThat(jdbc.sql("SELECT status FROM plan WHERE id = :id").param("id", plan).query(String.class).single())
            .isEqualTo("STOPPED");
        assertThat(page("/plans/" + plan)).contains("Its values are no longer kept: use the template again.");
    }

    @Test
    void planWhenLeftStoppedLongerThanValuesAreKeptThenTheyAreLetGoAndResumeSaysSo() throws Exception {
        sandbox.failNextPost("/destinations/", 400, "invalid_request", "writeKey is not valid for this source");
        long left = run(review());
        sandbox.failNextPost("/destinations/", 400, "invalid_request", "writeKey is not valid for this source");
        long recent = run(review());
        jdbc.sql("UPDATE plan SET updated_at = :long WHERE id = :id")
            .param("long", Timestamp.from(Instant.now().minus(Duration.ofDays(31))))
            .param("id", left)
            .update();

        assertThat(retention.forgetAbandoned(Instant.now())).as("the old plan's two steps").isEqualTo(2);

        assertThat(jdbc.sql("SELECT COUNT(*) FROM plan_step WHERE plan_id = :plan AND sealed_values IS NOT NULL")
            .param("plan", left)
            .query(Integer.class)
            .single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM plan_step WHERE plan_id = :plan AND sealed_values IS NOT NULL")
            .param("plan", recent)
            .query(Integer.class)
            .single()).as("a plan stopped a moment ago keeps them").isEqualTo(2);
        editorPosts(left, "resume");
        assertThat(page("/plans/" + left)).contains("Its values are no longer kept: use the template again.");
    }

    @Test
    void planWhenItsInstanceStoppedMidwayThenShownInterruptedAndResumedByItsOwner() throws Exception {
        sandbox.failNextPost("/destinations/", 400, "invalid_request", "writeKey is not valid for this source");
        long plan = run(review());
        // As an instance that died after the first step leaves it: running, no step
        // ended for long.
        jdbc.sql("UPDATE plan SET status = 'RUNNING', updated_at = :long WHERE id = :id")
            .param("long", Timestamp.from(Instant.now().minus(Duration.ofHours(1))))
            .param("id", plan)
            .update();
        jdbc.sql("UPDATE plan_step SET status = 'WAITING', message = NULL WHERE plan_id = :id AND position = 1")
            .param("id", plan)
            .update();
        assertThat(page("/plans/" + plan)).contains("Interrupted: the portal stopped while running it.",
                "data-testid=\"resume\"");

        editorPosts(plan, "resume");
        assertThat(steps(plan)).containsExactly("SUCCEEDED " + team + "-qa", "SUCCEEDED");
        assertThat(page("/plans/" + plan)).contains("Done: every step succeeded.");
    }

    @Test
    void stepWhenUnclearThenNoResumeUntilThePortalSettlesItThenResumed() throws Exception {
        sandbox.failNextPost("/destinations/", 504);
        long plan = run(review());
        assertThat(steps(plan)).containsExactly("SUCCEEDED " + team + "-qa", "UNKNOWN");
        assertThat(page("/plans/" + plan)).contains("Not known yet").doesNotContain("data-testid=\"resume\"");
        // Its own entry is unsettled, though the plan's stop was recorded after it.
        long started = jdbc.sql("SELECT attempt_id FROM plan_step WHERE plan_id = :plan AND position = 1")
            .param("plan", plan)
            .query(Long.class)
            .single();
        assertThat(page("/audit/" + started)).contains("action=\"/audit/" + started + "/check\"");

        // Once the request can no longer be in flight and nothing was found: not made.
        outcomes.settleDue(Instant.now().plus(Duration.ofSeconds(70)));
        outcomes.settleDue(Instant.now().plus(Duration.ofMinutes(7)));
        assertThat(steps(plan)).containsExactly("SUCCEEDED " + team + "-qa", "FAILED");
        assertThat(page("/plans/" + plan)).contains("Not made (the portal checked)", "data-testid=\"resume\"");

        editorPosts(plan, "resume");
        assertThat(steps(plan)).containsExactly("SUCCEEDED " + team + "-qa", "SUCCEEDED");
    }

    @Test
    void stepWhenUnclearAndMadeAfterAllThenSettledWithWhatItMadeAndUndoDeletesIt() throws Exception {
        // LaunchDarkly answers 504 at once, and makes the destination a moment later.
        sandbox.failNextThenCreate("/destinations/", 504, Duration.ofMillis(200));
        long plan = run(review());
        assertThat(steps(plan)).containsExactly("SUCCEEDED " + team + "-qa", "UNKNOWN");
        sandbox.awaitLateWork();

        outcomes.settleDue(Instant.now().plus(Duration.ofSeconds(70)));
        assertThat(steps(plan)).containsExactly("SUCCEEDED " + team + "-qa", "SUCCEEDED");
        String made = jdbc.sql("SELECT made FROM plan_step WHERE plan_id = :plan AND position = 1")
            .param("plan", plan)
            .query(String.class)
            .single();
        assertThat(made).isEqualTo(destination().get("_id").asString());
        assertThat(page("/plans/" + plan)).contains("Made after all (the portal checked).", "data-testid=\"undo\"");

        editorPosts(plan, "undo");
        assertThat(sandbox.destinations()).noneMatch(d -> d.path("name").asString().equals(team + " QA to Segment"));
        assertThat(jdbc.sql("SELECT status FROM plan_step WHERE plan_id = :plan AND position = 1")
            .param("plan", plan)
            .query(String.class)
            .single()).isEqualTo("UNDONE");
    }

    @Test
    void planWhenRunningRecentlyThenNotOfferedToResume() throws Exception {
        long plan = run(review());
        jdbc.sql("UPDATE plan SET status = 'RUNNING', updated_at = :now WHERE id = :id")
            .param("now", Timestamp.from(Instant.now()))
            .param("id", plan)
            .update();
        assertThat(page("/plans/" + plan)).contains("Running: each step is sent in turn.")
            .doesNotContain("data-testid=\"resume\"");
        mvc.perform(post("/plans/" + plan + "/resume").with(FormTokens.fresh())
            .with(csrf())
            .with(TestUsers.editor())
            .with(session)).andExpect(status().isOk());
        assertThat(jdbc.sql("SELECT status FROM plan WHERE id = :id").param("id", plan).query(String.class).single())
            .isEqualTo("RUNNING");
    }

    @Test
    void answerWhenItAimsOutsideTheTemplatesProjectsThenSaidAtTheQuestion() throws Exception {
        String template = """
                { "name": "Mobile only", "projects": [ "mobile-app" ],
                  "questions": [ { "key": "where", "label": "Project key", "required": true } ],
                  "steps": [ { "type": "environment", "project": "${where}", "values": { "name": "Only here" } } ] }
                """;
        GoldenPaths.save(mvc, "mobile-only", 0, template);

        String page = ReviewForms.review(mvc, post("/templates/mobile-only").param("value[where]", "web-store"),
                TestUsers.editor(), session);
        assertThat(page).contains("id=\"value-where-error\"", "You may not create in project web-store");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM plan").query(Integer.class).single()).isZero();
    }

    @Test
    void runWhenTheTemplateChangedSinceTheReviewThenNothingRunsAndItSaysSo() throws Exception {
        String review = review();
        GoldenPaths.save(mvc, "qa", 1,
                TemplateSamples.STARTER.replace("\"deleteAfterDays\": 30", "\"deleteAfterDays\": 7"));

        String page = mvc
            .perform(post("/templates/qa").params(ReviewForms.hiddenFields(review))
                .param(ReviewPages.CONFIRM, "create")
                .with(csrf())
                .with(TestUsers.editor())
                .with(session))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(page).contains("The template was changed while you were filling it in");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM plan").query(Integer.class).single()).isZero();
    }

    /** The editor who ran the plan presses Resume or Undo on its page: back to it. */
    private void editorPosts(long plan, String action) throws Exception {
        mvc.perform(post("/plans/" + plan + "/" + action).with(FormTokens.fresh())
            .with(csrf())
            .with(TestUsers.editor())
            .with(session)).andExpect(status().is3xxRedirection());
        GoldenPaths.awaitPlan(jdbc, plan);
    }

    private String review() throws Exception {
        return ReviewForms.review(mvc,
                post("/templates/qa").param("value[project]", "mobile-app")
                    .param("value[team]", team)
                    .param("value[s2.config.writeKey]", WRITE_KEY)
                    .param("templateVersion", "1"),
                TestUsers.editor(), session);
    }

    /** "Run the plan" on the review page: the plan's id, from where it redirects. */
    private long run(String review) throws Exception {
        MvcResult result = mvc
            .perform(post("/templates/qa").params(ReviewForms.hiddenFields(review))
                .param(ReviewPages.CONFIRM, "create")
                .with(csrf())
                .with(TestUsers.editor())
                .with(session))
            .andExpect(status().is3xxRedirection())
            .andReturn();
        String location = result.getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/plans/");
        long plan = Long.parseLong(location.substring("/plans/".length()));
        GoldenPaths.awaitPlan(jdbc, plan);
        return plan;
    }

    private List<String> steps(long plan) {
        return jdbc.sql("SELECT status, made FROM plan_step WHERE plan_id = :plan ORDER BY position")
            .param("plan", plan)
            .query((row,
                    n) -> row.getString(1) + (row.getString(1).equals("SUCCEEDED") || row.getString(1).equals("UNDONE")
                            ? made(row.getString(2)) : ""))
            .list();
    }

    private String made(String made) {
        return made != null && made.equals(team + "-qa") ? " " + made : "";
    }

    private ObjectNode destination() {
        return sandbox.destinations()
            .stream()
            .filter(d -> d.path("name").asString().equals(team + " QA to Segment"))
            .findFirst()
            .orElseThrow();
    }

    /** The write keys LaunchDarkly was sent, in the creates of destinations. */
    private List<String> sentWriteKeys() {
        return sandbox.requests()
            .stream()
            .filter(request -> request.method().equals("POST") && request.path().startsWith("/api/v2/destinations/"))
            .map(request -> JSON.readTree(request.body()).path("config").path("writeKey").asString())
            .toList();
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path).with(TestUsers.editor()).with(session))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    }

}
