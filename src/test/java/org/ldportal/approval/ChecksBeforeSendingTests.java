package org.ldportal.approval;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ldportal.sandbox.LaunchDarklySandbox;
import org.ldportal.testsupport.FormTokens;
import org.ldportal.testsupport.PortalIntegrationTest;
import org.ldportal.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The checks with LaunchDarkly (the sandbox) on the review page and on the approver's
 * page: what it would refuse at once shows at the line it concerns and holds the change
 * back; what changed in LaunchDarkly between the request and its approval is found when
 * the approver looks and again when they approve; a warning leaves the change possible; a
 * slow LaunchDarkly leaves the page saying it could not check, not waiting.
 */
@WithApprovalRules
class ChecksBeforeSendingTests extends PortalIntegrationTest {

    private static final Pattern REQUEST = Pattern.compile("/requests/(\\d+)");

    private static final String BLOCKED_AT = "data-testid=\"line-check\" data-line=\"%s\"";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    private final LaunchDarklySandbox sandbox = LaunchDarklySandbox.shared();

    @BeforeEach
    void emptyRequests() {
        jdbc.sql("DELETE FROM approval_request").update();
    }

    @Test
    void reviewWhenTheKeyIsTakenInLaunchDarklyThenBlockedAtTheKeyWithAFreeOneAndNothingToConfirm() throws Exception {
        sandbox.seedEnvironment("web-store", "qa-taken", "QA made elsewhere");

        String page = page(environment("qa-taken").with(FormTokens.unreviewed()).with(TestUsers.editor()));

        assertThat(lineChecks(page, "Key")).contains("The key qa-taken is taken in Web Store")
            .contains("QA made elsewhere (qa-taken)")
            .contains("such as qa-taken-2");
        assertThat(page).contains("data-testid=\"review-blocked\"").doesNotContain("data-testid=\"review-create\"");
    }

    @Test
    void reviewWhenNothingStandsInTheWayThenNoFindingAndCreateOffered() throws Exception {
        String page = page(environment("qa-free-" + System.nanoTime() % 100_000).with(FormTokens.unreviewed())
            .with(TestUsers.editor()));

        assertThat(page).doesNotContain("data-testid=\"line-check\"", "data-testid=\"checks-unavailable\"")
            .contains("data-testid=\"review-create\"");
    }

    @Test
    void requestWhenTheKeyIsTakenThenNotKeptAndTheReviewSaysWhy() throws Exception {
        sandbox.seedEnvironment("web-store", "prod-taken", "Production, made elsewhere");

        String page = page(environment("prod-taken").with(FormTokens.fresh()).with(TestUsers.editor()));

        assertThat(lineChecks(page, "Key")).contains("The key prod-taken is taken");
        assertThat(page).contains("sent for approval");
        assertThat(requestsKept()).isZero();
    }

    @Test
    void approvalWhenTheKeyWasTakenAfterTheRequestThenThePageBlocksItAndApprovingSendsNothing() throws Exception {
        long id = request(environment("prod-late").with(FormTokens.fresh()).with(TestUsers.editor()));
        // Free on Monday, taken on Thursday: someone made it in LaunchDarkly itself.
        sandbox.seedEnvironment("web-store", "prod-late", "Production (late)");
        int posts = posts();

        String page = page(get("/requests/" + id).with(TestUsers.admin()));
        assertThat(lineChecks(page, "Key")).contains("The key prod-late is taken in Web Store");
        assertThat(page).contains("data-testid=\"approval-blocked\"", "data-testid=\"decline\"")
            .doesNotContain("data-testid=\"approve\"");

        mvc.perform(post("/requests/" + id + "/approve").with(csrf()).with(TestUsers.admin()))
            .andExpect(status().is3xxRedirection())
            .andExpect(flash().attribute("decided", containsString("Not approved: LaunchDarkly would refuse it now")));
        assertThat(statusOf(id)).isEqualTo("PENDING");
        assertThat(posts()).as("nothing sent").isEqualTo(posts);
        mvc.perform(post("/requests/" + id + "/decline").param("comment", "Taken meanwhile: ask again")
            .with(csrf())
            .with(TestUsers.admin())).andExpect(status().is3xxRedirection());
        assertThat(statusOf(id)).isEqualTo("DECLINED");
    }

    @Test
    void approvalWhenTheSourceEnvironmentWentAfterTheRequestThenBlockedAtIt() throws Exception {
        long id = request(environment("prod-copy").param("sourceKey", "staging")
            .with(FormTokens.fresh())
            .with(TestUsers.editor()));
        sandbox.deleteEnvironmentMeanwhile("web-store", "staging");

        assertThat(lineChecks(page(get("/requests/" + id).with(TestUsers.admin())), "Copy settings from"))
            .contains("The environment staging to copy from is no longer in Web Store");
    }

    @Test
    void approvalWhenADestinationAppearedAfterTheRequestThenBlockedAtTheEnvironment() throws Exception {
        long id = request(destination("production").with(FormTokens.fresh()).with(TestUsers.editor()));
        sandbox.seedDestination("mobile-app", "production", "Made elsewhere", "segment", Map.of("writeKey", "w"));

        String page = page(get("/requests/" + id).with(TestUsers.admin()));

        assertThat(lineChecks(page, "Environment"))
            .contains("This environment has a Data Export destination already: Made elsewhere");
        assertThat(page).doesNotContain("data-testid=\"approve\"");
    }

    @Test
    void reviewWhenTheEnvironmentHasADestinationThenBlockedAtTheEnvironment() throws Exception {
        sandbox.seedDestination("mobile-app", "test", "Already here", "segment", Map.of("writeKey", "w"));

        String page = page(destination("test").with(FormTokens.unreviewed()).with(TestUsers.editor()));

        assertThat(lineChecks(page, "Environment")).contains("Already here", "LaunchDarkly allows one per environment");
        assertThat(page).doesNotContain("data-testid=\"review-create\"");
    }

    @Test
    void reviewWhenAConfigurationHasTheSameNameThenAWarningAndCreateStays() throws Exception {
        sandbox.seedConfiguration("pager-alerts", "Pages twice", Map.of("routingKey", "rk-other", "severity", "error"));

        String page = page(post("/integrations/pager-alerts/new").with(FormTokens.unreviewed())
            .with(csrf())
            .with(TestUsers.editor())
            .param("type", "configuration")
            .param("name", "Pages twice")
            .param("config[routingKey]", "rk-CHECK-secret")
            .param("config[severity]", "error")
            .param("config[eventFilter]", "rollout-regression")
            .param("config[projectAndEnv]", "mobile-app/production"));

        assertThat(lineChecks(page, "Name")).contains("Worth a second look", "named Pages twice already");
        assertThat(page).contains("data-testid=\"review-create\"")
            .doesNotContain("data-testid=\"review-blocked\"", "rk-CHECK-secret");
    }

    @Test
    void approvalWhenTheIntegrationIsWithdrawnThenBlockedAtTheIntegration() throws Exception {
        long id = request(post("/integrations/log-stream/new").with(FormTokens.fresh())
            .param("type", "subscription")
            .with(csrf())
            .with(TestUsers.admin())
            .param("name", "Logs to check")
            .param("config[base-url]", "https://logs.example.com")
            .param("config[token]", "tok-CHECK-4")
            .param("statements[0].effect", "allow")
            .param("statements[0].resources", "proj/*")
            .param("statements[0].actions", "*"));
        sandbox.withdrawManifest("log-stream");
        refreshManifests();
        try {
            String page = page(get("/requests/" + id).with(releaseManager()));

            assertThat(lineChecks(page, "Integration"))
                .contains("LaunchDarkly no longer offers the integration log-stream");
            assertThat(page).doesNotContain("data-testid=\"approve\"", "tok-CHECK-4");
        }
        finally {
            // The portal's catalog outlives this test: it must offer the integration
            // again.
            sandbox.reset();
            refreshManifests();
        }
    }

    private void refreshManifests() throws Exception {
        mvc.perform(post("/integrations/manifests/refresh").with(csrf()).with(TestUsers.admin()))
            .andExpect(status().is3xxRedirection());
    }

    @Test
    void reviewWhenTheTokenMayOnlyReadThenBlockedAboveTheLines() throws Exception {
        sandbox.tokenScopes("reader");

        String page = page(environment("qa-reader").with(FormTokens.unreviewed()).with(TestUsers.editor()));

        assertThat(page).contains("data-testid=\"check-finding\"", "LD Portal (sandbox)", "may only read")
            .doesNotContain("data-testid=\"review-create\"");
    }

    @Test
    void reviewWhenLaunchDarklyIsSlowThenThePageSaysItCouldNotCheckAndCreateStays() throws Exception {
        sandbox.delayNext("/caller-identity", Duration.ofSeconds(3));

        String page = page(environment("qa-slow").with(FormTokens.unreviewed()).with(TestUsers.editor()));

        assertThat(page).contains("data-testid=\"checks-unavailable\"", "could not be asked about this just now")
            .contains("data-testid=\"review-create\"");
    }

    /** The text of the findings shown at the review line with this label. */
    private static String lineChecks(String page, String label) {
        Matcher found = Pattern.compile(Pattern.quote(BLOCKED_AT.formatted(label)) + "(.*?)</p>", Pattern.DOTALL)
            .matcher(page);
        StringBuilder text = new StringBuilder();
        while (found.find()) {
            text.append(found.group(1).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " "));
        }
        assertThat(text).as("a finding at " + label).isNotEmpty();
        return text.toString().replace("&#39;", "'");
    }

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private long request(MockHttpServletRequestBuilder confirmed) throws Exception {
        String location = mvc.perform(confirmed)
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
        Matcher id = REQUEST.matcher(String.valueOf(location));
        assertThat(id.matches()).as("redirected to the request, not " + location).isTrue();
        return Long.parseLong(id.group(1));
    }

    private int requestsKept() {
        return jdbc.sql("SELECT COUNT(*) FROM approval_request").query(Integer.class).single();
    }

    private String statusOf(long id) {
        return jdbc.sql("SELECT status FROM approval_request WHERE id = :id")
            .param("id", id)
            .query(String.class)
            .single();
    }

    private int posts() {
        return (int) sandbox.requests().stream().filter(sent -> sent.method().equals("POST")).count();
    }

    private static RequestPostProcessor releaseManager() {
        return TestUsers.user("rita", "Rita Release", TestUsers.EDITOR_GROUP, "release-managers");
    }

    private static MockHttpServletRequestBuilder environment(String key) {
        return post("/environments/new").with(csrf())
            .param("projectKey", "web-store")
            .param("name", "Env " + key)
            .param("key", key)
            .param("color", "417505")
            .param("defaultTtl", "0");
    }

    private static MockHttpServletRequestBuilder destination(String environmentKey) {
        return post("/destinations/new").with(csrf())
            .param("projectKey", "mobile-app")
            .param("environmentKey", environmentKey)
            .param("name", "Hub to check")
            .param("kind", "azure-event-hubs")
            .param("on", "true")
            .param("config[namespace]", "ns-check")
            .param("config[name]", "hub")
            .param("config[policyName]", "send")
            .param("config[policyKey]", "pk-CHECK-secret");
    }

}
