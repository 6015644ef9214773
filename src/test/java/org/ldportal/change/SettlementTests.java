package org.ldportal.change;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ldportal.audit.AuditEntry;
import org.ldportal.audit.AuditOutcome;
import org.ldportal.sandbox.LaunchDarklySandbox;
import org.ldportal.testsupport.FormTokens;
import org.ldportal.testsupport.PortalIntegrationTest;
import org.ldportal.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

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
 * An unclear answer to a create, against a sandbox that answers late and then creates,
 * answers 504 and then creates, or answers 504 without creating: found settles it at
 * once; not found proves nothing until the request can no longer be in flight; the person
 * is told only what is true, and a resend never makes a second one. The settlement job is
 * run here with a moment in the future instead of waiting for it (the test context's
 * response timeout is 2 s, the in-flight window 60 s, the last check 5 minutes after it).
 */
class SettlementTests extends PortalIntegrationTest {

    private static final String ENVIRONMENTS = "/api/v2/projects/mobile-app/environments";

    @Autowired
    MockMvc mvc;

    @Autowired
    org.ldportal.audit.AuditRepository audit;

    @Autowired
    UnknownOutcomes outcomes;

    private final LaunchDarklySandbox sandbox = LaunchDarklySandbox.shared();

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @org.junit.jupiter.api.BeforeEach
    void emptyTrail() {
        jdbc.sql("DELETE FROM audit_entry").update();
    }

    private List<AuditEntry> entries() {
        List<AuditEntry> oldestFirst = new ArrayList<>(audit.findTop50ByOrderByIdDesc());
        Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    private List<AuditOutcome> trailOf(String key) {
        return entries().stream().filter(e -> key.equals(e.resourceKey())).map(AuditEntry::outcome).toList();
    }

    @Test
    void createWhenTheGatewayFailsAfterLaunchDarklyCreatedItThenTheCreatedPageAndTheTrailSaysSucceeded()
            throws Exception {
        sandbox.failNextAfterHandling(ENVIRONMENTS, 502);

        mvc.perform(environment("after-all"))
            .andExpect(redirectedUrl("/environments/created"))
            .andExpect(flash().attributeExists("created"));

        mvc.perform(get("/audit").with(TestUsers.admin()))
            .andExpect(content()
                .string(allOf(containsString("Env after-all"), containsString("data-testid=\"outcome\">Succeeded<"),
                        not(containsString("data-testid=\"outcome\">Unknown<")))));
        AuditEntry settled = entries().get(entries().size() - 1);
        assertThat(settled.httpStatus()).as("what LaunchDarkly answered").isEqualTo(502);
        assertThat(settled.errorMessage()).startsWith("LaunchDarkly answered 502")
            .contains("it exists, so it was created");
    }

    @Test
    void createWhenAnswered504WithoutCreatingThenNotConfirmedNeverNotCreatedUntilTheRequestCannotBeInFlight()
            throws Exception {
        sandbox.failNextPost(ENVIRONMENTS, 504);
        String token = java.util.UUID.randomUUID().toString().replace("-", "");

        mvc.perform(environment("not-made", FormTokens.same(token)))
            .andExpect(status().isOk())
            .andExpect(content().string(allOf(containsString("The environment may have been created."),
                    containsString("LaunchDarkly has not confirmed that the environment was created (it answered with "
                            + "error 504)"),
                    containsString("Do not send this form again"), containsString("data-testid=\"pending-attempt\""),
                    not(containsString("not created")), not(containsString("send the form again")))));
        assertThat(trailOf("not-made")).containsExactly(AuditOutcome.STARTED, AuditOutcome.UNKNOWN);

        outcomes.settleDue(Instant.now().plus(Duration.ofSeconds(70)));
        assertThat(trailOf("not-made")).as("after the in-flight window: looked, not proof yet")
            .containsExactly(AuditOutcome.STARTED, AuditOutcome.UNKNOWN);

        outcomes.settleDue(Instant.now().plus(Duration.ofMinutes(7)));
        assertThat(trailOf("not-made")).containsExactly(AuditOutcome.STARTED, AuditOutcome.UNKNOWN,
                AuditOutcome.FAILED);
        AuditEntry failed = entries().get(entries().size() - 1);
        assertThat(failed.httpStatus()).isEqualTo(504);
        assertThat(failed.errorMessage()).contains("could no longer be in flight").contains("nothing was created");

        // The same form sent again is not sent: it says what the checks found.
        mvc.perform(environment("not-made", FormTokens.same(token)))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("Already sent: it was not created")));
        assertThat(sandbox.environmentsOf("mobile-app")).noneMatch(e -> e.get("key").asString().equals("not-made"));
    }

    @Test
    void createWhenAnsweredLateAndCreatedThenNotConfirmedAndTheJobFindsItOnceItExists() throws Exception {
        // The portal stops waiting at 2 s; LaunchDarkly answers (and creates) at 3 s.
        sandbox.delayNextPost(ENVIRONMENTS, Duration.ofSeconds(3));
        String token = java.util.UUID.randomUUID().toString().replace("-", "");

        mvc.perform(environment("late", FormTokens.same(token)))
            .andExpect(status().isOk())
            .andExpect(content().string(
                    allOf(containsString("(it did not answer in time)"), containsString("the portal is checking"))));
        awaitEnvironment("late");

        outcomes.settleDue(Instant.now().plus(Duration.ofSeconds(70)));

        assertThat(trailOf("late")).containsExactly(AuditOutcome.STARTED, AuditOutcome.UNKNOWN, AuditOutcome.SUCCEEDED);
        assertThat(entries().get(entries().size() - 1).errorMessage())
            .startsWith("LaunchDarkly did not answer in time");
        mvc.perform(environment("late", FormTokens.same(token)))
            .andExpect(status().isOk())
            .andExpect(content().string(allOf(containsString("Already sent: it was created"),
                    containsString("/projects/mobile-app/settings/environments/late"))));
        assertThat(sandbox.environmentsOf("mobile-app")).filteredOn(e -> e.get("key").asString().equals("late"))
            .hasSize(1);
    }

    @Test
    void createWhenTheSameEnvironmentIsSentAgainWhileTheFirstIsUnsettledThenHeldWithALinkAndNothingSent()
            throws Exception {
        sandbox.failNextThenCreate(ENVIRONMENTS, 504, Duration.ofMillis(300));
        mvc.perform(environment("twice")).andExpect(content().string(containsString("has not confirmed")));
        long posts = posts(ENVIRONMENTS);

        mvc.perform(environment("twice"))
            .andExpect(status().isOk())
            .andExpect(content().string(allOf(containsString("Not sent: an earlier attempt is not settled yet."),
                    containsString("has no clear outcome yet"), containsString("data-testid=\"earlier-attempt\""))));

        assertThat(posts(ENVIRONMENTS)).as("the second was not sent").isEqualTo(posts);
        sandbox.awaitLateWork();
        assertThat(sandbox.environmentsOf("mobile-app")).filteredOn(e -> e.get("key").asString().equals("twice"))
            .hasSize(1);
        assertThat(trailOf("twice")).contains(AuditOutcome.REJECTED);

        // Settled (found): a third send goes to LaunchDarkly, which refuses the key it
        // has.
        outcomes.settleDue(Instant.now().plus(Duration.ofSeconds(70)));
        mvc.perform(environment("twice"))
            .andExpect(content().string(containsString("An environment with key twice already exists")));
        assertThat(posts(ENVIRONMENTS)).isEqualTo(posts + 1);
    }

    @Test
    void createWhenAGatewayHidesTheConflictOfAKeyTakenThenTheOlderEnvironmentIsNotMistakenForThisOne()
            throws Exception {
        // "test" exists in Mobile App: LaunchDarkly answers 409, which a failing gateway
        // turns into a 502.
        sandbox.failNextAfterHandling(ENVIRONMENTS, 502);

        mvc.perform(environment("test"))
            .andExpect(status().isOk())
            .andExpect(content()
                .string(allOf(containsString("has not confirmed"), not(containsString("created after all")))));
        outcomes.settleDue(Instant.now().plus(Duration.ofSeconds(70)));
        outcomes.settleDue(Instant.now().plus(Duration.ofMinutes(7)));

        assertThat(trailOf("test")).containsExactly(AuditOutcome.STARTED, AuditOutcome.UNKNOWN, AuditOutcome.FAILED);
    }

    @Test
    void completeSetupWhenAnswered504AndCreatedLaterThenTheSetUpIsCompletedWhenTheJobFindsIt() throws Exception {
        String setup = mvc
            .perform(post("/destinations/new").with(TestUsers.editor())
                .with(csrf())
                .with(FormTokens.fresh())
                .param("projectKey", "mobile-app")
                .param("environmentKey", "test")
                .param("name", "Snow")
                .param("kind", "snowflake-v2")
                .param("on", "true")
                .param("config[snowflakeHostAddress]", "https://acct.snowflakecomputing.com"))
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
        sandbox.failNextThenCreate("/complete-setup", 504, Duration.ofMillis(200));

        mvc.perform(post(setup + "/complete").with(TestUsers.editor()).with(csrf()).with(FormTokens.fresh()))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("has not confirmed")));
        sandbox.awaitLateWork();
        outcomes.settleDue(Instant.now().plus(Duration.ofSeconds(70)));

        mvc.perform(get(setup).with(TestUsers.editor()))
            .andExpect(content().string(allOf(containsString("created from this set-up already"),
                    not(containsString(setup + "/complete")))));
    }

    @ParameterizedTest(name = "parent names the place: {0}")
    @ValueSource(booleans = { false, true })
    void destinationWhenAnswered504AndCreatedLaterThenFoundInEitherShape(boolean parentNamesPlace) throws Exception {
        if (parentNamesPlace) {
            sandbox.answerDestinationParentsWithTheirPlace();
        }
        sandbox.failNextThenCreate("/api/v2/destinations/web-store/staging", 504, Duration.ofMillis(200));

        mvc.perform(post("/destinations/new").with(TestUsers.editor())
            .with(csrf())
            .with(FormTokens.fresh())
            .param("projectKey", "web-store")
            .param("environmentKey", "staging")
            .param("name", "Store events")
            .param("kind", "segment")
            .param("on", "true")
            .param("config[writeKey]", "wk-late-1"))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("has not confirmed")));
        sandbox.awaitLateWork();

        outcomes.settleDue(Instant.now().plus(Duration.ofSeconds(70)));

        AuditEntry settled = entries().get(entries().size() - 1);
        assertThat(settled.outcome()).isEqualTo(AuditOutcome.SUCCEEDED);
        assertThat(settled.resourceId()).isEqualTo(sandbox.destinations().get(0).get("_id").asString());
    }

    @Test
    void configurationWhenAnOlderOneHasTheSameNameThenNotMistakenForThisAttempt() throws Exception {
        // An older configuration named as the manifest names new ones, with the same
        // values.
        sandbox.seedConfiguration("acme-webhooks", "Acme Webhooks",
                Map.of("URL", "https://hooks.example.com", "signingSecret", "older-secret", "format", "json"));
        sandbox.failNextPost("/integration-configurations/keys/acme-webhooks", 504);

        mvc.perform(post("/integrations/acme-webhooks/new").with(FormTokens.fresh())
            .param("type", "configuration")
            .with(TestUsers.editor())
            .with(csrf())
            .param("name", "Acme Webhooks")
            .param("config[URL]", "https://hooks.example.com")
            .param("config[signingSecret]", "new-secret-123")
            .param("config[format]", "json")
            .param("statements[0].effect", "allow")
            .param("statements[0].resources", "proj/*")
            .param("statements[0].actions", "*"))
            .andExpect(status().isOk())
            .andExpect(content()
                .string(allOf(containsString("has not confirmed"), not(containsString("created after all")))));

        outcomes.settleDue(Instant.now().plus(Duration.ofMinutes(7)));
        outcomes.settleDue(Instant.now().plus(Duration.ofMinutes(14)));
        assertThat(entries().get(entries().size() - 1).outcome()).as("the older one is not this attempt's")
            .isEqualTo(AuditOutcome.FAILED);
    }

    @Test
    void checkNowWhenAnUnknownOutcomeIsLaterFoundThenSettledFromTheAuditEntry() throws Exception {
        // The check right after the unclear answer cannot reach LaunchDarkly; later it
        // can, and the resource is there.
        sandbox.failNextAfterHandling(ENVIRONMENTS, 504);
        // Past the read before the call, every try of the check after it.
        sandbox.failReadsAfter(ENVIRONMENTS, 1, 3, 503);
        mvc.perform(environment("checked-later")).andExpect(content().string(containsString("has not confirmed")));
        long id = entries().stream()
            .filter(e -> "checked-later".equals(e.resourceKey()) && e.outcome() == AuditOutcome.UNKNOWN)
            .findFirst()
            .orElseThrow()
            .id();

        mvc.perform(get("/audit/" + id).with(TestUsers.editor()))
            .andExpect(content().string(containsString("Check now")));
        mvc.perform(post("/audit/" + id + "/check").with(TestUsers.editor()).with(csrf()))
            .andExpect(redirectedUrl("/audit/" + id))
            .andExpect(flash().attribute("checked", containsString("LaunchDarkly has it: it was created.")));
        mvc.perform(get("/audit/" + id).with(TestUsers.editor()))
            .andExpect(content().string(allOf(not(containsString("Check now")), containsString("data-testid=\"steps\""),
                    containsString("data-testid=\"step-status\">504<"), containsString("asked by Eddie Editor"))));
        assertThat(trailOf("checked-later")).containsExactly(AuditOutcome.STARTED, AuditOutcome.UNKNOWN,
                AuditOutcome.SUCCEEDED);
    }

    @Test
    void checkNowWhenNotFoundWithinTheInFlightWindowThenItProvesNothingAndSaysWhenThePortalLooksAgain()
            throws Exception {
        sandbox.failNextPost(ENVIRONMENTS, 503);
        mvc.perform(environment("too-soon"));
        long id = entries().stream()
            .filter(e -> "too-soon".equals(e.resourceKey()) && e.outcome() == AuditOutcome.UNKNOWN)
            .findFirst()
            .orElseThrow()
            .id();

        mvc.perform(post("/audit/" + id + "/check").with(TestUsers.editor()).with(csrf()))
            .andExpect(flash().attribute("checked", containsString("may still be in flight, so that proves nothing")));

        assertThat(trailOf("too-soon")).containsExactly(AuditOutcome.STARTED, AuditOutcome.UNKNOWN);
    }

    @Test
    void checkNowWhenViewerThenForbidden() throws Exception {
        mvc.perform(post("/audit/1/check").with(TestUsers.viewer()).with(csrf())).andExpect(status().isForbidden());
    }

    private long posts(String path) {
        return sandbox.requests().stream().filter(r -> r.method().equals("POST") && r.path().equals(path)).count();
    }

    private void awaitEnvironment(String key) throws InterruptedException {
        for (int i = 0; i < 100 && sandbox.environmentsOf("mobile-app")
            .stream()
            .noneMatch(e -> e.get("key").asString().equals(key)); i++) {
            Thread.sleep(50);
        }
    }

    private static MockHttpServletRequestBuilder environment(String key) {
        return environment(key, FormTokens.fresh());
    }

    private static MockHttpServletRequestBuilder environment(String key,
            org.springframework.test.web.servlet.request.RequestPostProcessor token) {
        return post("/environments/new").with(TestUsers.editor())
            .with(csrf())
            .with(token)
            .param("projectKey", "mobile-app")
            .param("name", "Env " + key)
            .param("key", key)
            .param("color", "417505")
            .param("defaultTtl", "0");
    }

}
