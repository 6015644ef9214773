package org.ldportal.destination;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ldportal.audit.AuditAttempt;
import org.ldportal.audit.AuditOutcome;
import org.ldportal.audit.AuditTrail;
import org.ldportal.audit.SecretRedactor;
import org.ldportal.form.FormValidator;
import org.ldportal.launchdarkly.Destination;
import org.ldportal.launchdarkly.DestinationPost;
import org.ldportal.launchdarkly.Environment;
import org.ldportal.launchdarkly.LaunchDarklyApiException;
import org.ldportal.launchdarkly.LaunchDarklyClient;
import org.ldportal.launchdarkly.LaunchDarklyDirectory;
import org.ldportal.launchdarkly.LaunchDarklyLinks;
import org.ldportal.launchdarkly.LaunchDarklyProperties;
import org.ldportal.launchdarkly.LaunchDarklyUnreachableException;
import org.ldportal.launchdarkly.Project;
import org.ldportal.launchdarkly.WarehouseSetupScript;
import org.ldportal.testsupport.FormTokens;
import org.ldportal.testsupport.TestUsers;
import org.ldportal.testsupport.InMemorySubmissions;
import org.ldportal.testsupport.SliceTestBeans;
import org.ldportal.testsupport.WebSliceTest;
import org.ldportal.change.ApiFailureTranslator;
import org.ldportal.change.AuditedCall;
import org.ldportal.change.KeptSecrets;
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
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every error case of the destination form, with the real service, catalog and form
 * engine and a mocked client.
 */
@WebMvcTest(controllers = DestinationController.class)
@WebSliceTest
@Import({ DestinationService.class, DestinationFormPage.class, org.ldportal.change.ChangeFlow.class,
        org.ldportal.change.pages.ChangePages.class, DestinationKindCatalog.class, FormValidator.class,
        ApiFailureTranslator.class, AuditedCall.class, Settlement.class, org.ldportal.access.AccessGuard.class,
        org.ldportal.access.PermittedPlaces.class, org.ldportal.change.pages.ReviewPages.class,
        org.ldportal.launchdarkly.ResourceCode.class, org.ldportal.change.ReviewWarnings.class,
        DestinationApprovals.class, DestinationManagement.class, org.ldportal.launchdarkly.ExistingResources.class,
        KeptSecrets.class, SecretBox.class, SignedOutForms.class, PageLookups.class, KnownKeys.class,
        InMemorySubmissions.class, SecretRedactor.class, LaunchDarklyLinks.class, LaunchDarklyDirectory.class,
        SliceTestBeans.class })
@EnableConfigurationProperties({ org.ldportal.change.internal.ReviewProperties.class, LaunchDarklyProperties.class,
        SecretsProperties.class })
@TestPropertySource(properties = "portal.launchdarkly.directory-cache-ttl=0s")
class DestinationControllerTests {

    private static final String POLICY_KEY = "pk-Secret-Value-123";

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private LaunchDarklyClient client;

    @MockitoBean
    private AuditTrail audit;

    /**
     * The set-ups' store (the database): its own flows run against the sandbox in
     * WarehouseSetupTests.
     */
    @MockitoBean
    private WarehouseSetups setups;

    @BeforeEach
    void directory() {
        when(client.listAllProjects()).thenReturn(List.of(new Project("p1", "mobile-app", "Mobile App", List.of())));
        when(client.listAllEnvironments("mobile-app")).thenReturn(List.of(new Environment("c1", "production",
                "Production", "ff0000", 0, false, false, false, false, false, List.of())));
    }

    @Test
    void newFormThenKindsListedAndNoFieldsUntilAKindIsChosen() throws Exception {
        mvc.perform(get("/destinations/new").with(TestUsers.editor()))
            .andExpect(status().isOk())
            .andExpect(content().string(allOf(containsString("Amazon Kinesis"), containsString("Azure Event Hubs"),
                    containsString("Choose a destination to see the fields it needs."),
                    containsString("Show fields"))));
    }

    @Test
    void newFormWithKindThenItsFieldsWithLabelsHelpAndMaskedSecret() throws Exception {
        mvc.perform(get("/destinations/new").param("kind", "azure-event-hubs").with(TestUsers.editor()))
            .andExpect(content().string(
                    allOf(containsString("name=\"config[namespace]\""), containsString("name=\"config[policyKey]\""),
                            containsString("type=\"password\""), containsString("for=\"config-policyKey\""),
                            containsString("aria-describedby=\"config-policyKey-help\""))));
    }

    @Test
    void fieldsFragmentWhenKindChangesThenSharedValuesKeptSecretsNot() throws Exception {
        mvc.perform(post("/destinations/new/fields").with(TestUsers.editor())
            .with(csrf())
            .param("kind", "segment")
            .param("config[writeKey]", "wk-typed-secret")
            .param("config[userIdContextKind]", "member"))
            .andExpect(status().isOk())
            .andExpect(content().string(allOf(containsString("id=\"kind-fields\""), containsString("value=\"member\""),
                    not(containsString("wk-typed-secret")), not(containsString("<html")))));
    }

    @Test
    void environmentsFragmentThenEnvironmentsOfTheProject() throws Exception {
        mvc.perform(post("/destinations/new/environments").with(TestUsers.editor())
            .with(csrf())
            .param("projectKey", "mobile-app"))
            .andExpect(content()
                .string(allOf(containsString("id=\"environment-field\""), containsString(">Production<"))));
    }

    @Test
    void createWhenFieldsMissingOrInvalidThenInlineErrorsNoCallNoAudit() throws Exception {
        mvc.perform(kinesis("roleArn", "not-an-arn", "streamName", ""))
            .andExpect(status().isOk())
            .andExpect(content().string(allOf(containsString("Enter an IAM role ARN"),
                    containsString("Fill in Stream name."), containsString("aria-invalid=\"true\""))));
        verify(client, never()).createDestination(any(), any(), any());
        verify(audit, never()).record(any());
    }

    @Test
    void createWhenValidThenConfigSentUnderTheKindsFieldNamesAndAudited() throws Exception {
        when(client.createDestination(eq("mobile-app"), eq("production"), any()))
            .thenReturn(new Destination("d1", "Events to Kinesis", "kinesis", true, 1L, Map.of()));

        mvc.perform(kinesis())
            .andExpect(status().isFound())
            .andExpect(redirectedUrl("/destinations/created"))
            .andExpect(flash().attributeExists("created"));

        ArgumentCaptor<DestinationPost> body = ArgumentCaptor.forClass(DestinationPost.class);
        verify(client).createDestination(eq("mobile-app"), eq("production"), body.capture());
        assertThat(body.getValue().config()).containsExactlyInAnyOrderEntriesOf(Map.of("region", "eu-west-1", "roleArn",
                "arn:aws:iam::123456789012:role/ld", "streamName", "ld-events"));
        assertThat(body.getValue().kind()).isEqualTo("kinesis");
        assertThat(audited().outcome()).isEqualTo(AuditOutcome.SUCCEEDED);
    }

    @Test
    void createWhenSecretFieldThenRedactedInAuditAndNeverInPageAfterFailure() throws Exception {
        doThrow(new LaunchDarklyApiException(400, "invalid_request",
                "config.policyKey: key " + POLICY_KEY + " is not valid", null))
            .when(client)
            .createDestination(any(), any(), any());

        mvc.perform(azure())
            .andExpect(status().isOk())
            .andExpect(content().string(allOf(not(containsString(POLICY_KEY)), containsString("[REDACTED]"),
                    containsString("Kept: leave this empty"), containsString("value=\"hub-ns\""))));

        AuditAttempt attempt = audited();
        assertThat(attempt.redactedRequestBody()).doesNotContain(POLICY_KEY).contains("\"policyKey\":\"[REDACTED]\"");
        assertThat(attempt.errorMessage()).doesNotContain(POLICY_KEY);
    }

    @Test
    void createWhenBadRequestNamesConfigFieldThenErrorAtThatField() throws Exception {
        doThrow(new LaunchDarklyApiException(400, "invalid_request", "config.streamName: stream does not exist", null))
            .when(client)
            .createDestination(any(), any(), any());

        mvc.perform(kinesis())
            .andExpect(content().string(
                    allOf(containsString("id=\"config-streamName-error\""), containsString("stream does not exist"))));
    }

    @Test
    void createWhenBadRequestNamesNoFieldThenAboveTheForm() throws Exception {
        doThrow(new LaunchDarklyApiException(400, "invalid_request", "request body malformed", null)).when(client)
            .createDestination(any(), any(), any());

        mvc.perform(kinesis())
            .andExpect(content().string(allOf(containsString("role=\"alert\""),
                    containsString("LaunchDarkly did not accept the destination: request body malformed"))));
    }

    @Test
    void createWhenEnvironmentHasADestinationThenConflictAtEnvironmentWithLinkToExisting() throws Exception {
        doThrow(new LaunchDarklyApiException(409, "conflict",
                "A Data Export destination already exists for this environment", null))
            .when(client)
            .createDestination(any(), any(), any());
        when(client.listDestinations()).thenReturn(List.of(new Destination("d0", "Old Segment", "segment", true, 1L,
                Map.of("parent", new Destination.Link("/api/v2/projects/mobile-app/environments/production", null)))));

        mvc.perform(kinesis())
            .andExpect(content().string(allOf(containsString("id=\"environmentKey-error\""),
                    containsString("This environment already has a Data Export destination: Old Segment."),
                    containsString("See the existing destination in LaunchDarkly"),
                    containsString("value=\"ld-events\""))));
        assertThat(audited().httpStatus()).isEqualTo(409);
    }

    @Test
    void createWhenTokenLacksPermissionThenNotTheUsersFault() throws Exception {
        doThrow(new LaunchDarklyApiException(401, null, null, null)).when(client)
            .createDestination(any(), any(), any());
        mvc.perform(kinesis())
            .andExpect(content().string(allOf(containsString("did not accept the portal&#39;s access token"),
                    containsString("an administrator must replace the token"))));
        doThrow(new LaunchDarklyApiException(403, null, null, null)).when(client)
            .createDestination(any(), any(), any());
        mvc.perform(kinesis())
            .andExpect(content().string(containsString("access token lacks a permission this needs")));
        doThrow(new LaunchDarklyApiException(404, "not_found", "Environment not found", null)).when(client)
            .createDestination(any(), any(), any());
        mvc.perform(kinesis())
            .andExpect(content().string(
                    containsString("LaunchDarkly could not find project mobile-app or its environment production")));
    }

    @Test
    void createWhenRateLimitedThenBusyAndWhenToTryAgain() throws Exception {
        doThrow(new LaunchDarklyApiException(429, "rate_limited", null, Duration.ofSeconds(45))).when(client)
            .createDestination(any(), any(), any());
        mvc.perform(kinesis())
            .andExpect(content().string(containsString("busy right now. Please try again in 45 seconds")));
    }

    @Test
    void createWhenServerErrorThenUnknownBecauseItMayExist() throws Exception {
        doThrow(new LaunchDarklyApiException(503, null, null, null)).when(client)
            .createDestination(any(), any(), any());
        mvc.perform(kinesis())
            .andExpect(content().string(containsString("error 503")))
            .andExpect(content().string(
                    containsString("may or may not have been created: check in LaunchDarkly before you try again")));
        assertThat(audited().outcome()).isEqualTo(AuditOutcome.UNKNOWN);
    }

    @Test
    void createWhenUnreachableOrTimedOutThenSaidPlainly() throws Exception {
        doThrow(new LaunchDarklyUnreachableException("refused", false, null)).when(client)
            .createDestination(any(), any(), any());
        mvc.perform(kinesis()).andExpect(content().string(containsString("could not reach LaunchDarkly")));

        doThrow(new LaunchDarklyUnreachableException("timeout", true, null)).when(client)
            .createDestination(any(), any(), any());
        mvc.perform(kinesis()).andExpect(content().string(containsString("may or may not have been created")));
        assertThat(audited().outcome()).isEqualTo(AuditOutcome.UNKNOWN);
    }

    @Test
    void jsonKindWhenConfigNotAnObjectThenFieldError() throws Exception {
        mvc.perform(base("databricks").param("config[config]", "[1, 2]"))
            .andExpect(content().string(containsString("Enter a JSON object")));
        mvc.perform(base("bigquery").param("config[config]", "{oops"))
            .andExpect(content().string(containsString("This is not valid JSON")));
        verify(client, never()).createDestination(any(), any(), any());
    }

    @Test
    void jsonKindWhenRefusedThenEveryValueButTheKindsNamedOnesTreatedAsSecret() throws Exception {
        String token = "dapi-SECRET-8c1f2e";
        String credential = "sa-CREDENTIAL-77aa";
        doThrow(new LaunchDarklyApiException(400, "invalid_request", "token " + token + " was refused", null))
            .when(client)
            .createDestination(any(), any(), any());

        String page = mvc
            .perform(base("databricks").param("config[config]",
                    "{\"host\": \"dbc-1.cloud.example\", " + "\"token\": \"" + token
                            + "\", \"extra\": {\"serviceAccount\": \"" + credential + "\"}, "
                            + "\"catalog\": \"main\"}"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();

        assertThat(page).as("written back into the form")
            .doesNotContain(token)
            .doesNotContain(credential)
            .contains("dbc-1.cloud.example")
            .contains("Values that may be secret were emptied");
        AuditAttempt audited = audited();
        assertThat(audited.redactedRequestBody()).contains("dbc-1.cloud.example")
            .contains("main")
            .contains("[REDACTED]")
            .doesNotContain(token)
            .doesNotContain(credential);
        assertThat(audited.errorMessage()).doesNotContain(token);
        ArgumentCaptor<DestinationPost> sent = ArgumentCaptor.forClass(DestinationPost.class);
        verify(client).createDestination(eq("mobile-app"), eq("production"), sent.capture());
        assertThat(sent.getValue().config()).as("what LaunchDarkly gets is what was typed")
            .containsEntry("token", token);
    }

    @Test
    void warehouseWhenSubmittedThenTheSetupIsKeptAndShownAtItsOwnAddress() throws Exception {
        WarehouseSetupScript script = new WarehouseSetupScript("CREATE USER LD;", "PUBKEY123", null, null, null, null);
        when(client.warehouseSetupScript(eq("mobile-app"), eq("production"), eq("snowflake-v2"), any()))
            .thenReturn(script);
        when(setups.save(any(), any(), any(), any())).thenReturn(7L);

        mvc.perform(base("snowflake-v2").param("config[snowflakeHostAddress]", "https://acct.snowflakecomputing.com"))
            .andExpect(redirectedUrl("/destinations/setups/7"));

        verify(setups).save(any(), any(), eq("https://acct.snowflakecomputing.com"), eq(script));
        verify(client, never()).createDestination(any(), any(), any());
    }

    @Test
    void createWhenRefusedAtAConfigKeyOrByConflictThenTheMessageIsInTheSummary() throws Exception {
        doThrow(new LaunchDarklyApiException(400, "invalid_request", "config.roleArn: must be a valid IAM role ARN",
                null))
            .when(client)
            .createDestination(any(), any(), any());
        String atKey = mvc.perform(kinesis()).andReturn().getResponse().getContentAsString();
        assertThat(summary(atKey)).contains("config.roleArn: must be a valid IAM role ARN")
            .contains("href=\"#config-roleArn\"");

        doThrow(new LaunchDarklyApiException(409, "conflict", "exists", null)).when(client)
            .createDestination(any(), any(), any());
        String conflict = mvc.perform(kinesis()).andReturn().getResponse().getContentAsString();
        assertThat(summary(conflict)).contains("This environment already has a Data Export destination");
    }

    /** The error summary above the form. */
    private static String summary(String page) {
        int start = page.indexOf("id=\"form-errors\"");
        assertThat(start).as("an error summary on the page").isNotNegative();
        return page.substring(start, page.indexOf("</div>", start));
    }

    private AuditAttempt audited() {
        ArgumentCaptor<AuditAttempt> attempt = ArgumentCaptor.forClass(AuditAttempt.class);
        verify(audit, atLeastOnce()).record(attempt.capture());
        return attempt.getValue();
    }

    private MockHttpServletRequestBuilder base(String kind) {
        return post("/destinations/new").with(FormTokens.fresh())
            .with(TestUsers.editor())
            .with(csrf())
            .param("projectKey", "mobile-app")
            .param("environmentKey", "production")
            .param("name", "Events")
            .param("kind", kind)
            .param("on", "true");
    }

    private MockHttpServletRequestBuilder kinesis(String... overrides) {
        Map<String, String> config = new java.util.LinkedHashMap<>(Map.of("region", "eu-west-1", "roleArn",
                "arn:aws:iam::123456789012:role/ld", "streamName", "ld-events"));
        for (int i = 0; i < overrides.length; i += 2) {
            config.put(overrides[i], overrides[i + 1]);
        }
        MockHttpServletRequestBuilder request = base("kinesis");
        config.forEach((key, value) -> request.param("config[" + key + "]", value));
        return request;
    }

    private MockHttpServletRequestBuilder azure() {
        return base("azure-event-hubs").param("config[namespace]", "hub-ns")
            .param("config[name]", "events")
            .param("config[policyName]", "send")
            .param("config[policyKey]", POLICY_KEY);
    }

}
