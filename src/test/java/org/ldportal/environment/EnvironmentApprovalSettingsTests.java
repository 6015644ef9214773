package org.ldportal.environment;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.ldportal.audit.AuditEntry;
import org.ldportal.audit.AuditFilter;
import org.ldportal.audit.AuditOutcome;
import org.ldportal.audit.AuditQueries;
import org.ldportal.sandbox.LaunchDarklySandbox;
import org.ldportal.sandbox.SandboxRequest;
import org.ldportal.testsupport.FormTokens;
import org.ldportal.testsupport.PortalIntegrationTest;
import org.ldportal.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An environment's approval settings, which LaunchDarkly takes only as a change of the
 * environment: said on the create page and never sent by a create, shown and edited on
 * the edit page like every other setting (only what changed, tested against what the page
 * showed, in the trail), refused at their fields where LaunchDarkly would refuse them,
 * and left alone where the account answers none.
 */
class EnvironmentApprovalSettingsTests extends PortalIntegrationTest {

    private static final Pattern SEEN = Pattern.compile("name=\"seen\" value=\"([^\"]*)\"");

    private final LaunchDarklySandbox sandbox = LaunchDarklySandbox.shared();

    @Autowired
    MockMvc mvc;

    @Autowired
    AuditQueries audit;

    @Test
    void createWhenApprovalSettingsAreSentThenThePageSaysWhereTheyAreSetAndNoneReachesLaunchDarkly() throws Exception {
        String page = page("/environments/new?project=web-store");
        assertThat(page).contains("data-testid=\"approvals-on-create\"",
                "Approval settings cannot be set when an environment is created");
        assertThat(page).doesNotContain("id=\"minNumApprovals\"");

        mvc.perform(post("/environments/new").with(FormTokens.fresh())
            .with(csrf())
            .with(TestUsers.editor())
            .param("projectKey", "web-store")
            .param("name", "QA Nordics")
            .param("key", "qa-nordics")
            .param("color", "417505")
            .param("defaultTtl", "0")
            .param("approvalsRequired", "true")
            .param("minNumApprovals", "3")).andExpect(redirectedUrl("/environments/created"));

        SandboxRequest created = sandbox.requests()
            .stream()
            .filter(r -> r.method().equals("POST"))
            .reduce((first, second) -> second)
            .orElseThrow();
        assertThat(created.body()).contains("qa-nordics").doesNotContain("approval", "minNumApprovals");
    }

    @Test
    void editWhenApprovalSettingsChangedThenOnlyThoseSentTestedAgainstThePageAndShownOnTheEnvironment()
            throws Exception {
        String edit = page("/environments/web-store/test/edit");
        assertThat(edit).contains("data-testid=\"approval-settings\"", "Require approval for changes to every flag",
                "id=\"minNumApprovals\"");

        mvc.perform(unchanged(seenOn(edit)).param("approvalTags", "needs-review, payments")
            .param("minNumApprovals", "2")
            .param("canApplyDeclinedChanges", "true")).andExpect(redirectedUrl("/environments/web-store/test"));

        String patch = lastPatch().body();
        assertThat(patch)
            .contains("{\"op\":\"test\",\"path\":\"/approvalSettings/minNumApprovals\",\"value\":1}",
                    "{\"op\":\"replace\",\"path\":\"/approvalSettings/minNumApprovals\",\"value\":2}",
                    "{\"op\":\"test\",\"path\":\"/approvalSettings/requiredApprovalTags\",\"value\":[]}",
                    "{\"op\":\"replace\",\"path\":\"/approvalSettings/requiredApprovalTags\","
                            + "\"value\":[\"needs-review\",\"payments\"]}")
            .doesNotContain("\"/name\"", "\"/approvalSettings/required\"", "canApplyDeclinedChanges");
        JsonNode approvals = environment("web-store", "test").get("approvalSettings");
        assertThat(approvals.get("minNumApprovals").asInt()).isEqualTo(2);
        assertThat(approvals.get("requiredApprovalTags").toString()).isEqualTo("[\"needs-review\",\"payments\"]");
        assertThat(approvals.get("serviceKind").asString()).as("read only, untouched").isEqualTo("launchdarkly");

        String detail = page("/environments/web-store/test");
        assertThat(detail).contains("Require approval only for flags with these tags",
                "data-testid=\"detail-approvalTags\">needs-review, payments<",
                "data-testid=\"detail-minNumApprovals\">2<", "data-testid=\"detail-approvalService\">launchdarkly<");
        AuditEntry entry = latestUpdate();
        assertThat(entry.outcome()).isEqualTo(AuditOutcome.SUCCEEDED);
        assertThat(entry.requestBody()).contains("/approvalSettings/minNumApprovals");
    }

    @Test
    void editWhenEveryFlagAndTagsBothOrTooManyApprovalsThenMessagesAtTheFieldsAndNothingSent() throws Exception {
        String edit = page("/environments/web-store/test/edit");

        String refused = mvc
            .perform(unchanged(seenOn(edit)).param("approvalsRequired", "true")
                .param("approvalTags", "needs-review")
                .param("minNumApprovals", "6")
                .param("canApplyDeclinedChanges", "true"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();

        assertThat(refused).contains("id=\"approvalTags-error\"", "either for every flag or for flags with these tags",
                "id=\"minNumApprovals-error\"", "from 1 to 5", "value=\"needs-review\"", "value=\"6\"");
        assertThat(refused).contains("The environment was not changed.");
        assertThat(sandbox.requests()).noneMatch(r -> r.method().equals("PATCH"));
    }

    @Test
    void editWhenTheAccountAnswersNoApprovalSettingsThenNoneShownAndARenameSendsNoneOfThem() throws Exception {
        sandbox.withoutApprovals("web-store", "test");

        String edit = page("/environments/web-store/test/edit");
        assertThat(edit).doesNotContain("data-testid=\"approval-settings\"", "id=\"minNumApprovals\"");
        assertThat(page("/environments/web-store/test")).contains("approvals may not be on for this account");

        mvc.perform(post("/environments/web-store/test/edit").with(FormTokens.fresh())
            .with(csrf())
            .with(TestUsers.editor())
            .param("seen", seenOn(edit))
            .param("name", "Test EU")
            .param("color", "417505")
            .param("defaultTtl", "0")
            .param("tags", "")
            .param("_secureMode", "on")
            .param("_defaultTrackEvents", "on")
            .param("_requireComments", "on")
            .param("_confirmChanges", "on")
            .param("_critical", "on")).andExpect(redirectedUrl("/environments/web-store/test"));

        assertThat(lastPatch().body()).contains("\"/name\"").doesNotContain("approval");
        assertThat(environment("web-store", "test").has("approvalSettings")).isFalse();
    }

    /**
     * The edit as the page sends it when nothing but the approval settings the test adds
     * are changed: every box's marker, the values the page showed.
     */
    private static MockHttpServletRequestBuilder unchanged(String seen) {
        return post("/environments/web-store/test/edit").with(FormTokens.fresh())
            .with(csrf())
            .with(TestUsers.editor())
            .param("seen", seen)
            .param("name", "Test")
            .param("color", "417505")
            .param("defaultTtl", "0")
            .param("tags", "")
            .param("_secureMode", "on")
            .param("_defaultTrackEvents", "on")
            .param("_requireComments", "on")
            .param("_confirmChanges", "on")
            .param("_critical", "on")
            .param("_approvalsRequired", "on")
            .param("_canReviewOwnRequest", "on")
            .param("_canApplyDeclinedChanges", "on");
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path).with(TestUsers.editor()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    }

    private static String seenOn(String page) {
        Matcher seen = SEEN.matcher(page);
        assertThat(seen.find()).as("the page carries what it showed").isTrue();
        return HtmlUtils.htmlUnescape(seen.group(1));
    }

    private JsonNode environment(String project, String key) {
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

    private AuditEntry latestUpdate() {
        List<AuditEntry> entries = audit.page(AuditFilter.none().withAction("update"), null, null, 1).entries();
        assertThat(entries).as("an audit entry of the update").isNotEmpty();
        // As its own page reads it, with the request it sent (a list reads no bodies).
        return audit.find(entries.get(0).id(), AuditFilter.none()).orElseThrow();
    }

}
