package org.ldportal.environment;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.ldportal.audit.AuditEntry;
import org.ldportal.audit.AuditFilter;
import org.ldportal.audit.AuditOutcome;
import org.ldportal.audit.AuditQueries;
import org.ldportal.sandbox.LaunchDarklySandbox;
import org.ldportal.sandbox.SandboxRequest;
import org.ldportal.testsupport.FormTokens;
import org.ldportal.testsupport.PortalIntegrationTest;
import org.ldportal.testsupport.StoredSession;
import org.ldportal.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Managing environments that exist, against the sandbox: a project's list, the detail
 * page, editing only what changed (tested against what the page showed), the critical
 * guardrail, a refusal because it changed meanwhile, and deleting (admins only) after the
 * key is typed; every change in the audit trail with its action.
 */
class EnvironmentManageTests extends PortalIntegrationTest {

    private static final String SEEN_TEST = "{\"name\":\"Test\",\"color\":\"417505\",\"defaultTtl\":0,\"secureMode\":false,"
            + "\"defaultTrackEvents\":false,\"requireComments\":false,\"confirmChanges\":false,\"critical\":false,\"tags\":[]}";

    private final LaunchDarklySandbox sandbox = LaunchDarklySandbox.shared();

    @Autowired
    MockMvc mvc;

    @Autowired
    AuditQueries audit;

    @Autowired
    SessionRepository<? extends Session> sessions;

    @Test
    void listAndDetailThenEnvironmentsOfTheProjectWithColourAndActionsByRole() throws Exception {
        mvc.perform(get("/environments").param("project", "web-store").with(TestUsers.viewer()))
            .andExpect(status().isOk())
            .andExpect(content().string(allOf(containsString("data-testid=\"environment-name\">Production<"),
                    containsString("<code>staging</code>"), containsString("fill=\"#417505\""))));
        mvc.perform(get("/environments/web-store/test").with(TestUsers.viewer()))
            .andExpect(status().isOk())
            .andExpect(content().string(allOf(containsString("data-testid=\"detail-name\">Test<"),
                    not(containsString("data-testid=\"edit\"")))));
        mvc.perform(get("/environments/web-store/test").with(TestUsers.editor()))
            .andExpect(status().isOk())
            .andExpect(content()
                .string(allOf(containsString("data-testid=\"edit\""), not(containsString("data-testid=\"delete\"")),
                        containsString("Deleting an environment is for admins"))));
        mvc.perform(get("/environments/web-store/test").with(TestUsers.admin()))
            .andExpect(content().string(containsString("data-testid=\"delete\"")));
    }

    @Test
    void editWhenNameAndTagsChangedThenOnlyThoseSentAsTestedPatchAndAudited() throws Exception {
        StoredSession session = StoredSession.open(sessions);
        mvc.perform(
                edit("web-store", "test", "QA", "417505", "team-qa, nightly").with(TestUsers.editor()).with(session))
            .andExpect(redirectedUrl("/environments/web-store/test"));

        SandboxRequest patch = lastPatch();
        assertThat(patch.body()).isEqualTo("[{\"op\":\"test\",\"path\":\"/name\",\"value\":\"Test\"},"
                + "{\"op\":\"replace\",\"path\":\"/name\",\"value\":\"QA\"},"
                + "{\"op\":\"test\",\"path\":\"/tags\",\"value\":[]},"
                + "{\"op\":\"replace\",\"path\":\"/tags\",\"value\":[\"team-qa\",\"nightly\"]}]");
        ObjectNode stored = environment("web-store", "test");
        assertThat(stored.get("name").asString()).isEqualTo("QA");
        mvc.perform(get("/environments/web-store/test").with(TestUsers.editor()).with(session))
            .andExpect(content().string(allOf(containsString("The environment QA was changed."),
                    containsString("team-qa, nightly"), containsString("data-testid=\"history-action\">update<"))));
        AuditEntry entry = latest("update");
        assertThat(entry.outcome()).isEqualTo(AuditOutcome.SUCCEEDED);
        assertThat(entry.resourceKey()).isEqualTo("test");
        assertThat(entry.requestBody()).contains("\"/name\"", "\"Test\"", "\"QA\"");
        mvc.perform(get("/audit/" + entry.id()).with(TestUsers.admin()))
            .andExpect(status().isOk())
            .andExpect(content().string(allOf(containsString("What changed"),
                    containsString("<td><code>name</code></td><td>Test</td><td>QA</td>"),
                    containsString("<td><code>tags</code></td><td>(none)</td><td>team-qa, nightly</td>"))));
    }

    @Test
    void editWhenSubmittedTwiceWithTheSameTokenThenSentOnceAndTheRepeatShowsTheFirstOutcome() throws Exception {
        for (int submit = 0; submit < 2; submit++) {
            mvc.perform(edit("web-store", "test", "QA", "417505", "", FormTokens.same("environment-edit-twice"))
                .with(TestUsers.editor())).andExpect(redirectedUrl("/environments/web-store/test"));
        }

        assertThat(sandbox.requests().stream().filter(request -> request.method().equals("PATCH"))).hasSize(1);
        assertThat(audit
            .page(AuditFilter.none()
                .aboutResource(environment("web-store", "test").get("_id").asString())
                .withAction("update"), null, null, 10)
            .entries()).hasSize(1);
        assertThat(environment("web-store", "test").get("name").asString()).isEqualTo("QA");
    }

    @Test
    void editWhenNothingChangedOrColourInvalidThenMessageAtTheFormAndNothingSent() throws Exception {
        mvc.perform(edit("web-store", "test", "Test", "417505", "").with(TestUsers.editor()))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("Nothing was changed")));
        mvc.perform(edit("web-store", "test", "Test", "green", "").with(TestUsers.editor()))
            .andExpect(status().isOk())
            .andExpect(
                    content().string(allOf(containsString("id=\"color-error\""), containsString("value=\"green\""))));

        assertThat(sandbox.requests()).noneMatch(request -> request.method().equals("PATCH"));
    }

    @Test
    void editWhenRenamedMeanwhileThenRefusedWithReloadLinkAndNotOverwritten() throws Exception {
        sandbox.renameEnvironmentMeanwhile("web-store", "test", "Test (Europe)");

        mvc.perform(edit("web-store", "test", "QA", "417505", "").with(TestUsers.editor()))
            .andExpect(status().isOk())
            .andExpect(content().string(allOf(containsString("changed in LaunchDarkly since you opened this page"),
                    containsString("data-testid=\"reload\""), containsString("value=\"QA\""))));

        assertThat(environment("web-store", "test").get("name").asString()).isEqualTo("Test (Europe)");
        assertThat(latest("update").httpStatus()).isEqualTo(409);
    }

    @Test
    void editWhenAnEditorSendsCriticalAnywayThenTheMarkIsNotTheirsToSetAndNothingSent() throws Exception {
        // The form offers an editor no critical box: a critical=true sent anyway changes
        // nothing.
        mvc.perform(edit("web-store", "test", "Test", "417505", "").param("critical", "true").with(TestUsers.editor()))
            .andExpect(status().isOk())
            .andExpect(content().string(allOf(containsString("Nothing was changed"),
                    containsString("Only admins may mark an environment as critical"))));

        assertThat(sandbox.requests()).noneMatch(request -> request.method().equals("PATCH"));
        assertThat(environment("web-store", "test").get("critical").asBoolean()).isFalse();
    }

    @Test
    void editWhenCriticalAndAnEditorRenamesItThenTheMarkStaysAndOnlyTheNameIsSent() throws Exception {
        sandbox.markCritical("web-store", "test");
        String seen = SEEN_TEST.replace("\"critical\":false", "\"critical\":true");

        mvc.perform(post("/environments/web-store/test/edit").with(FormTokens.fresh())
            .with(csrf())
            .with(TestUsers.editor())
            .param("seen", seen)
            .param("name", "QA")
            .param("color", "417505")
            .param("defaultTtl", "0")
            .param("tags", "")
            .param("_secureMode", "on")
            .param("_defaultTrackEvents", "on")
            .param("_requireComments", "on")
            .param("_confirmChanges", "on")).andExpect(redirectedUrl("/environments/web-store/test"));

        assertThat(lastPatch().body()).contains("\"/name\"").doesNotContain("critical");
        assertThat(environment("web-store", "test").get("critical").asBoolean()).isTrue();
    }

    @Test
    void deleteWhenEditorThenForbiddenElseAdminTypesTheKeyAndItIsGone() throws Exception {
        mvc.perform(post("/environments/web-store/test/delete").with(FormTokens.fresh())
            .param("confirmation", "test")
            .with(TestUsers.editor())
            .with(csrf())).andExpect(status().isForbidden());
        assertThat(sandbox.environmentsOf("web-store")).extracting(e -> e.get("key").asString()).contains("test");
        assertThat(latest("delete").outcome()).isEqualTo(AuditOutcome.REJECTED);

        mvc.perform(get("/environments/web-store/test/delete").with(TestUsers.admin()))
            .andExpect(status().isOk())
            .andExpect(content().string(
                    allOf(containsString("SDK key, mobile key and client-side ID"), containsString("Type the key"))));
        mvc.perform(post("/environments/web-store/test/delete").with(FormTokens.fresh())
            .param("confirmation", "Test")
            .with(TestUsers.admin())
            .with(csrf()))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("id=\"confirmation-error\"")));
        mvc.perform(post("/environments/web-store/test/delete").with(FormTokens.fresh())
            .param("confirmation", "test")
            .with(TestUsers.admin())
            .with(csrf()))
            .andExpect(redirectedUrl("/environments?project=web-store"))
            .andExpect(flash().attribute("notice", "The environment Test (test) was deleted from project web-store."));

        assertThat(sandbox.environmentsOf("web-store")).extracting(e -> e.get("key").asString()).doesNotContain("test");
        mvc.perform(get("/environments").param("project", "web-store").with(TestUsers.admin()))
            .andExpect(content()
                .string(allOf(containsString("<code>staging</code>"), not(containsString("<code>test</code>")))));
        assertThat(latest("delete").outcome()).isEqualTo(AuditOutcome.SUCCEEDED);
        mvc.perform(get("/environments/web-store/test").with(TestUsers.admin())).andExpect(status().isNotFound());
    }

    private static MockHttpServletRequestBuilder edit(String project, String key, String name, String color,
            String tags) {
        return edit(project, key, name, color, tags, FormTokens.fresh());
    }

    private static MockHttpServletRequestBuilder edit(String project, String key, String name, String color,
            String tags, RequestPostProcessor token) {
        return post("/environments/" + project + "/" + key + "/edit").with(token)
            .with(csrf())
            .param("seen", SEEN_TEST)
            .param("name", name)
            .param("color", color)
            .param("defaultTtl", "0")
            .param("tags", tags)
            .param("_secureMode", "on")
            .param("_defaultTrackEvents", "on")
            .param("_requireComments", "on")
            .param("_confirmChanges", "on")
            .param("_critical", "on");
    }

    private ObjectNode environment(String project, String key) {
        return sandbox.environmentsOf(project)
            .stream()
            .filter(e -> e.get("key").asString().equals(key))
            .findFirst()
            .orElseThrow();
    }

    private SandboxRequest lastPatch() {
        List<SandboxRequest> patches = sandbox.requests().stream().filter(r -> r.method().equals("PATCH")).toList();
        assertThat(patches).as("a PATCH was sent").isNotEmpty();
        return patches.get(patches.size() - 1);
    }

    private AuditEntry latest(String action) {
        List<AuditEntry> entries = audit.page(AuditFilter.none().withAction(action), null, null, 1).entries();
        assertThat(entries).as("an audit entry of %s", action).isNotEmpty();
        // As its own page reads it, with the request it sent (a list reads no bodies).
        return audit.find(entries.get(0).id(), AuditFilter.none()).orElseThrow();
    }

}
