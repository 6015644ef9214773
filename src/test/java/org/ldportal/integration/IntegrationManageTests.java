package org.ldportal.integration;

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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Managing an integration's configurations and audit-log subscriptions, against the
 * sandbox: the integration's page (both lists, read at once, with delivery status), one
 * of each with secrets hidden, turning off as a patch of the version seen, a refusal when
 * it changed meanwhile, deleting after the name is typed, and refusals for viewers.
 */
class IntegrationManageTests extends PortalIntegrationTest {

    private final LaunchDarklySandbox sandbox = LaunchDarklySandbox.shared();

    @Autowired
    MockMvc mvc;

    @Autowired
    AuditQueries audit;

    @Autowired
    SessionRepository<? extends Session> sessions;

    @Test
    void integrationPageThenConfigurationsAndSubscriptionsWithStateAndDeliveries() throws Exception {
        sandbox.seedConfiguration("acme-webhooks", "Acme alerts", acme());
        sandbox.seedSubscription("log-stream", "Audit to logs", logs(), 42, 3);

        mvc.perform(get("/integrations/acme-webhooks").with(TestUsers.viewer()))
            .andExpect(status().isOk())
            .andExpect(content()
                .string(allOf(containsString("Acme alerts"), containsString("data-testid=\"item-state\">On<"))));
        mvc.perform(get("/integrations/log-stream").with(TestUsers.viewer()))
            .andExpect(status().isOk())
            .andExpect(content().string(allOf(containsString("Audit to logs"),
                    containsString("data-testid=\"delivered\">42<"), containsString("data-testid=\"failed\">3<"))));
        assertThat(sandbox.requests())
            .anyMatch(request -> request.path().startsWith("/api/v2/integrations/log-stream"));
    }

    @Test
    void detailThenValuesWithManifestNamesAndSecretsHidden() throws Exception {
        ObjectNode configuration = sandbox.seedConfiguration("acme-webhooks", "Acme alerts", acme());

        String page = mvc
            .perform(get("/integrations/acme-webhooks/configurations/" + id(configuration)).with(TestUsers.editor()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();

        assertThat(page).contains("https://hooks.example.com", "set, hidden", "data-testid=\"turn\"")
            .doesNotContain("acme-signing-secret");
    }

    @Test
    void turnOffThenPatchOfTheSeenVersionAndAuditedElseRefusedWhenChangedMeanwhile() throws Exception {
        sandbox.answerVersions();
        ObjectNode subscription = sandbox.seedSubscription("log-stream", "Audit to logs", logs(), 0, 0);
        String path = "/integrations/log-stream/subscriptions/" + id(subscription);

        mvc.perform(post(path + "/turn-off").with(FormTokens.fresh())
            .param("version", "1")
            .with(TestUsers.editor())
            .with(csrf()))
            .andExpect(redirectedUrl(path))
            .andExpect(flash().attribute("notice", "The audit-log subscription Audit to logs is now off."));
        assertThat(sandbox.subscriptions("log-stream").get(0).get("on").asBoolean()).isFalse();
        assertThat(latest("turn-off").outcome()).isEqualTo(AuditOutcome.SUCCEEDED);
        assertThat(latest("turn-off").integrationKey()).isEqualTo("log-stream");

        mvc.perform(post(path + "/turn-on").with(FormTokens.fresh())
            .param("version", "1")
            .with(TestUsers.editor())
            .with(csrf()))
            .andExpect(status().isOk())
            .andExpect(content().string(allOf(containsString("changed in LaunchDarkly since you opened this page"),
                    containsString("data-testid=\"reload\""))));
        assertThat(sandbox.subscriptions("log-stream").get(0).get("on").asBoolean()).isFalse();
        assertThat(latest("turn-on").httpStatus()).isEqualTo(409);
    }

    @Test
    void deleteWhenNameTypedThenGoneElseErrorAtTheField() throws Exception {
        ObjectNode configuration = sandbox.seedConfiguration("acme-webhooks", "Acme alerts", acme());
        String path = "/integrations/acme-webhooks/configurations/" + id(configuration);

        mvc.perform(post(path + "/delete").with(FormTokens.fresh())
            .param("confirmation", "acme")
            .with(TestUsers.editor())
            .with(csrf()))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("id=\"confirmation-error\"")));
        assertThat(sandbox.integrationConfigurations("acme-webhooks")).hasSize(1);

        mvc.perform(post(path + "/delete").with(FormTokens.fresh())
            .param("confirmation", "Acme alerts")
            .with(TestUsers.editor())
            .with(csrf())).andExpect(redirectedUrl("/integrations/acme-webhooks"));
        assertThat(sandbox.integrationConfigurations("acme-webhooks")).isEmpty();
        assertThat(latest("delete").outcome()).isEqualTo(AuditOutcome.SUCCEEDED);
        mvc.perform(get("/integrations/acme-webhooks").with(TestUsers.editor()))
            .andExpect(content().string(
                    allOf(containsString("data-testid=\"configurations-empty\""), not(containsString("Acme alerts")))));
    }

    @Test
    void deleteWhenSubmittedTwiceWithTheSameTokenThenSentOnceAndTheRepeatShowsItWasDeleted() throws Exception {
        ObjectNode configuration = sandbox.seedConfiguration("acme-webhooks", "Acme alerts", acme());
        String path = "/integrations/acme-webhooks/configurations/" + id(configuration);
        StoredSession session = StoredSession.open(sessions);

        for (int submit = 0; submit < 2; submit++) {
            mvc.perform(post(path + "/delete").with(FormTokens.same("configuration-delete-twice"))
                .param("confirmation", "Acme alerts")
                .with(TestUsers.editor())
                .with(csrf())
                .with(session)).andExpect(redirectedUrl("/integrations/acme-webhooks"));
        }

        assertThat(sandbox.requests().stream().filter(request -> request.method().equals("DELETE"))).hasSize(1);
        mvc.perform(get("/integrations/acme-webhooks").with(TestUsers.editor()).with(session))
            .andExpect(content().string(containsString("Acme alerts was deleted")));
    }

    @Test
    void editWhenUrlChangedAndSecretLeftEmptyThenOnlyTheUrlSentTestedAgainstTheVersionSeen() throws Exception {
        sandbox.answerVersions();
        ObjectNode configuration = sandbox.seedConfiguration("acme-webhooks", "Acme alerts", acme());
        String path = "/integrations/acme-webhooks/configurations/" + id(configuration);
        String form = mvc.perform(get(path + "/edit").with(TestUsers.editor()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(form).contains("value=\"https://hooks.example.com\"", "leave one empty to keep the current secret")
            .doesNotContain("acme-signing-secret");

        mvc.perform(edit(path, "Acme alerts", "https://hooks2.example.com", "")).andExpect(redirectedUrl(path));

        assertThat(lastPatch()).isEqualTo("[{\"op\":\"test\",\"path\":\"/_version\",\"value\":1},"
                + "{\"op\":\"test\",\"path\":\"/configValues/URL\",\"value\":\"https://hooks.example.com\"},"
                + "{\"op\":\"replace\",\"path\":\"/configValues/URL\",\"value\":\"https://hooks2.example.com\"}]");
        assertThat(latest("update").outcome()).isEqualTo(AuditOutcome.SUCCEEDED);
    }

    @Test
    void editWhenANewSecretTypedThenSentNeverRecordedAndABadUrlRefusedAtTheField() throws Exception {
        sandbox.answerVersions();
        ObjectNode configuration = sandbox.seedConfiguration("acme-webhooks", "Acme alerts", acme());
        String path = "/integrations/acme-webhooks/configurations/" + id(configuration);

        mvc.perform(edit(path, "Acme alerts", "not a url", ""))
            .andExpect(status().isOk())
            .andExpect(content()
                .string(allOf(containsString("aria-invalid=\"true\""), containsString("value=\"not a url\""))));
        assertThat(sandbox.requests()).noneMatch(request -> request.method().equals("PATCH"));

        mvc.perform(edit(path, "Acme alerts", "https://hooks.example.com", "rotated-secret-789"))
            .andExpect(redirectedUrl(path));
        assertThat(lastPatch())
            .contains("{\"op\":\"replace\",\"path\":\"/configValues/signingSecret\",\"value\":\"rotated-secret-789\"}");
        assertThat(latest("update").requestBody()).doesNotContain("rotated-secret-789").contains("signingSecret");
    }

    @Test
    void editWhenTheNameTagsAndAFieldAreRefusedThenTheOneErrorSummaryListsEachLinkingToItsField() throws Exception {
        ObjectNode configuration = sandbox.seedConfiguration("acme-webhooks", "Acme alerts", acme());
        String path = "/integrations/acme-webhooks/configurations/" + id(configuration);

        String page = mvc
            .perform(post(path + "/edit").with(FormTokens.fresh())
                .with(TestUsers.editor())
                .with(csrf())
                .param("name", "")
                .param("tags", "bad tag!")
                .param("config[URL]", "not a url")
                .param("config[format]", "json"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();

        int start = page.indexOf("id=\"form-errors\"");
        String summary = page.substring(start, page.indexOf("</ul>", start));
        assertThat(summary).contains("Nothing was changed.", "href=\"#name\">Give it a name.", "href=\"#tags\"",
                "href=\"#config-URL\"");
        assertThat(page).contains("value=\"bad tag!\"", "value=\"not a url\"");
        assertThat(sandbox.requests()).noneMatch(request -> request.method().equals("PATCH"));
    }

    @Test
    void configurationWhenAddressedUnderAnotherIntegrationOrByABlankIdThenNotFound() throws Exception {
        ObjectNode configuration = sandbox.seedConfiguration("acme-webhooks", "Acme alerts", acme());

        mvc.perform(get("/integrations/pager-alerts/configurations/" + id(configuration)).with(TestUsers.editor()))
            .andExpect(status().isNotFound())
            .andExpect(content().string(allOf(containsString("data-testid=\"gone\""),
                    containsString("data-testid=\"user-name\""), not(containsString("acme-signing-secret")))));
        mvc.perform(post("/integrations/pager-alerts/configurations/" + id(configuration) + "/delete")
            .with(FormTokens.fresh())
            .param("confirmation", "Acme alerts")
            .with(TestUsers.editor())
            .with(csrf())).andExpect(status().isNotFound());
        mvc.perform(get("/integrations/acme-webhooks/configurations/{id}", " ").with(TestUsers.editor()))
            .andExpect(status().isNotFound());
        assertThat(sandbox.integrationConfigurations("acme-webhooks")).hasSize(1);
    }

    @Test
    void editASubscriptionsPolicyThenSentWholeCheckedFirstAndWithoutJavaScriptRowsAdded() throws Exception {
        sandbox.answerVersions();
        ObjectNode subscription = sandbox.seedSubscription("log-stream", "Audit to logs", logs(), 0, 0);
        String path = "/integrations/log-stream/subscriptions/" + id(subscription);
        mvc.perform(get(path + "/edit").with(TestUsers.editor()))
            .andExpect(status().isOk())
            .andExpect(content().string(allOf(containsString("What to send"), containsString("data-policy-editor"))));

        mvc.perform(subscriptionEdit(path, "proj/*:env/production:flag/*").param("editPolicy", "add"))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("name=\"statements[1].resources\"")));
        mvc.perform(subscriptionEdit(path, "production flags"))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("id=\"statements0.resources-error\"")));
        assertThat(sandbox.requests()).noneMatch(request -> request.method().equals("PATCH"));

        mvc.perform(subscriptionEdit(path, "proj/*:env/production:flag/*")).andExpect(redirectedUrl(path));

        assertThat(lastPatch()).startsWith("[{\"op\":\"test\",\"path\":\"/_version\",\"value\":1},"
                + "{\"op\":\"test\",\"path\":\"/statements\",\"value\":[]},"
                + "{\"op\":\"replace\",\"path\":\"/statements\",\"value\":[{\"effect\":\"allow\","
                + "\"resources\":[\"proj/*:env/production:flag/*\"]");
        assertThat(
                sandbox.subscriptions("log-stream").get(0).get("statements").get(0).get("resources").get(0).asString())
            .isEqualTo("proj/*:env/production:flag/*");
        mvc.perform(get(path).with(TestUsers.editor()))
            .andExpect(content().string(containsString("allow: proj/*:env/production:flag/* (*)")));
    }

    @Test
    void editAPolicyWhenTheSubscriptionHasNoVersionThenTheShownPolicyIsTestedAndAChangeMadeMeanwhileIsNotOverwritten()
            throws Exception {
        // As the spec's Integration schema has it: no _version, so only testing the
        // policy shown guards it.
        ObjectNode subscription = sandbox.seedSubscription("log-stream", "Audit to logs", logs(), 0, 0);
        String path = "/integrations/log-stream/subscriptions/" + id(subscription);
        String seen = seenOf(mvc.perform(get(path + "/edit").with(TestUsers.editor()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString());
        assertThat(seen).contains("\"statements\":\"[]\"");
        sandbox.changeSubscriptionPolicyMeanwhile("log-stream", id(subscription), "proj/*:env/test:flag/*");

        mvc.perform(subscriptionEdit(path, "proj/*:env/production:flag/*", seen, null))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("changed in LaunchDarkly since you opened this page")));

        assertThat(lastPatch())
            .startsWith("[{\"op\":\"test\",\"path\":\"/statements\",\"value\":[]},"
                    + "{\"op\":\"replace\",\"path\":\"/statements\"")
            .doesNotContain("_version");
        assertThat(
                sandbox.subscriptions("log-stream").get(0).get("statements").get(0).get("resources").get(0).asString())
            .as("the change made in LaunchDarkly meanwhile stands")
            .isEqualTo("proj/*:env/test:flag/*");
        assertThat(latest("update").httpStatus()).isEqualTo(409);

        String again = seenOf(mvc.perform(get(path + "/edit").with(TestUsers.editor()))
            .andReturn()
            .getResponse()
            .getContentAsString());
        mvc.perform(subscriptionEdit(path, "proj/*:env/production:flag/*", again, null)).andExpect(redirectedUrl(path));
        assertThat(
                sandbox.subscriptions("log-stream").get(0).get("statements").get(0).get("resources").get(0).asString())
            .isEqualTo("proj/*:env/production:flag/*");
    }

    /** What an edit page carries of what it showed (its hidden "seen" field). */
    private static String seenOf(String page) {
        java.util.regex.Matcher seen = java.util.regex.Pattern.compile("name=\"seen\" value=\"([^\"]*)\"")
            .matcher(page);
        assertThat(seen.find()).as("the page carries what it showed").isTrue();
        return org.springframework.web.util.HtmlUtils.htmlUnescape(seen.group(1));
    }

    private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder subscriptionEdit(
            String path, String resources) {
        return subscriptionEdit(path, resources,
                "{\"name\":\"Audit to logs\",\"tags\":\"\","
                        + "\"config.base-url\":\"https://logs.example.com\",\"config.skip-ca-verification\":\"false\"}",
                "1");
    }

    private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder subscriptionEdit(
            String path, String resources, String seen, String version) {
        org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder edit = post(path + "/edit")
            .with(FormTokens.fresh())
            .with(TestUsers.editor())
            .with(csrf())
            .param("name", "Audit to logs")
            .param("tags", "")
            .param("seen", seen);
        if (version != null) {
            edit = edit.param("version", version);
        }
        return edit.param("config[base-url]", "https://logs.example.com")
            .param("config[token]", "")
            .param("config[skip-ca-verification]", "false")
            .param("statements[0].effect", "allow")
            .param("statements[0].resources", resources)
            .param("statements[0].actions", "*");
    }

    @Test
    void changesWhenViewerThenForbiddenAndNothingSent() throws Exception {
        ObjectNode configuration = sandbox.seedConfiguration("acme-webhooks", "Acme alerts", acme());
        String path = "/integrations/acme-webhooks/configurations/" + id(configuration);

        mvc.perform(get(path).with(TestUsers.viewer()))
            .andExpect(status().isOk())
            .andExpect(content().string(not(containsString("data-testid=\"turn\""))));
        mvc.perform(post(path + "/turn-off").with(FormTokens.fresh()).with(TestUsers.viewer()).with(csrf()))
            .andExpect(status().isForbidden());
        mvc.perform(post(path + "/delete").with(FormTokens.fresh())
            .param("confirmation", "Acme alerts")
            .with(TestUsers.viewer())
            .with(csrf())).andExpect(status().isForbidden());

        assertThat(sandbox.integrationConfigurations("acme-webhooks")).hasSize(1);
        assertThat(sandbox.requests())
            .noneMatch(request -> request.method().equals("PATCH") || request.method().equals("DELETE"));
    }

    private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder edit(String path,
            String name, String url, String secret) {
        return post(path + "/edit").with(FormTokens.fresh())
            .with(TestUsers.editor())
            .with(csrf())
            .param("name", name)
            .param("tags", "")
            .param("version", "1")
            .param("seen", "{\"name\":\"Acme alerts\",\"tags\":\"\",\"config.URL\":"
                    + "\"https://hooks.example.com\",\"config.format\":\"json\",\"config.includeDetails\":\"\"}")
            .param("config[URL]", url)
            .param("config[signingSecret]", secret)
            .param("config[format]", "json");
    }

    private String lastPatch() {
        List<org.ldportal.sandbox.SandboxRequest> patches = sandbox.requests()
            .stream()
            .filter(request -> request.method().equals("PATCH"))
            .toList();
        assertThat(patches).as("a PATCH was sent").isNotEmpty();
        return patches.get(patches.size() - 1).body();
    }

    private static Map<String, Object> acme() {
        return Map.of("URL", "https://hooks.example.com", "signingSecret", "acme-signing-secret", "format", "json");
    }

    private static Map<String, Object> logs() {
        return Map.of("base-url", "https://logs.example.com", "token", "log-token", "skip-ca-verification", false);
    }

    private static String id(ObjectNode resource) {
        return resource.get("_id").asString();
    }

    private AuditEntry latest(String action) {
        List<AuditEntry> entries = audit.page(AuditFilter.none().withAction(action), null, null, 1).entries();
        assertThat(entries).as("an audit entry of %s", action).isNotEmpty();
        // As its own page reads it, with the request it sent (a list reads no bodies).
        return audit.find(entries.get(0).id(), AuditFilter.none()).orElseThrow();
    }

}
