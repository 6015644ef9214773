package org.ldportal.destination;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ldportal.audit.AuditEntry;
import org.ldportal.audit.AuditFilter;
import org.ldportal.audit.AuditOutcome;
import org.ldportal.audit.AuditQueries;
import org.ldportal.sandbox.LaunchDarklySandbox;
import org.ldportal.testsupport.FormTokens;
import org.ldportal.testsupport.PortalIntegrationTest;
import org.ldportal.testsupport.StoredSession;
import org.ldportal.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Managing Data Export destinations that exist, against the sandbox: the list and its
 * filters, the detail page with secrets hidden, turning off and on as a JSON Patch of the
 * version seen, a change refused because the destination changed meanwhile, deleting
 * after the name is typed, and every change in the audit trail with its action.
 */
class DestinationManageTests extends PortalIntegrationTest {

    private final LaunchDarklySandbox sandbox = LaunchDarklySandbox.shared();

    @Autowired
    MockMvc mvc;

    @Autowired
    AuditQueries audit;

    @Autowired
    SessionRepository<? extends Session> sessions;

    @Test
    void listWhenFilteredThenOnlyMatchingDestinationsWithStateAndLinks() throws Exception {
        seed("mobile-app", "production", "Mobile events", "kinesis");
        seed("web-store", "test", "Store events", "segment");

        mvc.perform(get("/destinations").with(TestUsers.viewer()))
            .andExpect(status().isOk())
            .andExpect(content().string(allOf(containsString("Mobile events"), containsString("Store events"),
                    containsString("Amazon Kinesis"), containsString("mobile-app / production"))));
        mvc.perform(get("/destinations").param("project", "web-store").with(TestUsers.viewer()))
            .andExpect(status().isOk())
            .andExpect(content().string(allOf(containsString("Store events"), not(containsString("Mobile events")))));
        mvc.perform(get("/destinations").param("kind", "kinesis").with(TestUsers.viewer()))
            .andExpect(status().isOk())
            .andExpect(content().string(allOf(containsString("Mobile events"), not(containsString("Store events")))));
    }

    @Test
    void detailThenConfigShownWithSecretsHiddenAndNoButtonsForAViewer() throws Exception {
        ObjectNode destination = seed("web-store", "test", "Store events", "segment");

        String asViewer = mvc.perform(get(path(destination, "web-store", "test")).with(TestUsers.viewer()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(asViewer).contains("Store events", "Segment", "set, hidden")
            .doesNotContain("wk-secret-123")
            .doesNotContain("data-testid=\"turn\"")
            .doesNotContain("role=\"alert\"");
        mvc.perform(get("/destinations/web-store/test/{id}", " ").with(TestUsers.viewer()))
            .andExpect(status().isNotFound());
        mvc.perform(get("/destinations/{p}/test/x", " ").with(TestUsers.viewer())).andExpect(status().isNotFound());
        mvc.perform(get(path(destination, "web-store", "test")).with(TestUsers.editor()))
            .andExpect(status().isOk())
            .andExpect(content().string(allOf(containsString("data-testid=\"turn\""), containsString("Turn off"),
                    containsString("action=\"" + path(destination, "web-store", "test") + "/turn-off\""))));
    }

    @Test
    void turnOffThenPatchOfTheSeenVersionSentAuditedAndShownAsOff() throws Exception {
        ObjectNode destination = seed("web-store", "test", "Store events", "segment");
        String path = path(destination, "web-store", "test");
        StoredSession session = StoredSession.open(sessions);

        mvc.perform(post(path + "/turn-off").with(FormTokens.fresh())
            .param("version", "1")
            .with(TestUsers.editor())
            .with(csrf())
            .with(session)).andExpect(redirectedUrl(path));

        assertThat(sandbox.destinations().get(0).get("on").asBoolean()).isFalse();
        assertThat(sandbox.requests()).anyMatch(request -> request.method().equals("PATCH") && request.body()
            .equals("[{\"op\":\"test\",\"path\":\"/version\",\"value\":1},"
                    + "{\"op\":\"replace\",\"path\":\"/on\",\"value\":false}]"));
        mvc.perform(get(path).with(TestUsers.editor()).with(session))
            .andExpect(status().isOk())
            .andExpect(content().string(allOf(containsString("is now off"), containsString("Turn on"),
                    containsString("data-testid=\"history-action\">turn off<"))));
        AuditEntry entry = latest("turn-off");
        assertThat(entry.outcome()).isEqualTo(AuditOutcome.SUCCEEDED);
        assertThat(entry.resourceId()).isEqualTo(destination.get("_id").asString());
        assertThat(entry.requestBody()).contains("\"/on\"");
    }

    @Test
    void turnOffWhenChangedMeanwhileThenRefusedWithReloadLinkAndNothingChanged() throws Exception {
        ObjectNode destination = seed("web-store", "test", "Store events", "segment");
        String path = path(destination, "web-store", "test");
        sandbox.changeDestinationMeanwhile(destination.get("_id").asString());

        mvc.perform(post(path + "/turn-off").with(FormTokens.fresh())
            .param("version", "1")
            .with(TestUsers.editor())
            .with(csrf()))
            .andExpect(status().isOk())
            .andExpect(content().string(allOf(containsString("changed in LaunchDarkly since you opened this page"),
                    containsString("data-testid=\"reload\""))));

        assertThat(sandbox.destinations().get(0).get("on").asBoolean()).isTrue();
        AuditEntry entry = latest("turn-off");
        assertThat(entry.outcome()).isEqualTo(AuditOutcome.REJECTED);
        assertThat(entry.httpStatus()).isEqualTo(409);
    }

    @Test
    void deleteWhenNameMistypedThenErrorAtTheFieldAndKeptElseDeletedAndAudited() throws Exception {
        ObjectNode destination = seed("web-store", "test", "Store events", "segment");
        String path = path(destination, "web-store", "test");

        mvc.perform(get(path + "/delete").with(TestUsers.editor()))
            .andExpect(status().isOk())
            .andExpect(content().string(allOf(containsString("stops exporting the events of environment test"),
                    containsString("Type the name"))));
        mvc.perform(post(path + "/delete").with(FormTokens.fresh())
            .param("confirmation", "Store")
            .with(TestUsers.editor())
            .with(csrf()))
            .andExpect(status().isOk())
            .andExpect(content()
                .string(allOf(containsString("id=\"confirmation-error\""), containsString("value=\"Store\""))));
        assertThat(sandbox.destinations()).hasSize(1);

        StoredSession session = StoredSession.open(sessions);
        mvc.perform(post(path + "/delete").with(FormTokens.fresh())
            .param("confirmation", "Store events")
            .with(TestUsers.editor())
            .with(csrf())
            .with(session)).andExpect(redirectedUrl("/destinations"));

        assertThat(sandbox.destinations()).isEmpty();
        mvc.perform(get("/destinations").with(TestUsers.editor()).with(session))
            .andExpect(content().string(containsString("The Data Export destination Store events was deleted.")));
        assertThat(latest("delete").outcome()).isEqualTo(AuditOutcome.SUCCEEDED);
        mvc.perform(get(path).with(TestUsers.editor()))
            .andExpect(status().isNotFound())
            .andExpect(content().string(containsString("not in LaunchDarkly (any more)")));
    }

    @Test
    void editWhenNameChangedAndSecretLeftEmptyThenOnlyTheNameSentAndTheSecretKept() throws Exception {
        ObjectNode destination = seed("web-store", "test", "Store events", "segment");
        String path = path(destination, "web-store", "test");
        mvc.perform(get(path + "/edit").with(TestUsers.editor()))
            .andExpect(status().isOk())
            .andExpect(content().string(allOf(containsString("value=\"Store events\""),
                    containsString("leave one empty to keep the current secret"),
                    not(containsString("wk-secret-123")))));

        mvc.perform(post(path + "/edit").with(FormTokens.fresh())
            .param("name", "Store events EU")
            .param("version", "1")
            .param("seen", "{\"name\":\"Store events\"}")
            .param("config[writeKey]", "")
            .with(TestUsers.editor())
            .with(csrf())).andExpect(redirectedUrl(path));

        assertThat(lastPatch()).isEqualTo("[{\"op\":\"test\",\"path\":\"/version\",\"value\":1},"
                + "{\"op\":\"test\",\"path\":\"/name\",\"value\":\"Store events\"},"
                + "{\"op\":\"replace\",\"path\":\"/name\",\"value\":\"Store events EU\"}]");
        assertThat(sandbox.destinations().get(0).get("name").asString()).isEqualTo("Store events EU");
        assertThat(latest("update").outcome()).isEqualTo(AuditOutcome.SUCCEEDED);
    }

    @Test
    void editWhenANewSecretTypedThenSentButNeverInTheTrailAndBadInputRefusedAtTheField() throws Exception {
        ObjectNode destination = seed("web-store", "test", "Store events", "segment");
        String path = path(destination, "web-store", "test");

        mvc.perform(post(path + "/edit").with(FormTokens.fresh())
            .param("name", "")
            .param("version", "1")
            .param("seen", "{\"name\":\"Store events\"}")
            .param("config[writeKey]", "")
            .with(TestUsers.editor())
            .with(csrf()))
            .andExpect(status().isOk())
            .andExpect(content()
                .string(allOf(containsString("id=\"name-error\""), containsString("Give the destination a name."))))
            // Listed in the one error summary, linking to the field.
            .andExpect(content().string(allOf(containsString("The destination was not changed."),
                    containsString("href=\"#name\">Give the destination a name."))));
        mvc.perform(post(path + "/edit").with(FormTokens.fresh())
            .param("name", "Store events")
            .param("version", "1")
            .param("seen", "{\"name\":\"Store events\"}")
            .param("config[writeKey]", "")
            .with(TestUsers.editor())
            .with(csrf()))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("Nothing was changed")));
        assertThat(sandbox.requests()).noneMatch(request -> request.method().equals("PATCH"));

        String page = mvc
            .perform(post(path + "/edit").with(FormTokens.fresh())
                .param("name", "Store events")
                .param("version", "1")
                .param("seen", "{\"name\":\"Store events\"}")
                .param("config[writeKey]", "wk-rotated-456")
                .with(TestUsers.editor())
                .with(csrf()))
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
        assertThat(page).isEqualTo(path);
        assertThat(lastPatch())
            .contains("{\"op\":\"replace\",\"path\":\"/config/writeKey\",\"value\":\"wk-rotated-456\"}")
            .doesNotContain("\"test\",\"path\":\"/config/writeKey\"");
        assertThat(latest("update").requestBody()).doesNotContain("wk-rotated-456").contains("/config/writeKey");
    }

    @Test
    void turnOffAndDeleteWhenSubmittedTwiceWithTheSameTokenThenSentOnceAndTheRepeatShowsTheFirstOutcome()
            throws Exception {
        ObjectNode destination = seed("web-store", "test", "Store events", "segment");
        String path = path(destination, "web-store", "test");

        // A double click, or a reload of the answer: the same form's token twice.
        for (int submit = 0; submit < 2; submit++) {
            mvc.perform(post(path + "/turn-off").with(FormTokens.same("destination-turn-off-twice"))
                .param("version", "1")
                .with(TestUsers.editor())
                .with(csrf())).andExpect(redirectedUrl(path));
        }
        assertThat(sandbox.requests().stream().filter(request -> request.method().equals("PATCH"))).hasSize(1);
        assertThat(audit
            .page(AuditFilter.none().aboutResource(destination.get("_id").asString()).withAction("turn-off"), null,
                    null, 10)
            .entries()).hasSize(1);

        for (int submit = 0; submit < 2; submit++) {
            mvc.perform(post(path + "/delete").with(FormTokens.same("destination-delete-twice"))
                .param("confirmation", "Store events")
                .with(TestUsers.editor())
                .with(csrf())).andExpect(redirectedUrl("/destinations"));
        }
        assertThat(sandbox.requests().stream().filter(request -> request.method().equals("DELETE"))).hasSize(1);
        assertThat(audit
            .page(AuditFilter.none().aboutResource(destination.get("_id").asString()).withAction("delete"), null, null,
                    10)
            .entries()).hasSize(1);
    }

    @Test
    void changesWhenViewerOrNotSignedInThenRefusedAndNothingSent() throws Exception {
        ObjectNode destination = seed("web-store", "test", "Store events", "segment");
        String path = path(destination, "web-store", "test");

        mvc.perform(post(path + "/turn-off").with(FormTokens.fresh())
            .param("version", "1")
            .with(TestUsers.viewer())
            .with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post(path + "/delete").with(FormTokens.fresh())
            .param("confirmation", "Store events")
            .with(TestUsers.viewer())
            .with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post(path + "/turn-off").with(FormTokens.fresh()).param("version", "1").with(TestUsers.editor()))
            .andExpect(status().isForbidden());

        assertThat(sandbox.destinations()).hasSize(1);
        assertThat(sandbox.destinations().get(0).get("on").asBoolean()).isTrue();
        assertThat(sandbox.requests())
            .noneMatch(request -> request.method().equals("PATCH") || request.method().equals("DELETE"));
    }

    @Test
    void auditListWhenFilteredByActionThenOnlyThoseChanges() throws Exception {
        ObjectNode destination = seed("web-store", "test", "Store events", "segment");
        String path = path(destination, "web-store", "test");
        mvc.perform(post(path + "/turn-off").with(FormTokens.fresh())
            .param("version", "1")
            .with(TestUsers.editor())
            .with(csrf()));

        mvc.perform(get("/audit").param("action", "turn-off").with(TestUsers.admin()))
            .andExpect(status().isOk())
            .andExpect(content().string(allOf(containsString("turn off destination"),
                    containsString("<option value=\"turn-off\" selected=\"selected\">Turn off</option>"))));
    }

    private String lastPatch() {
        List<org.ldportal.sandbox.SandboxRequest> patches = sandbox.requests()
            .stream()
            .filter(request -> request.method().equals("PATCH"))
            .toList();
        assertThat(patches).as("a PATCH was sent").isNotEmpty();
        return patches.get(patches.size() - 1).body();
    }

    private ObjectNode seed(String project, String environment, String name, String kind) {
        Map<String, String> config = kind.equals("kinesis") ? Map.of("region", "us-east-1", "roleArn",
                "arn:aws:iam::123456789012:role/export", "streamName", "events") : Map.of("writeKey", "wk-secret-123");
        return sandbox.seedDestination(project, environment, name, kind, config);
    }

    private static String path(ObjectNode destination, String project, String environment) {
        return "/destinations/" + project + "/" + environment + "/" + destination.get("_id").asString();
    }

    private AuditEntry latest(String action) {
        List<AuditEntry> entries = audit.page(AuditFilter.none().withAction(action), null, null, 1).entries();
        assertThat(entries).as("an audit entry of %s", action).isNotEmpty();
        // As its own page reads it, with the request it sent (a list reads no bodies).
        return audit.find(entries.get(0).id(), AuditFilter.none()).orElseThrow();
    }

}
