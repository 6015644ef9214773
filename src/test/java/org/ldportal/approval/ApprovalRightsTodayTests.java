package org.ldportal.approval;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ldportal.sandbox.LaunchDarklySandbox;
import org.ldportal.security.SignIns;
import org.ldportal.testsupport.PortalIntegrationTest;
import org.ldportal.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An approved request is sent with the rights its requester has today: the groups of
 * their latest sign-in when it came after the request. Someone taken out of their group
 * since, or not signed in for longer than a session lasts, has nothing sent in their name
 * (REJECTED, with why, on the request they see). Approvers are those of the rules as they
 * are when they decide.
 */
@WithApprovalRules
class ApprovalRightsTodayTests extends PortalIntegrationTest {

    private static final Pattern REQUEST = Pattern.compile("/requests/(\\d+)");

    private final LaunchDarklySandbox sandbox = LaunchDarklySandbox.shared();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SignIns signIns;

    @BeforeEach
    void emptyTrail() {
        jdbc.sql("DELETE FROM approval_request").update();
        jdbc.sql("DELETE FROM audit_entry").update();
        jdbc.sql("DELETE FROM sign_in").update();
    }

    @Test
    void approveWhenTheRequesterLeftTheirGroupSinceThenRefusedAndNothingSent() throws Exception {
        long id = requestRename("a");
        signIns.record("eddie", Set.of("marketing"), null, Instant.now());

        approve(id);

        assertThat(patches()).isZero();
        assertThat(outcome(id)).isEqualTo("REJECTED");
        assertThat(message(id)).contains("no longer allowed");
        assertThat(trail()).contains("update REJECTED");
    }

    @Test
    void approveWhenTheRequesterHasNotSignedInForLongerThanASessionThenNothingSentAndTheyAreTold() throws Exception {
        long id = requestRename("b");
        signIns.record("eddie", Set.of(TestUsers.EDITOR_GROUP), null, Instant.now().minus(Duration.ofHours(13)));

        approve(id);

        assertThat(patches()).isZero();
        assertThat(outcome(id)).isEqualTo("REJECTED");
        mvc.perform(get("/requests/" + id).with(TestUsers.editor()))
            .andExpect(content().string(containsString("has not signed in for more than 12 hours")));
        assertThat(trail()).containsExactly("update REQUESTED", "update APPROVED", "update REJECTED");
    }

    @Test
    void approveWhenTheRequesterSignedInAgainStillInTheirGroupThenSentAndTheApproverWasShownHowOldTheRightsAre()
            throws Exception {
        long id = requestRename("c");
        signIns.record("eddie", Set.of(TestUsers.EDITOR_GROUP), null, Instant.now());
        mvc.perform(get("/requests/" + id).with(TestUsers.admin()))
            .andExpect(content().string(containsString("data-testid=\"rights-as-of\"")));

        approve(id);

        assertThat(patches()).isEqualTo(1);
        assertThat(outcome(id)).isEqualTo("SUCCEEDED");
    }

    @Test
    void approveWhenTheRuleThatAskedForItIsGoneThenNobodyMayDecideIt() throws Exception {
        long id = requestRename("d");
        jdbc.sql("UPDATE approval_request SET rule_names = :rules WHERE id = :id")
            .param("rules", "[\"A rule removed since\"]")
            .param("id", id)
            .update();

        mvc.perform(get("/requests/" + id).with(TestUsers.admin()))
            .andExpect(content().string(not(containsString("data-testid=\"decision-form\""))));
        mvc.perform(post("/requests/" + id + "/approve").with(csrf()).with(TestUsers.admin()));

        assertThat(patches()).isZero();
        assertThat(jdbc.sql("SELECT status FROM approval_request WHERE id = :id")
            .param("id", id)
            .query(String.class)
            .single()).isEqualTo("PENDING");
    }

    /**
     * Eddie (an editor) asks to rename web-store's production environment, which a rule
     * holds back.
     */
    private long requestRename(String salt) throws Exception {
        String location = mvc
            .perform(post("/environments/web-store/production/edit").with(csrf())
                .with(TestUsers.editor())
                .param("submissionToken", (salt + "0123456789abcdef0123456789abcdef").substring(0, 32))
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
                .param("_critical", "on"))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
        Matcher id = REQUEST.matcher(String.valueOf(location));
        assertThat(id.matches()).as("redirected to the request, not " + location).isTrue();
        return Long.parseLong(id.group(1));
    }

    private void approve(long id) throws Exception {
        mvc.perform(post("/requests/" + id + "/approve").with(csrf()).with(TestUsers.admin()))
            .andExpect(status().is3xxRedirection());
    }

    private long patches() {
        return sandbox.requests().stream().filter(r -> r.method().equals("PATCH")).count();
    }

    private String outcome(long id) {
        return jdbc.sql("SELECT outcome FROM approval_request WHERE id = :id")
            .param("id", id)
            .query(String.class)
            .single();
    }

    private String message(long id) {
        return jdbc.sql("SELECT outcome_message FROM approval_request WHERE id = :id")
            .param("id", id)
            .query(String.class)
            .single();
    }

    private List<String> trail() {
        return jdbc.sql("SELECT CONCAT(action, ' ', outcome) FROM audit_entry ORDER BY id").query(String.class).list();
    }

}
