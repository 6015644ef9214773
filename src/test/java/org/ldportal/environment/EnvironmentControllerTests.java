package org.ldportal.environment;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ldportal.audit.AuditAttempt;
import org.ldportal.audit.AuditOutcome;
import org.ldportal.audit.AuditTrail;
import org.ldportal.audit.ResourceHistory;
import org.ldportal.audit.SecretRedactor;
import org.ldportal.launchdarkly.Environment;
import org.ldportal.launchdarkly.EnvironmentPost;
import org.ldportal.launchdarkly.LaunchDarklyApiException;
import org.ldportal.launchdarkly.LaunchDarklyClient;
import org.ldportal.launchdarkly.LaunchDarklyDirectory;
import org.ldportal.launchdarkly.LaunchDarklyLinks;
import org.ldportal.launchdarkly.LaunchDarklyProperties;
import org.ldportal.launchdarkly.LaunchDarklyUnreachableException;
import org.ldportal.launchdarkly.Project;
import org.ldportal.testsupport.FormTokens;
import org.ldportal.testsupport.TestUsers;
import org.ldportal.testsupport.InMemorySubmissions;
import org.ldportal.testsupport.SliceTestBeans;
import org.ldportal.testsupport.WebSliceTest;
import org.ldportal.change.ApiFailureTranslator;
import org.ldportal.change.AuditedCall;
import org.ldportal.change.SecretBox;
import org.ldportal.change.SecretsProperties;
import org.ldportal.change.internal.Settlement;
import org.ldportal.change.pages.KnownKeys;
import org.ldportal.change.pages.PageLookups;
import org.ldportal.change.pages.SignedOutForms;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The form's validation, guardrails and every LaunchDarkly error case, with the real
 * service and a mocked client.
 */
@WebMvcTest(controllers = EnvironmentController.class)
@WebSliceTest
@Import({ EnvironmentService.class, org.ldportal.change.ChangeFlow.class, org.ldportal.change.pages.ChangePages.class,
        org.ldportal.change.KeptSecrets.class, ApiFailureTranslator.class, AuditedCall.class, Settlement.class,
        org.ldportal.access.AccessGuard.class, org.ldportal.access.PermittedPlaces.class,
        org.ldportal.change.pages.ReviewPages.class, org.ldportal.launchdarkly.ResourceCode.class,
        org.ldportal.change.ReviewWarnings.class, EnvironmentApprovals.class, EnvironmentManagement.class,
        TimeLimitedEnvironments.class, EnvironmentSettings.class, SecretBox.class, SignedOutForms.class,
        PageLookups.class, KnownKeys.class, InMemorySubmissions.class, SecretRedactor.class, LaunchDarklyLinks.class,
        LaunchDarklyDirectory.class, SliceTestBeans.class })
@EnableConfigurationProperties({ org.ldportal.change.internal.ReviewProperties.class, EnvironmentProperties.class,
        LaunchDarklyProperties.class, SecretsProperties.class })
@TestPropertySource(properties = { "portal.launchdarkly.directory-cache-ttl=0s",
        "portal.environments.reserved-keys[0].project=Mobile-App",
        "portal.environments.reserved-keys[0].keys=production,prod", "portal.environments.reserved-keys[1].project=*",
        "portal.environments.reserved-keys[1].keys=sandbox-admin" })
class EnvironmentControllerTests {

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private LaunchDarklyClient client;

    @MockitoBean
    private AuditTrail audit;

    @MockitoBean
    private EnvironmentLifetimes lifetimes;

    /** Only the manage pages read it; the create flows here never do. */
    @MockitoBean
    private ResourceHistory history;

    @BeforeEach
    void projects() {
        when(client.listAllProjects()).thenReturn(List.of(new Project("p1", "mobile-app", "Mobile App", List.of())));
        when(client.listAllEnvironments("mobile-app")).thenReturn(
                List.of(environment("production", "Production"), environment("qa", "QA"), environment("qa-2", "QA 2")));
    }

    @Test
    void newFormWhenEditorThenProjectsAndDefaultColour() throws Exception {
        mvc.perform(get("/environments/new").with(TestUsers.editor()))
            .andExpect(status().isOk())
            .andExpect(content().string(allOf(containsString("Mobile App"), containsString("value=\"417505\""),
                    not(containsString("id=\"critical\"")), containsString("Only admins may mark"))));
    }

    @Test
    void newFormWhenAdminThenCriticalOffered() throws Exception {
        mvc.perform(get("/environments/new").with(TestUsers.admin()))
            .andExpect(content().string(containsString("id=\"critical\"")));
    }

    @Test
    void createWhenSucceededThenRedirectWithResultAndAudited() throws Exception {
        when(client.createEnvironment(eq("mobile-app"), any())).thenReturn(environment("qa-europe", "QA Europe"));

        mvc.perform(valid("key", ""))
            .andExpect(status().isFound())
            .andExpect(redirectedUrl("/environments/created"))
            .andExpect(flash().attributeExists("created"));

        ArgumentCaptor<EnvironmentPost> body = ArgumentCaptor.forClass(EnvironmentPost.class);
        verify(client).createEnvironment(eq("mobile-app"), body.capture());
        assertThat(body.getValue().key()).as("derived from the name").isEqualTo("qa-europe");
        assertThat(body.getValue().tags()).containsExactly("team-a", "beta");
        assertThat(body.getValue().source().key()).isEqualTo("production");
        AuditAttempt attempt = audited();
        assertThat(attempt.outcome()).isEqualTo(AuditOutcome.SUCCEEDED);
        assertThat(attempt.httpStatus()).isEqualTo(201);
        assertThat(attempt.resourceId()).isEqualTo("cid-qa-europe");
    }

    @Test
    void createWhenRequiredFieldsEmptyThenInlineErrorsNoCallNoAudit() throws Exception {
        mvc.perform(post("/environments/new").with(FormTokens.fresh())
            .with(TestUsers.editor())
            .with(csrf())
            .param("projectKey", "")
            .param("name", "")
            .param("color", "zz"))
            .andExpect(status().isOk())
            .andExpect(content().string(allOf(containsString("Choose the project the environment belongs to."),
                    containsString("Give the environment a name."), containsString("6 hexadecimal digits"),
                    containsString("aria-invalid=\"true\""))));
        verify(client, never()).createEnvironment(any(), any());
        verify(audit, never()).record(any());
    }

    @Test
    void createWhenTtlNotANumberOrOutOfRangeThenMessageAtTheField() throws Exception {
        mvc.perform(valid("defaultTtl", "abc"))
            .andExpect(content().string(containsString("Enter a whole number of minutes from 0 to 60.")));
        mvc.perform(valid("defaultTtl", "61"))
            .andExpect(content().string(containsString("Enter a whole number of minutes from 0 to 60.")));
        verify(client, never()).createEnvironment(any(), any());
    }

    @Test
    void createWhenTagInvalidThenMessageNamesTheTag() throws Exception {
        mvc.perform(valid("tags", "ok, bad/tag"))
            .andExpect(model().attributeHasFieldErrors("environmentForm", "tags"))
            .andExpect(content().string(containsString("The tag &quot;bad/tag&quot; is not allowed")));
    }

    @Test
    void createWhenKeyInvalidThenFieldError() throws Exception {
        mvc.perform(valid("key", "-qa")).andExpect(model().attributeHasFieldErrors("environmentForm", "key"));
    }

    @Test
    void createWhenKeyReservedThenGuardrailRefusesBeforeCallAndAuditsRejectedWithoutStatus() throws Exception {
        mvc.perform(valid("key", "production"))
            .andExpect(model().attributeHasFieldErrors("environmentForm", "key"))
            .andExpect(content().string(containsString("The key production is reserved in project Mobile App")));
        mvc.perform(valid("key", "sandbox-admin")).andExpect(model().attributeHasFieldErrors("environmentForm", "key"));

        verify(client, never()).createEnvironment(any(), any());
        AuditAttempt attempt = audited();
        assertThat(attempt.outcome()).isEqualTo(AuditOutcome.REJECTED);
        assertThat(attempt.httpStatus()).isNull();
    }

    @Test
    void createWhenCriticalByEditorThenRefused() throws Exception {
        mvc.perform(valid("critical", "true"))
            .andExpect(model().attributeHasFieldErrors("environmentForm", "critical"));
        verify(client, never()).createEnvironment(any(), any());
    }

    @Test
    void createWhenCriticalByAdminThenSent() throws Exception {
        when(client.createEnvironment(eq("mobile-app"), any())).thenReturn(environment("qa-europe", "QA Europe"));
        mvc.perform(valid("critical", "true").with(TestUsers.admin())).andExpect(status().isFound());
        ArgumentCaptor<EnvironmentPost> body = ArgumentCaptor.forClass(EnvironmentPost.class);
        verify(client).createEnvironment(eq("mobile-app"), body.capture());
        assertThat(body.getValue().critical()).isTrue();
    }

    @Test
    void createWhenKeyTakenThenConflictAtKeyWithFreeKeySuggestedAndFormKept() throws Exception {
        when(client.createEnvironment(eq("mobile-app"), any())).thenThrow(new LaunchDarklyApiException(409, "conflict",
                "An environment with the key qa already exists in this project", null));

        mvc.perform(valid("key", "qa"))
            .andExpect(status().isOk())
            .andExpect(model().attributeHasFieldErrors("environmentForm", "key"))
            .andExpect(content().string(
                    allOf(containsString("An environment with key qa already exists in project Mobile App. Try qa-3."),
                            containsString("value=\"QA Europe\""), containsString("value=\"team-a, beta\""))));
        assertThat(audited().outcome()).isEqualTo(AuditOutcome.REJECTED);
        assertThat(audited().httpStatus()).isEqualTo(409);
    }

    @Test
    void createWhenBadRequestNamesFieldThenErrorAtThatField() throws Exception {
        when(client.createEnvironment(eq("mobile-app"), any())).thenThrow(
                new LaunchDarklyApiException(400, "invalid_request", "color: must be 6 hexadecimal digits", null));

        mvc.perform(valid())
            .andExpect(model().attributeHasFieldErrors("environmentForm", "color"))
            .andExpect(content().string(containsString("LaunchDarkly did not accept the environment: color: must be")));
    }

    @Test
    void createWhenBadRequestNamesSourceThenErrorAtCopyFrom() throws Exception {
        when(client.createEnvironment(eq("mobile-app"), any())).thenThrow(
                new LaunchDarklyApiException(400, "invalid_request", "source.key: no environment with that key", null));

        mvc.perform(valid()).andExpect(model().attributeHasFieldErrors("environmentForm", "sourceKey"));
    }

    @Test
    void createWhenBadRequestNamesNoFieldThenFormLevelError() throws Exception {
        when(client.createEnvironment(eq("mobile-app"), any()))
            .thenThrow(new LaunchDarklyApiException(400, "invalid_request", "malformed request", null));

        mvc.perform(valid())
            .andExpect(model().attributeHasErrors("environmentForm"))
            .andExpect(content().string(allOf(containsString("role=\"alert\""), containsString("malformed request"))));
    }

    @Test
    void createWhenTokenLacksPermissionThenNotTheUsersFault() throws Exception {
        for (int status : new int[] { 401, 403 }) {
            when(client.createEnvironment(eq("mobile-app"), any()))
                .thenThrow(new LaunchDarklyApiException(status, "forbidden", "denied", null));
            mvc.perform(valid()).andExpect(content().string(containsString("not something you did wrong")));
        }
    }

    @Test
    void createWhenLaunchDarklyAnswers404ThenTheProjectIsNamedNotAGuess() throws Exception {
        when(client.createEnvironment(eq("mobile-app"), any()))
            .thenThrow(new LaunchDarklyApiException(404, "not_found", "Project not found", null));
        mvc.perform(valid())
            .andExpect(content().string(allOf(containsString(
                    "LaunchDarkly could not find project mobile-app, or its environment production to copy settings from"),
                    containsString("Project not found"))));
        assertThat(audited().httpStatus()).isEqualTo(404);
    }

    @Test
    void createWhenRateLimitedThenBusyAndWhen() throws Exception {
        when(client.createEnvironment(eq("mobile-app"), any()))
            .thenThrow(new LaunchDarklyApiException(429, "rate_limited", "slow down", Duration.ofSeconds(20)));
        mvc.perform(valid())
            .andExpect(content()
                .string(containsString("LaunchDarkly is busy right now. Please try again in 20 seconds.")));
    }

    @Test
    void createWhenServerErrorThenUnknownBecauseItMayExist() throws Exception {
        when(client.createEnvironment(eq("mobile-app"), any()))
            .thenThrow(new LaunchDarklyApiException(500, null, null, null));
        mvc.perform(valid())
            .andExpect(content().string(containsString("error 500")))
            .andExpect(content().string(
                    containsString("may or may not have been created: check in LaunchDarkly before you try again")));
        assertThat(audited().outcome()).isEqualTo(AuditOutcome.UNKNOWN);
    }

    @Test
    void createWhenUnreachableThenSaysSoPlainly() throws Exception {
        when(client.createEnvironment(eq("mobile-app"), any()))
            .thenThrow(new LaunchDarklyUnreachableException("refused", false, null));
        mvc.perform(valid()).andExpect(content().string(containsString("could not reach LaunchDarkly")));
        assertThat(audited().outcome()).isEqualTo(AuditOutcome.FAILED);
    }

    @Test
    void createWhenTimedOutThenUnknownAndMayExist() throws Exception {
        when(client.createEnvironment(eq("mobile-app"), any()))
            .thenThrow(new LaunchDarklyUnreachableException("timeout", true, null));
        mvc.perform(valid())
            .andExpect(content().string(allOf(containsString("may or may not have been created"),
                    containsString("The environment may have been created."),
                    not(containsString("The environment was not created.")))));
        assertThat(audited().outcome()).isEqualTo(AuditOutcome.UNKNOWN);
    }

    @Test
    void projectsWhenLaunchDarklyDownThenPageStillShownWithWarning() throws Exception {
        when(client.listAllProjects()).thenThrow(new LaunchDarklyUnreachableException("refused", false, null));
        mvc.perform(get("/environments/new").with(TestUsers.editor()))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("could not reach LaunchDarkly")));
    }

    @Test
    void sourcesFragmentThenEnvironmentsOfChosenProject() throws Exception {
        mvc.perform(post("/environments/new/sources").with(TestUsers.editor())
            .with(csrf())
            .param("projectKey", "mobile-app"))
            .andExpect(status().isOk())
            .andExpect(content().string(allOf(containsString("id=\"source-field\""), containsString("QA 2 (qa-2)"),
                    not(containsString("<html")))));
    }

    @Test
    void refreshWithoutJavaScriptThenFormShownAgainWithoutCreating() throws Exception {
        mvc.perform(post("/environments/new").with(FormTokens.fresh())
            .with(TestUsers.editor())
            .with(csrf())
            .param("refresh", "true")
            .param("projectKey", "mobile-app")
            .param("name", "Kept"))
            .andExpect(status().isOk())
            .andExpect(content().string(allOf(containsString("QA 2 (qa-2)"), containsString("value=\"Kept\""))));
        verify(client, never()).createEnvironment(any(), any());
    }

    @Test
    void createdPageWithoutResultThenBackToForm() throws Exception {
        mvc.perform(get("/environments/created").with(TestUsers.editor()))
            .andExpect(redirectedUrl("/environments/new"));
    }

    @Test
    void createWhenEditorTicksCriticalThroughATamperedFormThenTheRefusalIsInTheSummary() throws Exception {
        // The checkbox is not shown to editors, so its error can only be seen in the
        // summary above the form.
        String page = mvc.perform(valid("critical", "true")).andReturn().getResponse().getContentAsString();

        assertThat(summary(page)).contains("Only admins may mark an environment as critical.");
        assertThat(page).doesNotContain("id=\"critical\"");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(
            strings = { "source.key", "defaultTtl", "secureMode", "defaultTrackEvents", "requireComments",
                    "confirmChanges", "critical", "color", "name", "tags", "key", "source", "somethingElse" })
    void createWhenLaunchDarklyRefusesAFieldThenItsMessageIsInTheSummary(String field) throws Exception {
        when(client.createEnvironment(eq("mobile-app"), any()))
            .thenThrow(new LaunchDarklyApiException(400, "invalid_request", field + ": is not acceptable here", null));

        String page = mvc.perform(valid()).andReturn().getResponse().getContentAsString();

        assertThat(summary(page)).contains(field + ": is not acceptable here");
    }

    @Test
    void createWhenReservedOrPatternOrConflictThenEachMessageIsInTheSummary() throws Exception {
        assertThat(summary(mvc.perform(valid("key", "production")).andReturn().getResponse().getContentAsString()))
            .contains("The key production is reserved in project Mobile App");
        when(client.createEnvironment(eq("mobile-app"), any()))
            .thenThrow(new LaunchDarklyApiException(409, "conflict", "taken", null));
        assertThat(summary(mvc.perform(valid()).andReturn().getResponse().getContentAsString()))
            .contains("An environment with key qa-europe already exists in project Mobile App");
    }

    /** The error summary above the form. */
    private static String summary(String page) {
        int start = page.indexOf("id=\"form-errors\"");
        assertThat(start).as("an error summary on the page").isNotNegative();
        return page.substring(start, page.indexOf("</div>", start));
    }

    private AuditAttempt audited() {
        ArgumentCaptor<AuditAttempt> attempt = ArgumentCaptor.forClass(AuditAttempt.class);
        verify(audit, org.mockito.Mockito.atLeastOnce()).record(attempt.capture());
        return attempt.getValue();
    }

    /**
     * A valid submission; pairs of name and value replace the defaults (a repeated param
     * would be joined).
     */
    private MockHttpServletRequestBuilder valid(String... overrides) {
        java.util.Map<String, String> values = new java.util.LinkedHashMap<>();
        values.put("projectKey", "mobile-app");
        values.put("name", "QA Europe");
        values.put("key", "qa-europe");
        values.put("color", "#417505");
        values.put("defaultTtl", "5");
        values.put("tags", "team-a, beta");
        values.put("sourceKey", "production");
        for (int i = 0; i < overrides.length; i += 2) {
            values.put(overrides[i], overrides[i + 1]);
        }
        MockHttpServletRequestBuilder request = post("/environments/new").with(FormTokens.fresh())
            .with(TestUsers.editor())
            .with(csrf());
        values.forEach(request::param);
        return request;
    }

    private static Environment environment(String key, String name) {
        return new Environment("cid-" + key, key, name, "417505", 0, false, false, false, false, false, List.of());
    }

}
