package org.ldportal.approval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ldportal.sandbox.LaunchDarklySandbox;
import org.ldportal.sandbox.SandboxRequest;
import org.ldportal.security.CurrentUser;
import org.ldportal.security.PortalRole;
import org.ldportal.testsupport.FormTokens;
import org.ldportal.testsupport.PortalIntegrationTest;
import org.ldportal.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Approval by a second person on the running portal: a change a rule names is kept as a
 * request (nothing sent, secrets sealed), an approver other than the requester approves
 * it and it is sent once, as the requester, every step in the trail; declined and expired
 * requests are never sent, and their secrets leave the database.
 */
@WithApprovalRules
class ApprovalTests extends PortalIntegrationTest {

    private static final String POLICY_KEY = "pk-APPROVAL-secret-2718";

    private static final Pattern REQUEST = Pattern.compile("/requests/(\\d+)");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Approvals approvals;

    @BeforeEach
    void emptyTrail() {
        jdbc.sql("DELETE FROM approval_request").update();
        jdbc.sql("DELETE FROM audit_entry").update();
    }

    private static RequestPostProcessor eddie() {
        return TestUsers.editor();
    }

    private static RequestPostProcessor rita() {
        return TestUsers.user("rita", "Rita Release", TestUsers.EDITOR_GROUP, "release-managers");
    }

    @Test
    void reviewWhenARuleAppliesThenItSaysWhoApprovesAndTheButtonRequests() throws Exception {
        mvc.perform(destination().with(FormTokens.unreviewed()).with(eddie()))
            .andExpect(status().isOk())
            .andExpect(content().string(allOf(containsString("Production needs a second person"),
                    containsString("ld-portal-admins or release-managers"),
                    containsString(">Request approval</button>"))));
    }

    @Test
    void confirmWhenApprovalNeededThenKeptAsRequestNothingSentAndTheSecretSealed() throws Exception {
        long id = request(destination().with(FormTokens.fresh()).with(eddie()));

        assertThat(posts()).isEmpty();
        Map<String, Object> row = jdbc.sql("SELECT status, sealed_change, review FROM approval_request WHERE id = :id")
            .param("id", id)
            .query()
            .singleRow();
        assertThat(row.get("status")).isEqualTo("PENDING");
        assertThat((String) row.get("sealed_change")).as("sealed at rest")
            .isNotBlank()
            .doesNotContain(POLICY_KEY)
            .doesNotContain("ns-approval");
        assertThat((String) row.get("review")).doesNotContain(POLICY_KEY).contains("set, hidden");
        assertThat(outcomes()).containsExactly("REQUESTED");
        mvc.perform(get("/requests/" + id).with(eddie()))
            .andExpect(status().isOk())
            .andExpect(content()
                .string(allOf(containsString("Waiting for approval"), containsString("This is your request: another"),
                        not(containsString("data-testid=\"approve\"")), not(containsString(POLICY_KEY)))));
    }

    @Test
    void approveWhenAnotherApproverThenSentOnceAsTheRequesterEveryStepLinkedAndTheSecretWiped() throws Exception {
        long id = request(destination().with(FormTokens.fresh()).with(eddie()));

        mvc.perform(get("/requests/" + id).with(TestUsers.admin()))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("data-testid=\"approve\"")));
        mvc.perform(post("/requests/" + id + "/approve").param("comment", "Checked with the data team")
            .with(csrf())
            .with(TestUsers.admin())).andExpect(status().is3xxRedirection());

        assertThat(posts()).singleElement().satisfies(sent -> assertThat(sent.body()).contains(POLICY_KEY));
        Map<String, Object> row = jdbc
            .sql("SELECT status, outcome, sealed_change, decided_by_name, decision_comment, audit_id "
                    + "FROM approval_request WHERE id = :id")
            .param("id", id)
            .query()
            .singleRow();
        assertThat(row.get("status")).isEqualTo("APPROVED");
        assertThat(row.get("outcome")).isEqualTo("SUCCEEDED");
        assertThat(row.get("sealed_change")).as("secrets wiped once sent").isNull();
        assertThat(row.get("decided_by_name")).isEqualTo("Ada Admin");
        assertThat(row.get("decision_comment")).isEqualTo("Checked with the data team");
        long requested = ((Number) row.get("audit_id")).longValue();
        List<Map<String, Object>> trail = jdbc
            .sql("SELECT outcome, actor_subject, attempt_id, approved_by FROM audit_entry " + "ORDER BY id")
            .query()
            .listOfRows();
        assertThat(trail).extracting(entry -> entry.get("outcome"))
            .containsExactly("REQUESTED", "APPROVED", "STARTED", "SUCCEEDED");
        assertThat(trail).extracting(entry -> entry.get("actor_subject"))
            .containsExactly("eddie", "ada", "eddie", "eddie");
        assertThat(trail.subList(1, 4))
            .allSatisfy(entry -> assertThat(((Number) entry.get("attempt_id")).longValue()).isEqualTo(requested));
        assertThat(trail.get(3).get("approved_by")).isEqualTo("Ada Admin (ada)");
        long created = jdbc.sql("SELECT id FROM audit_entry WHERE outcome = 'SUCCEEDED'").query(Long.class).single();
        mvc.perform(get("/audit/" + created).with(TestUsers.admin()))
            .andExpect(content().string(containsString("data-testid=\"approved-by\">Ada Admin (ada)<")));
    }

    @Test
    void approveWhenTheRequesterIsAlsoAnApproverThenRefusedAndNothingSent() throws Exception {
        long id = request(destination().with(FormTokens.fresh()).with(rita()));

        mvc.perform(post("/requests/" + id + "/approve").with(csrf()).with(rita()))
            .andExpect(status().is3xxRedirection());

        assertThat(approvals.approve(id, person("rita", "release-managers"), null))
            .isEqualTo(new Decision.NotTaken("You cannot decide your own request: another approver must."));
        assertThat(posts()).isEmpty();
        assertThat(statusOf(id)).isEqualTo("PENDING");
        mvc.perform(get("/requests/" + id).with(TestUsers.user("vic", "Vic Other", TestUsers.EDITOR_GROUP)))
            .andExpect(status().isNotFound());
        mvc.perform(post("/requests/" + id + "/approve").with(csrf())
            .with(TestUsers.user("vic", "Vic Other", TestUsers.EDITOR_GROUP))).andExpect(status().isNotFound());
    }

    @Test
    void declineWhenApproverThenNothingSentRecordedAndTheSecretWiped() throws Exception {
        long id = request(destination().with(FormTokens.fresh()).with(eddie()));

        mvc.perform(post("/requests/" + id + "/decline").param("comment", "Use the staging stream")
            .with(csrf())
            .with(rita())).andExpect(status().is3xxRedirection());

        assertThat(posts()).isEmpty();
        assertThat(statusOf(id)).isEqualTo("DECLINED");
        assertThat(sealed(id)).isNull();
        assertThat(outcomes()).containsExactly("REQUESTED", "DECLINED");
        assertThat(approvals.approve(id, person("ada", TestUsers.ADMIN_GROUP), null))
            .isInstanceOf(Decision.NotTaken.class);
        assertThat(posts()).isEmpty();
    }

    @Test
    void approveWhenTwoApproversAtOnceThenExactlyOneCall() throws Exception {
        long id = request(destination().with(FormTokens.fresh()).with(eddie()));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService approvers = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Decision>> both = List.of(() -> {
                start.await();
                return approvals.approve(id, person("ada", TestUsers.ADMIN_GROUP), null);
            }, () -> {
                start.await();
                return approvals.approve(id, person("rita", "release-managers"), null);
            });
            List<Future<Decision>> decisions = new ArrayList<>();
            both.forEach(approver -> decisions.add(approvers.submit(approver)));
            start.countDown();
            List<Decision> taken = new ArrayList<>();
            for (Future<Decision> decision : decisions) {
                taken.add(decision.get());
            }
            assertThat(taken).filteredOn(Decision.Approved.class::isInstance).hasSize(1);
            assertThat(taken).filteredOn(Decision.NotTaken.class::isInstance).hasSize(1);
        }
        finally {
            approvers.shutdownNow();
        }
        assertThat(posts()).hasSize(1);
        assertThat(outcomes()).filteredOn("APPROVED"::equals).hasSize(1);
    }

    @Test
    void expireWhenNobodyDecidedInTimeThenExpiredRecordedSecretWipedAndNeverSent() throws Exception {
        long id = request(destination().with(FormTokens.fresh()).with(eddie()));
        jdbc.sql("UPDATE approval_request SET expires_at = :past WHERE id = :id")
            .param("past", java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(60)))
            .param("id", id)
            .update();

        assertThat(approvals.expireOverdue()).isEqualTo(1);

        assertThat(statusOf(id)).isEqualTo("EXPIRED");
        assertThat(sealed(id)).isNull();
        assertThat(outcomes()).containsExactly("REQUESTED", "EXPIRED");
        assertThat(approvals.approve(id, person("ada", TestUsers.ADMIN_GROUP), null))
            .isInstanceOf(Decision.NotTaken.class);
        assertThat(posts()).isEmpty();
        assertThat(approvals.expireOverdue()).as("expired once").isZero();
    }

    @Test
    void badgeWhenPendingThenShownAndWhenSettledShownUntilTheRequesterLooks() throws Exception {
        long id = request(destination().with(FormTokens.fresh()).with(eddie()));
        mvc.perform(get("/").with(eddie()))
            .andExpect(content().string(containsString("data-testid=\"requests-badge\">1<")));

        approvals.approve(id, person("ada", TestUsers.ADMIN_GROUP), null);
        mvc.perform(get("/").with(eddie()))
            .andExpect(content().string(containsString("data-testid=\"requests-badge\">1<")));
        mvc.perform(get("/requests/" + id).with(eddie()))
            .andExpect(content().string(containsString("Approved and created.")));
        mvc.perform(get("/").with(eddie())).andExpect(content().string(not(containsString("requests-badge"))));
        mvc.perform(get("/requests").with(eddie()))
            .andExpect(content().string(containsString("data-request=\"" + id + "\"")));
    }

    @Test
    void confirmWhenTheSameFormIsSentTwiceThenOneRequest() throws Exception {
        String token = java.util.UUID.randomUUID().toString().replace("-", "");
        long first = request(destination().with(FormTokens.same(token)).with(eddie()));
        long second = request(destination().with(FormTokens.same(token)).with(eddie()));

        assertThat(second).isEqualTo(first);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM approval_request").query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void confirmWhenTheTokenIsNotAFormsOrSomeoneElsesThenOutOfDateAndNothingRecorded() throws Exception {
        mvc.perform(destination().param("submissionToken", "x".repeat(65)).param("confirm", "create").with(eddie()))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("This form was out of date")));
        String token = java.util.UUID.randomUUID().toString().replace("-", "");
        request(destination().with(FormTokens.same(token)).with(eddie()));
        mvc.perform(destination().with(FormTokens.same(token)).with(rita()))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("This form was out of date")));

        assertThat(outcomes()).containsExactly("REQUESTED");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM approval_request").query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void sealedChangeWhenCopiedToAnotherRequestThenItDoesNotOpenAndNothingIsSent() throws Exception {
        long first = request(destination().with(FormTokens.fresh()).with(eddie()));
        long second = request(destination().with(FormTokens.fresh()).with(eddie()));
        jdbc.sql(
                "UPDATE approval_request SET sealed_change = (SELECT sealed_change FROM approval_request WHERE id = :first) "
                        + "WHERE id = :second")
            .param("first", first)
            .param("second", second)
            .update();

        assertThat(approvals.approve(second, person("ada", TestUsers.ADMIN_GROUP), null)).isInstanceOfSatisfying(
                Decision.Approved.class, approved -> assertThat(approved.outcome()).isEqualTo("FAILED"));
        assertThat(posts()).isEmpty();
        assertThat(sealed(second)).isNull();
    }

    @Test
    void environmentWhenNoRuleAppliesThenCreatedAtOnceAndWhenProductionLikeThenRequested() throws Exception {
        mvc.perform(environment("qa-approval").with(FormTokens.fresh()).with(eddie()))
            .andExpect(status().is3xxRedirection())
            .andExpect(
                    result -> assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/environments/created"));
        assertThat(posts()).hasSize(1);

        long id = request(environment("prod-eu").with(FormTokens.fresh()).with(eddie()));
        assertThat(posts()).hasSize(1);
        approvals.approve(id, person("ada", TestUsers.ADMIN_GROUP), null);
        assertThat(posts()).hasSize(2).last().satisfies(sent -> assertThat(sent.path()).endsWith("/environments"));
        assertThat(LaunchDarklySandbox.shared().environmentsOf("web-store"))
            .anyMatch(environment -> environment.get("key").asString().equals("prod-eu"));
    }

    @Test
    void subscriptionWhenRuleNamesItThenRequestedAndApprovedBySomeoneInTheGroup() throws Exception {
        long id = request(post("/integrations/log-stream/new").with(FormTokens.fresh())
            .param("type", "subscription")
            .with(csrf())
            .with(TestUsers.admin())
            .param("name", "Logs for approval")
            .param("config[base-url]", "https://logs.example.com")
            .param("config[token]", "tok-APPROVAL-3")
            .param("statements[0].effect", "allow")
            .param("statements[0].resources", "proj/*")
            .param("statements[0].actions", "*"));

        assertThat(approvals.approve(id, person("eve", TestUsers.ADMIN_GROUP), null)).as("admins are not its approvers")
            .isInstanceOf(Decision.NotTaken.class);
        assertThat(approvals.approve(id, person("rita", "release-managers"), null))
            .isInstanceOf(Decision.Approved.class);
        assertThat(posts()).singleElement().satisfies(sent -> assertThat(sent.body()).contains("tok-APPROVAL-3"));
    }

    @Test
    void warehouseWhenApprovedThenTheSetUpIsPreparedForTheRequesterToFinish() throws Exception {
        long id = request(post("/destinations/new").with(FormTokens.fresh())
            .with(csrf())
            .with(eddie())
            .param("projectKey", "web-store")
            .param("environmentKey", "production")
            .param("name", "Warehouse")
            .param("kind", "snowflake-v2")
            .param("on", "true")
            .param("config[snowflakeHostAddress]", "https://acct.snowflakecomputing.com"));

        assertThat(approvals.approve(id, person("ada", TestUsers.ADMIN_GROUP), null))
            .isInstanceOf(Decision.Approved.class);

        Long setup = jdbc.sql("SELECT id FROM warehouse_setup WHERE actor_subject = 'eddie' AND name = 'Warehouse'")
            .query(Long.class)
            .single();
        assertThat(jdbc.sql("SELECT outcome_link FROM approval_request WHERE id = :id")
            .param("id", id)
            .query(String.class)
            .single()).isEqualTo("/destinations/setups/" + setup);
        mvc.perform(get("/destinations/setups/" + setup).with(eddie()))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("CREATE")));
    }

    private long request(MockHttpServletRequestBuilder confirmed) throws Exception {
        String location = mvc.perform(confirmed)
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
        Matcher id = REQUEST.matcher(String.valueOf(location));
        assertThat(id.matches()).as("redirected to the request, not " + location).isTrue();
        return Long.parseLong(id.group(1));
    }

    private static MockHttpServletRequestBuilder destination() {
        return post("/destinations/new").with(csrf())
            .param("projectKey", "mobile-app")
            .param("environmentKey", "production")
            .param("name", "Hub for approval")
            .param("kind", "azure-event-hubs")
            .param("on", "true")
            .param("config[namespace]", "ns-approval")
            .param("config[name]", "hub")
            .param("config[policyName]", "send")
            .param("config[policyKey]", POLICY_KEY);
    }

    private static MockHttpServletRequestBuilder environment(String key) {
        return post("/environments/new").with(csrf())
            .param("projectKey", "web-store")
            .param("name", "Env " + key)
            .param("key", key)
            .param("color", "417505")
            .param("defaultTtl", "0");
    }

    private static CurrentUser person(String subject, String... groups) {
        return new CurrentUser(subject, subject, null, java.util.Set.of(PortalRole.EDITOR), java.util.Set.of(),
                java.util.Set.of(groups));
    }

    private String statusOf(long id) {
        return jdbc.sql("SELECT status FROM approval_request WHERE id = :id")
            .param("id", id)
            .query(String.class)
            .single();
    }

    private String sealed(long id) {
        return jdbc.sql("SELECT sealed_change FROM approval_request WHERE id = :id")
            .param("id", id)
            .query(String.class)
            .optional()
            .orElse(null);
    }

    private List<String> outcomes() {
        return jdbc.sql("SELECT outcome FROM audit_entry ORDER BY id").query(String.class).list();
    }

    private static List<SandboxRequest> posts() {
        return LaunchDarklySandbox.shared()
            .requests()
            .stream()
            .filter(request -> request.method().equals("POST"))
            .toList();
    }

}
