package org.ldportal.approval;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ldportal.sandbox.LaunchDarklySandbox;
import org.ldportal.sandbox.SandboxRequest;
import org.ldportal.testsupport.PortalIntegrationTest;
import org.ldportal.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Approval rules hold back changes of what exists as they hold back creates: turning off
 * a production destination, editing a production environment and deleting an audit-log
 * subscription become requests (nothing sent); approved by someone else, each is sent
 * once as the requester, tested against what the requester saw, every step in the trail
 * with the change's action.
 */
@WithApprovalRules
class ManagedChangeApprovalTests extends PortalIntegrationTest {

    private static final Pattern REQUEST = Pattern.compile("/requests/(\\d+)");

    private static final String TOKEN = "0123456789abcdef0123456789abcdef";

    private final LaunchDarklySandbox sandbox = LaunchDarklySandbox.shared();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void emptyTrail() {
        jdbc.sql("DELETE FROM approval_request").update();
        jdbc.sql("DELETE FROM audit_entry").update();
    }

    @Test
    void turnOffAProductionDestinationThenRequestedAndOnceApprovedSentAsTheRequester() throws Exception {
        ObjectNode destination = sandbox.seedDestination("mobile-app", "production", "Mobile events", "segment",
                Map.of("writeKey", "wk-approval"));
        String path = "/destinations/mobile-app/production/" + destination.get("_id").asString();
        mvc.perform(get(path).with(TestUsers.editor()))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("Request approval to turn off")));

        long id = request(post(path + "/turn-off").param("version", "1")
            .param("submissionToken", token("a"))
            .with(TestUsers.editor())
            .with(csrf()));

        assertThat(changes()).isEmpty();
        assertThat(trail()).containsExactly("turn-off REQUESTED");
        approve(id, TestUsers.admin());
        assertThat(sandbox.destinations().get(0).get("on").asBoolean()).isFalse();
        assertThat(changes()).singleElement().satisfies(patch -> assertThat(patch.body()).contains("\"/on\""));
        assertThat(trail()).containsExactly("turn-off REQUESTED", "turn-off APPROVED", "turn-off STARTED",
                "turn-off SUCCEEDED");
        assertThat(jdbc.sql("SELECT approved_by FROM audit_entry WHERE outcome = 'SUCCEEDED'")
            .query(String.class)
            .single()).isEqualTo("Ada Admin (ada)");
        assertThat(jdbc.sql("SELECT actor_subject FROM audit_entry WHERE outcome = 'SUCCEEDED'")
            .query(String.class)
            .single()).isEqualTo("eddie");
    }

    @Test
    void editAProductionEnvironmentThenRequestedAndOnceApprovedRenamed() throws Exception {
        long id = request(post("/environments/web-store/production/edit").with(csrf())
            .with(TestUsers.editor())
            .param("submissionToken", token("b"))
            .param("seen",
                    "{\"name\":\"Production\",\"color\":\"3a3af0\",\"defaultTtl\":0,\"secureMode\":false,"
                            + "\"defaultTrackEvents\":false,\"requireComments\":false,\"confirmChanges\":false,"
                            + "\"critical\":false,\"tags\":[]}")
            .param("name", "Production EU")
            .param("color", "3a3af0")
            .param("defaultTtl", "0")
            .param("tags", "")
            .param("_secureMode", "on")
            .param("_defaultTrackEvents", "on")
            .param("_requireComments", "on")
            .param("_confirmChanges", "on")
            .param("_critical", "on"));

        assertThat(changes()).isEmpty();
        mvc.perform(get("/requests/" + id).with(TestUsers.admin()))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("Production \u2192 Production EU")));
        approve(id, TestUsers.admin());
        assertThat(sandbox.environmentsOf("web-store")).anyMatch(e -> e.get("name").asString().equals("Production EU"));
        assertThat(trail()).containsExactly("update REQUESTED", "update APPROVED", "update STARTED",
                "update SUCCEEDED");
    }

    @Test
    void changeTheApprovalSettingsOfAProductionEnvironmentThenRequestedAndOnceApprovedSent() throws Exception {
        long id = request(post("/environments/web-store/production/edit").with(csrf())
            .with(TestUsers.editor())
            .param("submissionToken", token("d"))
            .param("seen",
                    "{\"name\":\"Production\",\"color\":\"3a3af0\",\"defaultTtl\":0,\"secureMode\":false,"
                            + "\"defaultTrackEvents\":false,\"requireComments\":false,\"confirmChanges\":false,"
                            + "\"critical\":false,\"tags\":[],\"approvalsRequired\":false,\"approvalTags\":[],"
                            + "\"minNumApprovals\":1,\"canReviewOwnRequest\":false,\"canApplyDeclinedChanges\":true}")
            .param("name", "Production")
            .param("color", "3a3af0")
            .param("defaultTtl", "0")
            .param("tags", "")
            .param("_secureMode", "on")
            .param("_defaultTrackEvents", "on")
            .param("_requireComments", "on")
            .param("_confirmChanges", "on")
            .param("_critical", "on")
            .param("approvalsRequired", "true")
            .param("_approvalsRequired", "on")
            .param("approvalTags", "")
            .param("minNumApprovals", "2")
            .param("_canReviewOwnRequest", "on")
            .param("canApplyDeclinedChanges", "true")
            .param("_canApplyDeclinedChanges", "on"));

        assertThat(changes()).isEmpty();
        mvc.perform(get("/requests/" + id).with(TestUsers.admin()))
            .andExpect(status().isOk())
            .andExpect(content().string(allOf(containsString("Require approval for changes to every flag"),
                    containsString("no \u2192 yes"), containsString("1 \u2192 2"))));
        approve(id, TestUsers.admin());
        assertThat(changes()).singleElement()
            .satisfies(patch -> assertThat(patch.body())
                .contains("\"/approvalSettings/required\"", "\"/approvalSettings/minNumApprovals\"")
                .doesNotContain("\"/name\"", "canApplyDeclinedChanges"));
        assertThat(sandbox.environmentsOf("web-store")).filteredOn(e -> e.get("key").asString().equals("production"))
            .singleElement()
            .satisfies(e -> assertThat(e.get("approvalSettings").get("minNumApprovals").asInt()).isEqualTo(2));
        assertThat(trail()).containsExactly("update REQUESTED", "update APPROVED", "update STARTED",
                "update SUCCEEDED");
    }

    @Test
    void approveWhenTheRequestsActionWasChangedInTheDatabaseThenItCannotBeOpenedAndNothingIsSent() throws Exception {
        long id = request(post("/environments/web-store/production/edit").with(csrf())
            .with(TestUsers.editor())
            .param("submissionToken", token("e"))
            .param("seen",
                    "{\"name\":\"Production\",\"color\":\"3a3af0\",\"defaultTtl\":0,\"secureMode\":false,"
                            + "\"defaultTrackEvents\":false,\"requireComments\":false,\"confirmChanges\":false,"
                            + "\"critical\":false,\"tags\":[]}")
            .param("name", "Production EU")
            .param("color", "3a3af0")
            .param("defaultTtl", "0")
            .param("tags", "")
            .param("_secureMode", "on")
            .param("_defaultTrackEvents", "on")
            .param("_requireComments", "on")
            .param("_confirmChanges", "on")
            .param("_critical", "on"));
        // Someone with the database, not the portal, makes the waiting edit a delete.
        jdbc.sql("UPDATE approval_request SET action = 'delete' WHERE id = :id").param("id", id).update();

        approve(id, TestUsers.admin());

        assertThat(changes()).as("nothing sent").isEmpty();
        assertThat(sandbox.environmentsOf("web-store")).anyMatch(e -> e.get("key").asString().equals("production"));
        assertThat(jdbc.sql("SELECT outcome FROM approval_request WHERE id = :id")
            .param("id", id)
            .query(String.class)
            .single()).isEqualTo("FAILED");
    }

    @Test
    void deleteASubscriptionThenRequestedAndOnlyAReleaseManagerMayApprove() throws Exception {
        ObjectNode subscription = sandbox.seedSubscription("log-stream", "Audit to logs",
                Map.of("base-url", "https://logs.example.com", "token", "log-token", "skip-ca-verification", false), 0,
                0);
        String path = "/integrations/log-stream/subscriptions/" + subscription.get("_id").asString();

        long id = request(post(path + "/delete").param("confirmation", "Audit to logs")
            .param("submissionToken", token("c"))
            .with(TestUsers.editor())
            .with(csrf()));

        assertThat(sandbox.subscriptions("log-stream")).hasSize(1);
        approve(id, TestUsers.admin());
        assertThat(sandbox.subscriptions("log-stream")).as("an admin is not among this rule's approvers").hasSize(1);
        approve(id, TestUsers.user("rita", "Rita Release", TestUsers.EDITOR_GROUP, "release-managers"));
        assertThat(sandbox.subscriptions("log-stream")).isEmpty();
        assertThat(trail()).containsExactly("delete REQUESTED", "delete APPROVED", "delete STARTED",
                "delete SUCCEEDED");
    }

    @Test
    void approveWhenItChangedOrWentSinceTheRequestThenNothingSentAndTheRequestSaysWhy() throws Exception {
        ObjectNode subscription = sandbox.seedSubscription("log-stream", "Audit to logs",
                Map.of("base-url", "https://logs.example.com", "token", "log-token", "skip-ca-verification", false), 0,
                0);
        long deleteRequest = request(
                post("/integrations/log-stream/subscriptions/" + subscription.get("_id").asString() + "/delete")
                    .param("confirmation", "Audit to logs")
                    .param("submissionToken", token("d"))
                    .with(TestUsers.editor())
                    .with(csrf()));
        sandbox.changeSubscriptionMeanwhile("log-stream", subscription.get("_id").asString());
        approve(deleteRequest, TestUsers.user("rita", "Rita Release", TestUsers.EDITOR_GROUP, "release-managers"));
        assertThat(sandbox.subscriptions("log-stream")).as("changed since: not deleted").hasSize(1);
        assertThat(jdbc.sql("SELECT outcome_message FROM approval_request WHERE id = :id")
            .param("id", deleteRequest)
            .query(String.class)
            .single()).contains("changed in LaunchDarkly after the request was made");

        ObjectNode destination = sandbox.seedDestination("mobile-app", "production", "Mobile events", "segment",
                Map.of("writeKey", "wk-approval"));
        long turnRequest = request(
                post("/destinations/mobile-app/production/" + destination.get("_id").asString() + "/turn-off")
                    .param("version", "1")
                    .param("submissionToken", token("e"))
                    .with(TestUsers.editor())
                    .with(csrf()));
        sandbox.deleteDestinationMeanwhile(destination.get("_id").asString());
        approve(turnRequest, TestUsers.admin());
        assertThat(jdbc.sql("SELECT CONCAT(outcome, ' ', outcome_message) FROM approval_request WHERE id = :id")
            .param("id", turnRequest)
            .query(String.class)
            .single()).isEqualTo("REJECTED It is no longer in LaunchDarkly (deleted meanwhile), so nothing was sent.");
        assertThat(changes()).isEmpty();
    }

    @Test
    void changeWhenThePageSentNoTokenThenNotRequestedAndToldToReload() throws Exception {
        ObjectNode destination = sandbox.seedDestination("mobile-app", "production", "Mobile events", "segment",
                Map.of("writeKey", "wk-approval"));
        String path = "/destinations/mobile-app/production/" + destination.get("_id").asString();

        mvc.perform(post(path + "/turn-off").param("version", "1").with(TestUsers.editor()).with(csrf()))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("Reload it and try again")));

        assertThat(trail()).isEmpty();
        assertThat(changes()).isEmpty();
    }

    private long request(MockHttpServletRequestBuilder change) throws Exception {
        String location = mvc.perform(change)
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
        Matcher id = REQUEST.matcher(String.valueOf(location));
        assertThat(id.matches()).as("redirected to the request, not " + location).isTrue();
        return Long.parseLong(id.group(1));
    }

    private void approve(long id, RequestPostProcessor approver) throws Exception {
        mvc.perform(post("/requests/" + id + "/approve").with(csrf()).with(approver))
            .andExpect(status().is3xxRedirection());
    }

    private List<String> trail() {
        return jdbc.sql("SELECT CONCAT(action, ' ', outcome) FROM audit_entry ORDER BY id").query(String.class).list();
    }

    private List<SandboxRequest> changes() {
        return sandbox.requests()
            .stream()
            .filter(r -> r.method().equals("PATCH") || r.method().equals("DELETE"))
            .toList();
    }

    private static String token(String salt) {
        return salt + TOKEN.substring(1);
    }

}
