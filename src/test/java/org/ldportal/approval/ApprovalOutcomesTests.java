package org.ldportal.approval;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ldportal.audit.AuditAttempt;
import org.ldportal.audit.AuditEntry;
import org.ldportal.audit.AuditFilter;
import org.ldportal.audit.AuditQueries;
import org.ldportal.audit.AuditTrail;
import org.ldportal.change.PendingChange;
import org.ldportal.change.Review;
import org.ldportal.change.UnknownOutcomes;
import org.ldportal.resource.ChangeAction;
import org.ldportal.resource.Place;
import org.ldportal.resource.ResourceType;
import org.ldportal.sandbox.LaunchDarklySandbox;
import org.ldportal.security.CurrentUser;
import org.ldportal.security.PortalRole;
import org.ldportal.testsupport.FormTokens;
import org.ldportal.testsupport.PortalIntegrationTest;
import org.ldportal.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Approved requests cannot be lost: the REQUESTED entry and the request are kept together
 * or not at all, oversized values are cut to their columns, an approved request an
 * instance stopped sending is settled from the trail (its secrets wiped), and an unclear
 * answer to an approved change is followed by the request when it is settled.
 */
@WithApprovalRules
class ApprovalOutcomesTests extends PortalIntegrationTest {

    private static final Pattern REQUEST = Pattern.compile("/requests/(\\d+)");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Approvals approvals;

    @Autowired
    AuditTrail trail;

    @Autowired
    AuditQueries queries;

    @Autowired
    UnknownOutcomes outcomes;

    @Autowired
    org.ldportal.launchdarkly.LaunchDarklyClient client;

    private final LaunchDarklySandbox sandbox = LaunchDarklySandbox.shared();

    @BeforeEach
    void emptyTrail() {
        jdbc.sql("DELETE FROM approval_request").update();
        jdbc.sql("DELETE FROM audit_entry").update();
    }

    @Test
    void requestWhenItCannotBeStoredThenNeitherItNorItsRequestedEntryIsKeptAndThePageSaysSo() {
        // A requester whose groups alone overflow their column: the insert fails after
        // the entry was written.
        CurrentUser huge = new CurrentUser("hugo", "Hugo", null, Set.of(PortalRole.EDITOR), Set.of(),
                Set.of("g".repeat(1_000_001)));
        PendingChange change = PendingChange.create(ResourceType.ENVIRONMENT, Place.environment("web-store", "prod-x"),
                "Prod X", "prod-x", false, "{}");
        ApprovalRules.Requirement requirement = approvals.required(change).orElseThrow();

        assertThatThrownBy(() -> approvals.request(token(), huge, change, requirement, review("{}")))
            .isInstanceOf(RequestNotKeptException.class);

        assertThat(count("approval_request")).isZero();
        assertThat(count("audit_entry")).as("no orphan 'waiting for approval' entry").isZero();
    }

    @Test
    void requestWhenValuesExceedTheirColumnsThenCutAndKept() {
        PendingChange change = PendingChange.create(ResourceType.ENVIRONMENT,
                Place.environment("web-store", "prod-long"), "N".repeat(5000), "prod-long", false, "{}");
        ApprovalRules.Requirement requirement = approvals.required(change).orElseThrow();

        long id = approvals.request(token(), person("eddie"), change, requirement, review("x".repeat(1_200_000)))
            .getAsLong();

        Map<String, Object> row = jdbc.sql("SELECT resource_name, review FROM approval_request WHERE id = :id")
            .param("id", id)
            .query()
            .singleRow();
        assertThat((String) row.get("resource_name")).hasSize(1024).endsWith("\u2026");
        assertThat((String) row.get("review")).hasSizeLessThanOrEqualTo(1_000_000).contains("cut to fit");
        assertThat(approvals.find(id, person("eddie"))).isPresent();
        assertThat(jdbc.sql("SELECT outcome FROM audit_entry").query(String.class).list()).containsExactly("REQUESTED");
    }

    @Test
    void recoverWhenApprovedButNeverSentThenFailedRecordedAndItsSecretsWiped() throws Exception {
        long id = requestEnvironment("prod-never");
        // The instance stopped right after the decision: approved, nothing sent, the
        // sealed change still there.
        jdbc.sql(
                "UPDATE approval_request SET status = 'APPROVED', decided_at = :at, decided_by_subject = 'ada' WHERE id = :id")
            .param("at", java.sql.Timestamp.from(Instant.now().minus(Duration.ofMinutes(15))))
            .param("id", id)
            .update();
        assertThat(sealed(id)).isNotNull();

        assertThat(approvals.recoverInterrupted(Instant.now())).isEqualTo(1);

        assertThat(sealed(id)).as("secrets wiped").isNull();
        assertThat(outcomeOf(id)).startsWith("FAILED The portal stopped after the approval and before sending it");
        assertThat(jdbc.sql("SELECT outcome FROM audit_entry ORDER BY id").query(String.class).list())
            .containsExactly("REQUESTED", "FAILED");
        assertThat(approvals.recoverInterrupted(Instant.now())).as("once").isZero();
    }

    @Test
    void recoverWhenTheInstanceStoppedAfterSendingThenUnknownUntilTheAttemptIsSettledThenItsOutcome() throws Exception {
        long id = requestEnvironment("prod-sent");
        long requested = jdbc.sql("SELECT audit_id FROM approval_request WHERE id = :id")
            .param("id", id)
            .query(Long.class)
            .single();
        // Approved and sent (LaunchDarkly created it), but the instance stopped before
        // recording the answer.
        jdbc.sql(
                "UPDATE approval_request SET status = 'APPROVED', decided_at = :at, decided_by_subject = 'ada' WHERE id = :id")
            .param("at", java.sql.Timestamp.from(Instant.now().minus(Duration.ofMinutes(15))))
            .param("id", id)
            .update();
        long started = trail.started(AuditAttempt.by(person("eddie"), ChangeAction.CREATE, ResourceType.ENVIRONMENT)
            .at(Place.environment("web-store", "prod-sent"))
            .withResource("Env prod-sent", "prod-sent", null)
            .withRequestBody("{\"key\":\"prod-sent\"}")
            .approved(requested, "Ada Admin (ada)"));
        client.createEnvironment("web-store", new org.ldportal.launchdarkly.EnvironmentPost("Env prod-sent",
                "prod-sent", "417505", 0, false, false, false, false, null, null, null));

        approvals.recoverInterrupted(Instant.now());
        assertThat(outcomeOf(id)).startsWith("UNKNOWN The portal stopped while sending it");
        assertThat(sealed(id)).isNull();

        AuditEntry startedEntry = queries.find(started, AuditFilter.none()).orElseThrow();
        assertThat(outcomes.checkNow(startedEntry, "Ada Admin (ada)"))
            .isInstanceOf(UnknownOutcomes.Settled.Found.class);

        assertThat(outcomeOf(id)).startsWith("SUCCEEDED The portal stopped before it recorded LaunchDarkly's answer.");
    }

    @Test
    void approveWhenTheAnswerIsUnclearThenTheRequestSaysSoAndFollowsTheSettlement() throws Exception {
        long id = requestEnvironment("prod-unclear");
        sandbox.failNextPost("/api/v2/projects/web-store/environments", 504);

        approvals.approve(id, new CurrentUser("ada", "Ada Admin", null, Set.of(PortalRole.ADMIN), Set.of(),
                Set.of(TestUsers.ADMIN_GROUP)), null);
        assertThat(outcomeOf(id)).startsWith("UNKNOWN LaunchDarkly has not confirmed that the environment was created");

        outcomes.settleDue(Instant.now().plus(Duration.ofSeconds(70)));
        assertThat(outcomeOf(id)).as("after the in-flight window: not proof yet").startsWith("UNKNOWN");
        outcomes.settleDue(Instant.now().plus(Duration.ofMinutes(7)));

        assertThat(outcomeOf(id)).startsWith("FAILED LaunchDarkly answered 504.").contains("nothing was created");
        assertThat(jdbc.sql("SELECT seen_by_requester FROM approval_request WHERE id = :id")
            .param("id", id)
            .query(Boolean.class)
            .single()).as("the requester's badge shows it").isFalse();
    }

    private long requestEnvironment(String key) throws Exception {
        MockHttpServletRequestBuilder confirmed = post("/environments/new").with(csrf())
            .with(FormTokens.fresh())
            .with(TestUsers.editor())
            .param("projectKey", "web-store")
            .param("name", "Env " + key)
            .param("key", key)
            .param("color", "417505")
            .param("defaultTtl", "0");
        String location = mvc.perform(confirmed)
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
        Matcher id = REQUEST.matcher(String.valueOf(location));
        assertThat(id.matches()).as("redirected to the request, not " + location).isTrue();
        return Long.parseLong(id.group(1));
    }

    private String outcomeOf(long id) {
        return jdbc.sql("SELECT CONCAT(outcome, ' ', outcome_message) FROM approval_request WHERE id = :id")
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

    private long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    private static Review review(String body) {
        return new Review("Create an environment", List.of(new Review.Line("Project", "Web Store")), List.of(), "POST",
                "/api/v2/projects/web-store/environments", body, List.of());
    }

    private static String token() {
        return java.util.UUID.randomUUID().toString().replace("-", "");
    }

    private static CurrentUser person(String subject) {
        return new CurrentUser(subject, subject, null, Set.of(PortalRole.EDITOR));
    }

}
