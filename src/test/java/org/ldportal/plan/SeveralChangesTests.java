package org.ldportal.plan;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ldportal.sandbox.LaunchDarklySandbox;
import org.ldportal.testsupport.FormTokens;
import org.ldportal.testsupport.GoldenPaths;
import org.ldportal.testsupport.PortalIntegrationTest;
import org.ldportal.testsupport.ReviewForms;
import org.ldportal.testsupport.StoredSession;
import org.ldportal.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;

import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Turning several destinations off at once, chosen on their list: one review of every
 * change, one plan that says how each went, each change its own audited attempt linked to
 * the plan, a failure that stops the rest and the same resume, a change refused because
 * the destination changed since it was chosen, and an undo that turns each back on.
 */
class SeveralChangesTests extends PortalIntegrationTest {

    private final LaunchDarklySandbox sandbox = LaunchDarklySandbox.shared();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SessionRepository<? extends Session> sessions;

    private StoredSession session;

    private List<String> chosen;

    @BeforeEach
    void threeDestinations() {
        GoldenPaths.clearPlans(jdbc);
        session = StoredSession.open(sessions);
        chosen = List.of(seed("mobile-app", "test", "Mobile events"), seed("web-store", "test", "Store events"),
                seed("web-store", "production", "Store production events"));
    }

    @AfterEach
    void forgetPlans() {
        GoldenPaths.clearPlans(jdbc);
    }

    @Test
    void listThenEachDestinationMayBeChosenByAnEditorNotAViewer() throws Exception {
        String asEditor = page("/destinations?project=web-store", TestUsers.editor());
        assertThat(asEditor).contains("action=\"/plans/change\"", "value=\"" + chosen.get(1) + "\"",
                "data-testid=\"turn-off-chosen\"", "name=\"back\" value=\"/destinations?project=web-store\"");
        assertThat(asEditor).doesNotContain("value=\"" + chosen.get(0) + "\"");
        assertThat(page("/destinations", TestUsers.viewer())).doesNotContain("choose-destination", "turn-off-chosen");
    }

    @Test
    void turnOffWhenThreeChosenThenOneReviewEachAuditedLinkedToThePlanThenUndoneTurnsEachBackOn() throws Exception {
        String review = send(choose("turn-off", chosen).with(FormTokens.unreviewed()));
        assertThat(review).doesNotContain("wk-secret-123");
        assertThat(HtmlUtils.htmlUnescape(review)).contains("Turn off 3 Data Export destinations",
                "Step 1: Turn off a Data Export destination", "Mobile events (Segment)",
                "Step 3: Turn off a Data Export destination", "Store production events (Segment)",
                "\"path\" : \"/on\",\n  \"value\" : false");
        assertThat(sandbox.destinations()).allMatch(d -> d.get("on").asBoolean());

        long plan = confirm(review);
        assertThat(sandbox.destinations()).noneMatch(d -> d.get("on").asBoolean());
        assertThat(statuses(plan)).containsExactly("turn-off SUCCEEDED", "turn-off SUCCEEDED", "turn-off SUCCEEDED");
        assertThat(sandbox.requests().stream().filter(r -> r.method().equals("PATCH")).map(r -> r.body()).toList())
            .hasSize(3)
            .allMatch(body -> body.startsWith("[{\"op\":\"test\",\"path\":\"/version\""));
        assertThat(linked(plan)).containsExactly("turn-off STARTED", "turn-off SUCCEEDED", "turn-off STARTED",
                "turn-off SUCCEEDED", "turn-off STARTED", "turn-off SUCCEEDED");
        String page = HtmlUtils.htmlUnescape(page("/plans/" + plan, TestUsers.editor()));
        assertThat(page)
            .contains("Turn off the Data Export destination: Store events", "in web-store / test",
                    "Done: every step succeeded.", "Undo: change each back")
            .doesNotContain("wk-secret-123");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE request_body LIKE '%wk-secret-123%'")
            .query(Integer.class)
            .single()).isZero();

        mvc.perform(post("/plans/" + plan + "/undo").with(FormTokens.fresh())
            .with(csrf())
            .with(TestUsers.editor())
            .with(session)).andExpect(status().is3xxRedirection());

        assertThat(sandbox.destinations()).allMatch(d -> d.get("on").asBoolean());
        assertThat(statuses(plan)).containsExactly("turn-off UNDONE", "turn-off UNDONE", "turn-off UNDONE");
        assertThat(linked(plan)).filteredOn(line -> line.startsWith("turn-on"))
            .containsExactly("turn-on STARTED", "turn-on SUCCEEDED", "turn-on STARTED", "turn-on SUCCEEDED",
                    "turn-on STARTED", "turn-on SUCCEEDED");
        assertThat(HtmlUtils.htmlUnescape(page("/plans/" + plan, TestUsers.editor())))
            .contains("Undone: what its steps changed was changed back.");
    }

    @Test
    void turnOffWhenOneFailsThenTheRestWaitAndResumeFinishes() throws Exception {
        String review = send(choose("turn-off", chosen).with(FormTokens.unreviewed()));
        sandbox.failNextPatch("/destinations/web-store/test/", 400, "invalid_request", "Kafka is not reachable");

        long plan = confirm(review);

        assertThat(statuses(plan)).containsExactly("turn-off SUCCEEDED", "turn-off REJECTED", "turn-off WAITING");
        assertThat(page("/plans/" + plan, TestUsers.editor())).contains("data-testid=\"resume\"");
        assertThat(sandbox.destinations().stream().filter(d -> d.get("on").asBoolean()).count()).isEqualTo(2);

        mvc.perform(post("/plans/" + plan + "/resume").with(FormTokens.fresh())
            .with(csrf())
            .with(TestUsers.editor())
            .with(session)).andExpect(status().is3xxRedirection());
        GoldenPaths.awaitPlan(jdbc, plan);

        assertThat(statuses(plan)).containsExactly("turn-off SUCCEEDED", "turn-off SUCCEEDED", "turn-off SUCCEEDED");
        assertThat(sandbox.destinations()).noneMatch(d -> d.get("on").asBoolean());
    }

    @Test
    void turnOffWhenOneChangedSinceItWasChosenThenRefusedNotOverwritten() throws Exception {
        String review = send(choose("turn-off", chosen).with(FormTokens.unreviewed()));
        sandbox.changeDestinationMeanwhile(chosen.get(1).substring(chosen.get(1).lastIndexOf('/') + 1));

        long plan = confirm(review);

        assertThat(statuses(plan)).containsExactly("turn-off SUCCEEDED", "turn-off REJECTED", "turn-off WAITING");
        assertThat(sandbox.destinations().stream().filter(d -> d.get("on").asBoolean()).count()).isEqualTo(2);
        assertThat(page("/plans/" + plan, TestUsers.editor())).contains("Stopped: a step did not succeed.");
        assertThat(jdbc.sql("SELECT message FROM plan_step WHERE plan_id = :plan AND position = 1")
            .param("plan", plan)
            .query(String.class)
            .single()).contains("changed in LaunchDarkly");

        // Resumed after reading why: turned off as it is now.
        resume(plan);
        assertThat(statuses(plan)).containsExactly("turn-off SUCCEEDED", "turn-off SUCCEEDED", "turn-off SUCCEEDED");
        assertThat(sandbox.destinations()).noneMatch(d -> d.get("on").asBoolean());
    }

    @Test
    void turnOffWhenTheAnswerIsUnclearThenFailedAndResumeFindsItOffAndGoesOn() throws Exception {
        String review = send(choose("turn-off", chosen).with(FormTokens.unreviewed()));
        // LaunchDarkly turns the second off, but the gateway answers 502.
        sandbox.failNextPatchAfterHandling("/destinations/web-store/test/", 502);

        long plan = confirm(review);

        assertThat(statuses(plan)).containsExactly("turn-off SUCCEEDED", "turn-off FAILED", "turn-off WAITING");
        assertThat(page("/plans/" + plan, TestUsers.editor())).contains("gave no clear answer",
                "data-testid=\"resume\"");

        resume(plan);

        assertThat(statuses(plan)).containsExactly("turn-off SUCCEEDED", "turn-off SUCCEEDED", "turn-off SUCCEEDED");
        assertThat(jdbc.sql("SELECT message FROM plan_step WHERE plan_id = :plan AND position = 1")
            .param("plan", plan)
            .query(String.class)
            .single()).isEqualTo("It is off already: nothing was sent.");
        assertThat(sandbox.requests().stream().filter(r -> r.method().equals("PATCH"))).as("the second sent once")
            .hasSize(3);
        assertThat(sandbox.destinations()).noneMatch(d -> d.get("on").asBoolean());
    }

    @Test
    void chosenWhenTamperedWithThenSaidForEachNeverAnError() throws Exception {
        String page = HtmlUtils
            .htmlUnescape(send(choose("turn-off", List.of("web-store/test/..", "nonsense", chosen.get(0)))
                .param("seen[" + chosen.get(0) + "]", "{\"version\":[\"x\"]}")
                .with(FormTokens.unreviewed())));
        assertThat(page).contains("Nothing was sent", "It is not one of the list's.", "It is not a destination");
        assertThat(sandbox.requests()).noneMatch(r -> r.method().equals("PATCH"));
    }

    @Test
    void chosenWhenNoneOrOneIsOffAlreadyThenSaidAndNothingSent() throws Exception {
        mvc.perform(post("/plans/change").param("type", "destination")
            .param("action", "turn-off")
            .with(FormTokens.unreviewed())
            .with(csrf())
            .with(TestUsers.editor())).andExpect(status().isOk());
        String none = send(post("/plans/change").param("type", "destination")
            .param("action", "turn-off")
            .param("back", "https://evil.example.com/")
            .with(FormTokens.unreviewed()));
        assertThat(none).contains("Choose at least one in the list first.", "href=\"/\"")
            .doesNotContain("evil.example.com");

        String id = chosen.get(0).substring(chosen.get(0).lastIndexOf('/') + 1);
        sandbox.destinations()
            .stream()
            .filter(d -> d.get("_id").asString().equals(id))
            .forEach(d -> d.put("on", false));
        String offAlready = HtmlUtils.htmlUnescape(send(choose("turn-off", chosen).with(FormTokens.unreviewed())));
        assertThat(offAlready).contains("Nothing was sent", "It is off already.", "Store events",
                "href=\"/destinations\"");
        mvc.perform(post("/plans/change").param("type", "environment")
            .param("action", "turn-off")
            .param("subject", "x")
            .with(FormTokens.unreviewed())
            .with(csrf())
            .with(TestUsers.editor())).andExpect(status().isBadRequest());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM plan").query(Integer.class).single()).isZero();
        assertThat(sandbox.requests()).noneMatch(r -> r.method().equals("PATCH"));
    }

    @Test
    void subscriptionsWhenTwoChosenOnTheirIntegrationsPageThenEachTurnedOffAndBackOn() throws Exception {
        Map<String, Object> config = Map.of("base-url", "https://logs.example.com", "token", "tk-several-secret");
        String first = "log-stream/"
                + sandbox.seedSubscription("log-stream", "Audit to logs", config, 3, 0).get("_id").asString();
        String second = "log-stream/"
                + sandbox.seedSubscription("log-stream", "Audit to archive", config, 0, 0).get("_id").asString();
        String page = page("/integrations/log-stream", TestUsers.admin());
        assertThat(page).contains("value=\"" + first + "\"", "value=\"audit-log-subscription\"",
                "data-testid=\"turn-off-subscriptions\"");

        String review = ReviewForms.review(mvc,
                post("/plans/change").param("type", "audit-log-subscription")
                    .param("action", "turn-off")
                    .param("back", "/integrations/log-stream")
                    .param("subject", first, second),
                TestUsers.admin(), session);
        assertThat(HtmlUtils.htmlUnescape(review)).contains("Turn off 2 audit-log subscriptions", "Audit to archive")
            .doesNotContain("tk-several-secret");
        String location = ReviewForms.confirm(mvc, "/plans/change", review, TestUsers.admin(), session);
        long plan = Long.parseLong(location.substring("/plans/".length()));
        GoldenPaths.awaitPlan(jdbc, plan);
        assertThat(sandbox.subscriptions("log-stream")).noneMatch(s -> s.path("on").asBoolean());

        mvc.perform(post("/plans/" + plan + "/undo").with(FormTokens.fresh())
            .with(csrf())
            .with(TestUsers.admin())
            .with(session)).andExpect(status().is3xxRedirection());
        assertThat(sandbox.subscriptions("log-stream")).allMatch(s -> s.path("on").asBoolean());
        assertThat(statuses(plan)).containsExactly("turn-off UNDONE", "turn-off UNDONE");
    }

    private void resume(long plan) throws Exception {
        mvc.perform(post("/plans/" + plan + "/resume").with(FormTokens.fresh())
            .with(csrf())
            .with(TestUsers.editor())
            .with(session)).andExpect(status().is3xxRedirection());
        GoldenPaths.awaitPlan(jdbc, plan);
    }

    private MockHttpServletRequestBuilder choose(String action, List<String> subjects) {
        return post("/plans/change").param("type", "destination")
            .param("action", action)
            .param("back", "/destinations")
            .param("subject", subjects.toArray(String[]::new));
    }

    private String send(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(csrf()).with(TestUsers.editor()).with(session))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    }

    private long confirm(String review) throws Exception {
        String location = ReviewForms.confirm(mvc, "/plans/change", review, TestUsers.editor(), session);
        assertThat(location).startsWith("/plans/");
        long plan = Long.parseLong(location.substring("/plans/".length()));
        GoldenPaths.awaitPlan(jdbc, plan);
        return plan;
    }

    private List<String> statuses(long plan) {
        return jdbc.sql("SELECT action || ' ' || status FROM plan_step WHERE plan_id = :plan ORDER BY position")
            .param("plan", plan)
            .query(String.class)
            .list();
    }

    /** The destinations' entries linked to the plan's, in order. */
    private List<String> linked(long plan) {
        Long entry = jdbc.sql("SELECT audit_id FROM plan WHERE id = :id").param("id", plan).query(Long.class).single();
        return jdbc
            .sql("SELECT action || ' ' || outcome FROM audit_entry WHERE attempt_id = :entry "
                    + "AND resource_type = 'destination' ORDER BY id")
            .param("entry", entry)
            .query(String.class)
            .list();
    }

    private String page(String path, org.springframework.test.web.servlet.request.RequestPostProcessor user)
            throws Exception {
        return mvc.perform(get(path).with(user).with(session))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    }

    /** A destination made in LaunchDarkly itself, as the list names it. */
    private String seed(String project, String environment, String name) {
        ObjectNode destination = sandbox.seedDestination(project, environment, name, "segment",
                Map.of("writeKey", "wk-secret-123"));
        return project + "/" + environment + "/" + destination.get("_id").asString();
    }

}
