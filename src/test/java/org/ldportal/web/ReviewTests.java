package org.ldportal.web;

import tools.jackson.databind.json.JsonMapper;
import org.ldportal.launchdarkly.ResourceCode;
import org.ldportal.launchdarkly.LaunchDarklyProperties;
import java.time.Duration;
import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ldportal.change.pages.ReviewPages;
import org.ldportal.change.internal.ReviewProperties;
import org.ldportal.sandbox.LaunchDarklySandbox;
import org.ldportal.sandbox.SandboxRequest;
import org.ldportal.testsupport.FormTokens;
import org.ldportal.testsupport.PortalIntegrationTest;
import org.ldportal.testsupport.ReviewForms;
import org.ldportal.testsupport.StoredSession;
import org.ldportal.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The review step on the running portal: a valid form shows what will be sent and sends
 * nothing; "Create" on that page sends exactly once, with the secrets the page never
 * held; "Change something" returns to the filled form.
 */
class ReviewTests extends PortalIntegrationTest {

    private static final String POLICY_KEY = "pk-REVIEW-secret-4711";

    @Autowired
    MockMvc mvc;

    @Autowired
    org.springframework.session.SessionRepository<? extends org.springframework.session.Session> sessions;

    private StoredSession session;

    @org.junit.jupiter.api.BeforeEach
    void openSession() {
        session = StoredSession.open(sessions);
    }

    @Test
    void destinationWhenValidThenReviewShowsEverythingSendsNothingAndHoldsNoSecret() throws Exception {
        String page = page(destination("production").with(FormTokens.unreviewed()));

        assertThat(page).contains("Create a Data Export destination", "Nothing has been sent yet",
                "POST /api/v2/destinations/mobile-app/production", "Mobile App (mobile-app)", "Production (production)",
                "Azure Event Hubs", "set, hidden", "&quot;policyKey&quot; : &quot;[REDACTED]&quot;",
                "looks like a production environment");
        assertThat(page).as("the secret, anywhere in the page").doesNotContain(POLICY_KEY);
        assertThat(ReviewForms.hiddenFields(page))
            .containsKeys("projectKey", "environmentKey", "name", "kind", "config[namespace]", "submissionToken",
                    "formDraft")
            .doesNotContainKeys("config[policyKey]", "confirm", "_csrf");
        assertThat(posts()).isEmpty();
    }

    @Test
    void destinationWhenCreateOnTheReviewPageThenSentOnceWithTheKeptSecret() throws Exception {
        String review = page(destination("test").with(FormTokens.unreviewed()));

        MultiValueMap<String, String> fields = ReviewForms.hiddenFields(review);
        mvc.perform(post("/destinations/new").params(fields)
            .param(ReviewPages.CONFIRM, "create")
            .with(csrf())
            .with(TestUsers.editor())
            .with(session)).andExpect(redirectedUrl("/destinations/created"));
        mvc.perform(post("/destinations/new").params(fields)
            .param(ReviewPages.CONFIRM, "create")
            .with(csrf())
            .with(TestUsers.editor())
            .with(session)).andExpect(status().isOk());

        assertThat(posts()).hasSize(1).allSatisfy(sent -> assertThat(sent.body()).contains(POLICY_KEY));
    }

    @Test
    void destinationWhenChangeSomethingThenTheFilledFormWithTheSecretKeptButNotInThePage() throws Exception {
        MultiValueMap<String, String> fields = ReviewForms
            .hiddenFields(page(destination("test").with(FormTokens.unreviewed())));

        String form = mvc
            .perform(post("/destinations/new").params(fields)
                .param(ReviewPages.REVISE, "review")
                .with(csrf())
                .with(TestUsers.editor())
                .with(session))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();

        assertThat(form).contains("value=\"Events hub\"", "value=\"ns-review\"")
            .doesNotContain(POLICY_KEY)
            .doesNotContain("Nothing has been sent yet");
        assertThat(posts()).isEmpty();
    }

    @Test
    void jsonKindWhenCreatedFromTheReviewThenTheWholeConfigIsSentThoughThePageNeverHeldIt() throws Exception {
        String token = "dapi-REVIEW-9f3c";
        String review = page(post("/destinations/new").with(FormTokens.unreviewed())
            .with(csrf())
            .with(TestUsers.editor())
            .with(session)
            .param("projectKey", "web-store")
            .param("environmentKey", "staging")
            .param("name", "Lake")
            .param("kind", "databricks")
            .param("on", "true")
            .param("config[config]", "{\"host\": \"dbc-1.cloud.example.net\", \"token\": \"" + token + "\", "
                    + "\"callback\": \"https://secret-host.example.org/hook\"}"));

        assertThat(review).as("a value the kind does not name may be secret, its host too")
            .doesNotContain("secret-host");
        assertThat(review).doesNotContain(token)
            .contains("dbc-1.cloud.example.net", "[REDACTED]",
                    "Data will be sent to dbc-1.cloud.example.net, outside the company&#39;s domains (example.com).");
        assertThat(ReviewForms.hiddenFields(review)).doesNotContainKey("config[config]");
        mvc.perform(post("/destinations/new").params(ReviewForms.hiddenFields(review))
            .param(ReviewPages.CONFIRM, "create")
            .with(csrf())
            .with(TestUsers.editor())
            .with(session)).andExpect(status().is3xxRedirection());

        assertThat(posts()).singleElement().satisfies(sent -> assertThat(sent.body()).contains(token));
    }

    @Test
    void environmentWhenValidThenReviewOfEveryFieldAndCreateSends() throws Exception {
        String review = page(post("/environments/new").with(FormTokens.unreviewed())
            .with(csrf())
            .with(TestUsers.editor())
            .with(session)
            .param("projectKey", "web-store")
            .param("name", "QA Review")
            .param("key", "qa-review")
            .param("color", "417505")
            .param("defaultTtl", "5")
            .param("secureMode", "true")
            .param("_secureMode", "on")
            .param("tags", "team-a")
            .param("sourceKey", "staging"));

        assertThat(review).contains("Create an environment", "Web Store (web-store)", "qa-review", "#417505",
                "Staging (staging)", "team-a", "POST /api/v2/projects/web-store/environments");
        assertThat(posts()).isEmpty();
        mvc.perform(post("/environments/new").params(ReviewForms.hiddenFields(review))
            .param(ReviewPages.CONFIRM, "create")
            .with(csrf())
            .with(TestUsers.editor())
            .with(session)).andExpect(redirectedUrl("/environments/created"));
        assertThat(posts()).singleElement().satisfies(sent -> assertThat(sent.body()).contains("\"secureMode\":true"));
    }

    @Test
    void subscriptionWhenValidThenReviewWarnsOfTheAuditLogAndHostsOutsideTheCompany() throws Exception {
        String review = page(post("/integrations/log-stream/new").with(FormTokens.unreviewed())
            .param("type", "subscription")
            .with(csrf())
            .with(TestUsers.editor())
            .with(session)
            .param("name", "Logs")
            .param("config[base-url]", "https://logs.elsewhere.example.net/ingest")
            .param("config[token]", "tok-REVIEW-1")
            .param("statements[0].effect", "allow")
            .param("statements[0].resources", "proj/*:env/*:flag/*")
            .param("statements[0].actions", "*"));

        assertThat(review)
            .contains("Subscribe", "to the audit log", "sends every change its policy covers",
                    "Data will be sent to logs.elsewhere.example.net", "allow * on proj/*:env/*:flag/*")
            .doesNotContain("tok-REVIEW-1");
        assertThat(ReviewForms.hiddenFields(review)).doesNotContainKeys("type", "config[token]");
        mvc.perform(post("/integrations/log-stream/new?type=subscription").params(ReviewForms.hiddenFields(review))
            .param(ReviewPages.CONFIRM, "create")
            .with(csrf())
            .with(TestUsers.editor())
            .with(session)).andExpect(redirectedUrl("/integrations/created"));
        assertThat(posts()).singleElement().satisfies(sent -> assertThat(sent.body()).contains("tok-REVIEW-1"));
    }

    @Test
    void reviewFirstWhenSkippedBySettingOrConfirmedThenNot() {
        MultiValueMap<String, String> fresh = new LinkedMultiValueMap<>();
        MultiValueMap<String, String> confirmed = new LinkedMultiValueMap<>();
        confirmed.add(ReviewPages.CONFIRM, "create");

        assertThat(pages(false).reviewFirst(fresh)).isTrue();
        assertThat(pages(false).reviewFirst(confirmed)).isFalse();
        assertThat(pages(true).reviewFirst(fresh)).isFalse();
    }

    private static ReviewPages pages(boolean skipWhenNoApproval) {
        JsonMapper json = JsonMapper.builder().build();
        return new ReviewPages(new ReviewProperties(skipWhenNoApproval, List.of(), List.of()), json,
                new ResourceCode(json,
                        new LaunchDarklyProperties(URI.create("https://app.launchdarkly.com"), "t", "20240415",
                                Duration.ofSeconds(1), Duration.ofSeconds(1), 1, Duration.ofSeconds(1),
                                Duration.ofSeconds(1))));
    }

    private MockHttpServletRequestBuilder destination(String environment) {
        return post("/destinations/new").with(csrf())
            .with(TestUsers.editor())
            .with(session)
            .param("projectKey", "mobile-app")
            .param("environmentKey", environment)
            .param("name", "Events hub")
            .param("kind", "azure-event-hubs")
            .param("on", "true")
            .param("config[namespace]", "ns-review")
            .param("config[name]", "hub")
            .param("config[policyName]", "send")
            .param("config[policyKey]", POLICY_KEY);
    }

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private static List<SandboxRequest> posts() {
        return LaunchDarklySandbox.shared()
            .requests()
            .stream()
            .filter(request -> request.method().equals("POST"))
            .toList();
    }

}
