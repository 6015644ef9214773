package org.ldportal.integration;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.ldportal.audit.AuditEntry;
import org.ldportal.audit.AuditRepository;
import org.ldportal.form.FieldSpec;
import org.ldportal.form.FieldType;
import org.ldportal.sandbox.LaunchDarklySandbox;
import org.ldportal.testsupport.PortalIntegrationTest;
import org.ldportal.testsupport.FormTokens;
import org.ldportal.testsupport.StoredSession;
import org.ldportal.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

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
 * The integration pages against the sandbox's manifests: catalog, every form, creating,
 * errors.
 */
class IntegrationPagesTests extends PortalIntegrationTest {

    /** Someone whose roles hold everywhere: the forms as an admin sees them. */
    private static final org.ldportal.security.CurrentUser ADMIN = new org.ldportal.security.CurrentUser("ada",
            "Ada Admin", null, java.util.EnumSet.allOf(org.ldportal.security.PortalRole.class));

    @Autowired
    private MockMvc mvc;

    @Autowired
    org.springframework.session.SessionRepository<? extends org.springframework.session.Session> sessions;

    @Autowired
    private ManifestCatalog catalog;

    @Autowired
    private IntegrationService integrations;

    @Autowired
    private AuditRepository audit;

    @Test
    void listThenTwoGroupsAndWhySomeCannotBeSetUpHere() throws Exception {
        mvc.perform(get("/integrations").with(TestUsers.viewer()))
            .andExpect(status().isOk())
            .andExpect(content().string(allOf(containsString("Integration configurations"),
                    containsString("Acme Webhooks"), containsString("Audit-log subscriptions"),
                    containsString("Log Stream"), containsString("can't be set up in the portal."),
                    containsString("Its configuration is managed by the integration itself"),
                    containsString("https://edge-store.example.com/integrations/launchdarkly"),
                    containsString("It needs an OAuth connection"), not(containsString("Refresh the list")),
                    not(containsString("/integrations/log-stream/new")))));
    }

    @Test
    void listWhenSetUpOnLaunchDarklysOwnPagesThenLinkOnTheConfiguredHost() throws Exception {
        // The portal under test talks to the sandbox, so its "LaunchDarkly" is the
        // sandbox's address, not app.launchdarkly.com.
        mvc.perform(get("/integrations").with(TestUsers.viewer()))
            .andExpect(status().isOk())
            .andExpect(content().string(allOf(containsString("Insights Hub"),
                    containsString("href=\"" + LaunchDarklySandbox.shared().baseUrl()
                            + "/product-analytics/integrations/insights-hub\""),
                    not(containsString("app.launchdarkly.com")))));
    }

    @Test
    void createWhenLaunchDarklyGeneratesValuesThenTheResultPageShowsThem() throws Exception {
        StoredSession session = StoredSession.open(sessions);
        mvc.perform(post("/integrations/pager-alerts/new").with(FormTokens.fresh())
            .param("type", "configuration")
            .with(session)
            .with(TestUsers.editor())
            .with(csrf())
            .param("name", "Pages")
            .param("config[routingKey]", "rk-secret-1")
            .param("config[severity]", "error")).andExpect(redirectedUrl("/integrations/created"));

        String externalId = LaunchDarklySandbox.shared()
            .integrationConfigurations("pager-alerts")
            .get(0)
            .get("configValues")
            .get("externalId")
            .asString();
        mvc.perform(get("/integrations/created").with(TestUsers.editor()).with(session))
            .andExpect(status().isOk())
            .andExpect(content()
                .string(allOf(containsString("Values LaunchDarkly made for it"), containsString("External ID"),
                        containsString(externalId), containsString("Public key"), not(containsString("rk-secret-1")))));
    }

    @Test
    void secretWhenTypedBeforeARoundTripThenKeptEncryptedAndUsedWhenLeftEmpty() throws Exception {
        StoredSession session = StoredSession.open(sessions);
        String draft = "draft-for-kept-secret-1";

        String edited = mvc
            .perform(post("/integrations/log-stream/new").param("type", "subscription")
                .with(session)
                .with(TestUsers.editor())
                .with(csrf())
                .param("formDraft", draft)
                .param("name", "Logs")
                .param("config[base-url]", "https://logs.example.com")
                .param("config[token]", "tok-kept-4711")
                .param("statements[0].resources", "proj/*")
                .param("statements[0].actions", "*")
                .param("editPolicy", "add"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(edited).doesNotContain("tok-kept-4711")
            .contains("Kept: leave this empty")
            .contains("value=\"" + draft + "\"");
        java.util.List<String> stored = java.util.Collections.list(session.getAttributeNames())
            .stream()
            .map(name -> String.valueOf(session.getAttribute(name)))
            .toList();
        assertThat(String.join(" ", stored)).as("the session holds it encrypted").doesNotContain("tok-kept-4711");

        mvc.perform(post("/integrations/log-stream/new").param("type", "subscription")
            .with(session)
            .with(FormTokens.fresh())
            .with(TestUsers.editor())
            .with(csrf())
            .param("formDraft", draft)
            .param("name", "Logs")
            .param("config[base-url]", "https://logs.example.com")
            .param("config[token]", "")
            .param("statements[0].resources", "proj/*")
            .param("statements[0].actions", "*")).andExpect(redirectedUrl("/integrations/created"));

        assertThat(LaunchDarklySandbox.shared().requests()).filteredOn(request -> request.method().equals("POST"))
            .singleElement()
            .satisfies(request -> assertThat(request.body()).contains("tok-kept-4711"));
        mvc.perform(post("/integrations/log-stream/new").param("type", "subscription")
            .with(session)
            .with(TestUsers.editor())
            .with(csrf())
            .param("formDraft", draft)
            .param("name", "Logs")
            .param("editPolicy", "add")).andExpect(content().string(not(containsString("Kept: leave this empty"))));
    }

    @Test
    void listWhenSearchedThenOnlyMatches() throws Exception {
        mvc.perform(get("/integrations").param("q", "pager").with(TestUsers.editor()))
            .andExpect(content().string(allOf(containsString("Pager Alerts"), not(containsString("Log Stream")))));
    }

    @Test
    void refreshWhenAdminThenReadAgain() throws Exception {
        mvc.perform(get("/integrations").with(TestUsers.admin()))
            .andExpect(content().string(containsString("Refresh the list")));
        mvc.perform(post("/integrations/manifests/refresh").with(TestUsers.admin()).with(csrf()))
            .andExpect(redirectedUrl("/integrations"))
            .andExpect(flash().attribute("refreshed", true));
    }

    @Test
    void everyOfferedFormThenRendersEachVisibleVariableAsALabelledField() throws Exception {
        for (Manifest manifest : catalog.all()) {
            for (IntegrationType type : IntegrationType.values()) {
                if (manifest.configurationBlockedBecause() != null
                        || IntegrationType.from(type.parameter(), manifest) != type) {
                    continue;
                }
                String page = mvc
                    .perform(get("/integrations/" + manifest.key() + "/new").param("type", type.parameter())
                        .with(TestUsers.editor()))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
                for (FieldSpec field : integrations.configForm(manifest, ADMIN).fields()) {
                    if (!field.isAlwaysHidden()) {
                        // Inputs carry the field's name; read-only and notice fields take
                        // no input, only an id.
                        boolean input = field.type() != FieldType.READ_ONLY && field.type() != FieldType.NOTICE;
                        assertThat(page).as("%s %s: %s", manifest.key(), type, field.key())
                            .contains(input ? "name=\"config[" + field.key() + "]\""
                                    : "id=\"config-" + field.key() + "\"")
                            .contains(">" + field.label() + "<");
                    }
                }
            }
        }
    }

    @Test
    void formThenDynamicChoicesFromTheEndpointAndPolicyPrefilledFromTheManifest() throws Exception {
        mvc.perform(get("/integrations/acme-webhooks/new").param("type", "subscription").with(TestUsers.editor()))
            .andExpect(content().string(allOf(containsString(">Fuchsia rose<"), containsString("value=\"#C74375\""),
                    containsString("proj/*:env/production:flag/*"), containsString("All flags in production"),
                    containsString("href=\"https://example.com/acme/guide\""))));
    }

    @Test
    void formWhenManifestCannotBeSetUpHereOrUnknownThenNotFound() throws Exception {
        mvc.perform(get("/integrations/edge-store/new").with(TestUsers.editor())).andExpect(status().isNotFound());
        mvc.perform(get("/integrations/no-such/new").with(TestUsers.editor())).andExpect(status().isNotFound());
        mvc.perform(get("/integrations/pager-alerts/new").param("type", "subscription").with(TestUsers.editor()))
            .andExpect(status().isNotFound());
    }

    @Test
    void createSubscriptionThenSentWithStatementsAndAuditedWithSecretRedacted() throws Exception {
        mvc.perform(post("/integrations/log-stream/new").with(FormTokens.fresh())
            .param("type", "subscription")
            .with(TestUsers.editor())
            .with(csrf())
            .param("name", "Audit to logs")
            .param("enabled", "true")
            .param("config[base-url]", "https://logs.example.com")
            .param("config[token]", "tok-secret-4242")
            .param("statements[0].effect", "allow")
            .param("statements[0].resources", "proj/*:env/*:flag/*")
            .param("statements[0].actions", "*")).andExpect(redirectedUrl("/integrations/created"));

        assertThat(LaunchDarklySandbox.shared().subscriptions("log-stream")).singleElement().satisfies(subscription -> {
            assertThat(subscription.get("statements").toString()).contains("proj/*:env/*:flag/*");
            assertThat(subscription.get("config").get("skip-ca-verification").asBoolean()).isFalse();
        });
        AuditEntry entry = audit.findTop50ByOrderByIdDesc().get(0);
        assertThat(entry.resourceType()).isEqualTo("audit-log-subscription");
        assertThat(entry.integrationKey()).isEqualTo("log-stream");
        assertThat(entry.requestBody()).doesNotContain("tok-secret-4242").contains("[REDACTED]");
    }

    @Test
    void createConfigurationWhenLaunchDarklyRejectsThenMessageAtFieldAndSecretNotInPage() throws Exception {
        LaunchDarklySandbox.shared()
            .failNextPost("/integration-configurations/", 400, "invalid_request",
                    "configValues.signingSecret: the secret sig-Secret-777 is too short");

        String page = mvc
            .perform(post("/integrations/acme-webhooks/new").with(FormTokens.fresh())
                .param("type", "configuration")
                .with(TestUsers.editor())
                .with(csrf())
                .param("name", "Acme hooks")
                .param("config[URL]", "https://hooks.example.com")
                .param("config[signingSecret]", "sig-Secret-777")
                .param("config[format]", "json")
                .param("statements[0].effect", "allow")
                .param("statements[0].resources", "proj/*")
                .param("statements[0].actions", "*"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();

        assertThat(page).doesNotContain("sig-Secret-777")
            .contains("id=\"config-signingSecret-error\"")
            .contains("value=\"https://hooks.example.com\"")
            .contains("Kept: leave this empty");
    }

    @Test
    void createConfigurationWhen404Or409ThenToldWhatLaunchDarklySaysNotAGuessedCause() throws Exception {
        LaunchDarklySandbox.shared()
            .failNextPost("/integration-configurations/", 404, "not_found", "integration key not found");
        mvc.perform(acme("Acme hooks"))
            .andExpect(status().isOk())
            .andExpect(content()
                .string(allOf(containsString("LaunchDarkly has no integration with the key acme-webhooks"),
                        containsString("integration key not found"), not(containsString("project or environment")))));

        LaunchDarklySandbox.shared()
            .failNextPost("/integration-configurations/", 409, "conflict",
                    "Too many configurations for this integration");
        mvc.perform(acme("Acme hooks"))
            .andExpect(status().isOk())
            .andExpect(content().string(allOf(
                    containsString(
                            "LaunchDarkly refused the integration configuration as a conflict: Too many configurations "
                                    + "for this integration. Nothing was created."),
                    not(containsString("Choose another name")), not(containsString("id=\"name-error\"")))));
        assertThat(LaunchDarklySandbox.shared().integrationConfigurations("acme-webhooks")).isEmpty();
    }

    private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder acme(String name) {
        return post("/integrations/acme-webhooks/new").with(FormTokens.fresh())
            .param("type", "configuration")
            .with(TestUsers.editor())
            .with(csrf())
            .param("name", name)
            .param("config[URL]", "https://hooks.example.com")
            .param("config[signingSecret]", "sig-secret-12345")
            .param("config[format]", "json")
            .param("statements[0].effect", "allow")
            .param("statements[0].resources", "proj/*")
            .param("statements[0].actions", "*");
    }

    @Test
    void createWhenRequiredManifestFieldMissingThenInlineAndNothingSent() throws Exception {
        mvc.perform(post("/integrations/pager-alerts/new").with(FormTokens.fresh())
            .param("type", "configuration")
            .with(TestUsers.editor())
            .with(csrf())
            .param("name", "Pages")
            .param("config[severity]", "error")
            .param("config[escalate]", "true"))
            .andExpect(status().isOk())
            .andExpect(content()
                .string(allOf(containsString("Fill in Routing key."), containsString("Fill in Escalation policy."))));
        assertThat(LaunchDarklySandbox.shared().integrationConfigurations("pager-alerts")).isEmpty();
    }

    @Test
    void formWhenFieldHasTwoDependsOnEntriesThenBothRenderedForTheScriptAndWithoutItTheServerDecides()
            throws Exception {
        String first = mvc.perform(get("/integrations/pager-alerts/new").with(TestUsers.editor()))
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(noteTag(first)).as("starts hidden, both entries in one attribute")
            .contains(" hidden")
            .contains(
                    "data-conditions=\"[{&quot;field&quot;:&quot;config[escalate]&quot;,&quot;read&quot;:&quot;checkbox&quot;")
            .contains(
                    "&quot;field&quot;:&quot;config[severity]&quot;,&quot;read&quot;:&quot;value&quot;,&quot;action&quot;:&quot;HIDE&quot;");

        String escalating = mvc
            .perform(post("/integrations/pager-alerts/new").with(FormTokens.fresh())
                .param("type", "configuration")
                .with(TestUsers.editor())
                .with(csrf())
                .param("name", "Pages")
                .param("config[routingKey]", "rk")
                .param("config[severity]", "error")
                .param("config[escalate]", "true")
                .param("config[escalationPolicy]", "p1"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(noteTag(escalating)).doesNotContain(" hidden");
        assertThat(escalating).contains("Fill in Note for the escalation.");

        mvc.perform(post("/integrations/pager-alerts/new").with(FormTokens.fresh())
            .param("type", "configuration")
            .with(TestUsers.editor())
            .with(csrf())
            .param("name", "Pages")
            .param("config[routingKey]", "rk")
            .param("config[severity]", "critical")
            .param("config[escalate]", "true")
            .param("config[escalationPolicy]", "p1")).andExpect(redirectedUrl("/integrations/created"));
        assertThat(LaunchDarklySandbox.shared().integrationConfigurations("pager-alerts")).singleElement()
            .satisfies(c -> assertThat(c.get("configValues").has("escalationNote")).isFalse());
    }

    private static String noteTag(String page) {
        Matcher tag = Pattern.compile("<div[^>]*id=\"config-escalationNote-field\"[^>]*>").matcher(page);
        assertThat(tag.find()).as("the note's field is on the page").isTrue();
        return tag.group();
    }

    @Test
    void policyEditorWithoutJavaScriptThenAddRemoveAndPresetRoundTrip() throws Exception {
        mvc.perform(post("/integrations/log-stream/new").with(FormTokens.fresh())
            .param("type", "subscription")
            .with(TestUsers.editor())
            .with(csrf())
            .param("name", "Logs")
            .param("statements[0].resources", "proj/a")
            .param("editPolicy", "add"))
            .andExpect(content().string(allOf(containsString("Statement 2"), containsString("proj/a"))));
        mvc.perform(post("/integrations/log-stream/new").with(FormTokens.fresh())
            .param("type", "subscription")
            .with(TestUsers.editor())
            .with(csrf())
            .param("name", "Logs")
            .param("statements[0].resources", "proj/a")
            .param("editPolicy", "preset-all-flags"))
            .andExpect(content().string(allOf(containsString("proj/*:env/*:flag/*"), not(containsString(">proj/a<")))));
        mvc.perform(post("/integrations/log-stream/new").with(FormTokens.fresh())
            .param("type", "subscription")
            .with(TestUsers.editor())
            .with(csrf())
            .param("name", "Logs")
            .param("statements[0].resources", "proj/a")
            .param("editPolicy", "remove-0")).andExpect(content().string(not(containsString("Statement 1"))));
    }

    @Test
    void approvalFormVariablesWhenNotAnArrayOfVariablesThenRefused() throws Exception {
        mvc.perform(post("/integrations/approval-bridge/new").with(FormTokens.fresh())
            .param("type", "configuration")
            .with(TestUsers.editor())
            .with(csrf())
            .param("name", "Approvals")
            .param("config[apiKey]", "k")
            .param("config[baseURL]", "https://approvals.example.com")
            .param("additionalFormVariables", "[{\"key\": \"ticket\"}]"))
            .andExpect(content().string(containsString("Each form variable needs at least a key, a name and a type.")));
        assertThat(LaunchDarklySandbox.shared().integrationConfigurations("approval-bridge")).isEmpty();

        mvc.perform(post("/integrations/approval-bridge/new").with(FormTokens.fresh())
            .param("type", "configuration")
            .with(TestUsers.editor())
            .with(csrf())
            .param("name", "Approvals")
            .param("config[apiKey]", "k")
            .param("config[baseURL]", "https://approvals.example.com")
            .param("additionalFormVariables", "[{\"key\": \"ticket\", \"name\": \"Ticket\", \"type\": \"string\"}]"))
            .andExpect(redirectedUrl("/integrations/created"));
        assertThat(LaunchDarklySandbox.shared().integrationConfigurations("approval-bridge")).singleElement()
            .satisfies(c -> assertThat(c.get("capabilityConfig").toString()).contains("Ticket"));
    }

    @Test
    void environmentSelectorThenProjectEnvironmentChoices() throws Exception {
        mvc.perform(get("/integrations/pager-alerts/new").with(TestUsers.editor()))
            .andExpect(content()
                .string(allOf(containsString("value=\"web-store/staging\""), containsString(">Web Store / Staging<"))));
    }

}
