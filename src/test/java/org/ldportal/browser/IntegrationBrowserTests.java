package org.ldportal.browser;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ldportal.browser.pages.IntegrationCatalogPage;
import org.ldportal.browser.pages.IntegrationCreatedPage;
import org.ldportal.browser.pages.IntegrationForm;
import org.ldportal.sandbox.LaunchDarklySandbox;
import org.ldportal.testsupport.BrowserTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integrations in a real browser against the sandbox: forms made from manifests,
 * dependsOn live, secrets kept out.
 */
class IntegrationBrowserTests extends BrowserTest {

    @BeforeEach
    void signIn() {
        signInOnce("grace", "Grace Hopper", "ld-portal-editors");
    }

    @Test
    void createConfigurationWhenCheckboxTickedThenDependentFieldAppearsAndIsSent() {
        IntegrationForm form = IntegrationCatalogPage.open(browser, portal()).setUp("pager-alerts");

        assertThat(form.isShown("escalationPolicy")).isFalse();
        form.tick("escalate").waitUntilShown("escalationPolicy");
        form.type("escalationPolicy", "on-call-primary").type("routingKey", "R0UT1NG").choose("severity", "critical");
        assertThat(form.isShown("quietHours")).as("hidden while severity is critical").isFalse();
        IntegrationCreatedPage created = form.submit();

        assertThat(created.name()).isEqualTo("Pager Alerts");
        assertThat(LaunchDarklySandbox.shared().integrationConfigurations("pager-alerts")).singleElement()
            .satisfies(configuration -> {
                assertThat(configuration.get("configValues").get("escalationPolicy").asString())
                    .isEqualTo("on-call-primary");
                assertThat(configuration.get("configValues").get("region").asString()).isEqualTo("us");
                assertThat(configuration.get("configValues").get("eventFilter").toString())
                    .contains("rollout-regression");
            });
    }

    @Test
    void createConfigurationWhenFieldHasTwoDependsOnEntriesThenShownOnlyWhileBothAllowIt() {
        IntegrationForm form = IntegrationForm.openConfiguration(browser, portal(), "pager-alerts");

        assertThat(form.isShown("escalationNote")).as("not escalating").isFalse();
        form.tick("escalate").waitUntilShown("escalationNote");
        form.choose("severity", "critical").waitUntilHidden("escalationNote");
        form.choose("severity", "info").waitUntilShown("escalationNote");
        form.tick("escalate").waitUntilHidden("escalationNote");

        form.tick("escalate").waitUntilShown("escalationNote");
        form.type("escalationNote", "Call the platform lead")
            .type("escalationPolicy", "on-call-primary")
            .type("routingKey", "R0UT1NG")
            .submit();

        assertThat(LaunchDarklySandbox.shared().integrationConfigurations("pager-alerts")).singleElement()
            .satisfies(configuration -> assertThat(configuration.get("configValues").get("escalationNote").asString())
                .isEqualTo("Call the platform lead"));
    }

    @Test
    void createSubscriptionWithPresetThenCreatedWithThatPolicy() {
        IntegrationForm form = IntegrationForm.openSubscription(browser, portal(), "log-stream")
            .typeName("Audit log to collector")
            .type("base-url", "https://logs.example.com")
            .type("token", "collector-token-1")
            .usePreset("preset-all-flags");
        // The preset changes the rows in the page: everything typed stays, the secret
        // too.
        assertThat(form.value("base-url")).isEqualTo("https://logs.example.com");
        assertThat(form.value("token")).isEqualTo("collector-token-1");
        IntegrationCreatedPage created = form.submit();

        assertThat(created.name()).isEqualTo("Audit log to collector");
        assertThat(LaunchDarklySandbox.shared().subscriptions("log-stream")).singleElement()
            .satisfies(subscription -> assertThat(subscription.get("statements").toString())
                .contains("proj/*:env/*:flag/*"));
    }

    @Test
    void policyEditorWhenRowsAddedAndRemovedThenInThePageAndSentAsShown() {
        IntegrationForm form = IntegrationForm.openSubscription(browser, portal(), "log-stream")
            .type("base-url", "https://logs.example.com")
            .type("token", "collector-token-2");
        browser.executeScript("window.noRoundTrip = true;");

        form.addStatement()
            .typeStatement(1, "resources", "proj/mobile-app:env/test:segment/*")
            .addStatement()
            .typeStatement(2, "resources", "proj/*:env/*:flag/beta-*")
            .removeStatement(1);

        assertThat(browser.executeScript("return window.noRoundTrip === true;")).as("the page was not reloaded")
            .isEqualTo(true);
        assertThat(form.statements()).isEqualTo(2);
        assertThat(form.statement(1, "resources")).as("the third row, now the second")
            .isEqualTo("proj/*:env/*:flag/beta-*");
        assertThat(form.value("token")).isEqualTo("collector-token-2");
        form.submit();
        assertThat(LaunchDarklySandbox.shared().subscriptions("log-stream")).singleElement().satisfies(subscription -> {
            assertThat(subscription.get("statements")).hasSize(2);
            assertThat(subscription.get("statements").toString()).contains("proj/*:env/*:flag/beta-*")
                .doesNotContain("segment");
        });
    }

    @Test
    void createWhenLaunchDarklyRejectsThenSecretNotInThePage() {
        LaunchDarklySandbox.shared()
            .failNextPost("/integration-configurations/", 400, "invalid_request",
                    "configValues.signingSecret: signature key s1gning-S3cret is revoked");
        IntegrationForm form = IntegrationForm.openConfiguration(browser, portal(), "acme-webhooks")
            .type("URL", "https://hooks.example.com/ld")
            .type("signingSecret", "s1gning-S3cret")
            .submitExpectingErrors();

        assertThat(form.errorAt("signingSecret")).contains("[REDACTED]");
        assertThat(form.value("URL")).isEqualTo("https://hooks.example.com/ld");
        assertThat(form.value("signingSecret")).isEmpty();
        assertThat(form.pageSource()).doesNotContain("s1gning-S3cret");
    }

}
