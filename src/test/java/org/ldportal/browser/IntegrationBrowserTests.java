package org.ldportal.browser;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ldportal.sandbox.LaunchDarklySandbox;
import org.ldportal.testsupport.Browser;
import org.ldportal.testsupport.BrowserTest;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/** Integrations in a real browser against the sandbox: forms made from manifests, dependsOn live, secrets kept out. */
class IntegrationBrowserTests extends BrowserTest {

    @BeforeEach
    void signIn() {
        signInOnce("grace", "Grace Hopper", "ld-portal-editors");
    }

    @Test
    void createConfigurationWhenCheckboxTickedThenDependentFieldAppearsAndIsSent() {
        browser.get(portal() + "/integrations");
        browser.findElement(By.cssSelector("a[href*='/integrations/pager-alerts/new']")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("config-routingKey")));

        assertThat(browser.findElement(By.id("config-escalationPolicy-field")).isDisplayed()).isFalse();
        browser.findElement(By.id("config-escalate")).click();
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(ExpectedConditions.visibilityOfElementLocated(By.id("config-escalationPolicy")));
        browser.findElement(By.id("config-escalationPolicy")).sendKeys("on-call-primary");
        browser.findElement(By.id("config-routingKey")).sendKeys("R0UT1NG");
        new Select(browser.findElement(By.id("config-severity"))).selectByValue("critical");
        assertThat(browser.findElement(By.id("config-quietHours-field")).isDisplayed()).as("hidden while severity is critical").isFalse();
        Browser.submitAndWait(browser, browser.findElement(By.cssSelector("[data-testid=submit]")));

        assertThat(browser.findElement(By.cssSelector("[data-testid=created-name]")).getText()).isEqualTo("Pager Alerts");
        assertThat(LaunchDarklySandbox.shared().integrationConfigurations("pager-alerts")).singleElement().satisfies(configuration -> {
            assertThat(configuration.get("configValues").get("escalationPolicy").asString()).isEqualTo("on-call-primary");
            assertThat(configuration.get("configValues").get("region").asString()).isEqualTo("us");
            assertThat(configuration.get("configValues").get("eventFilter").toString()).contains("rollout-regression");
        });
    }

    @Test
    void createConfigurationWhenFieldHasTwoDependsOnEntriesThenShownOnlyWhileBothAllowIt() {
        browser.get(portal() + "/integrations/pager-alerts/new?type=configuration");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(5));
        By note = By.id("config-escalationNote-field");
        Select severity = new Select(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("config-severity"))));

        assertThat(browser.findElement(note).isDisplayed()).as("not escalating").isFalse();
        browser.findElement(By.id("config-escalate")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(note));
        severity.selectByValue("critical");
        wait.until(ExpectedConditions.invisibilityOfElementLocated(note));
        severity.selectByValue("info");
        wait.until(ExpectedConditions.visibilityOfElementLocated(note));
        browser.findElement(By.id("config-escalate")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(note));

        browser.findElement(By.id("config-escalate")).click();
        browser.findElement(By.id("config-escalationNote")).sendKeys("Call the platform lead");
        browser.findElement(By.id("config-escalationPolicy")).sendKeys("on-call-primary");
        browser.findElement(By.id("config-routingKey")).sendKeys("R0UT1NG");
        Browser.submitAndWait(browser, browser.findElement(By.cssSelector("[data-testid=submit]")));

        assertThat(LaunchDarklySandbox.shared().integrationConfigurations("pager-alerts")).singleElement().satisfies(configuration ->
                assertThat(configuration.get("configValues").get("escalationNote").asString()).isEqualTo("Call the platform lead"));
    }

    @Test
    void createSubscriptionWithPresetThenCreatedWithThatPolicy() {
        browser.get(portal() + "/integrations/log-stream/new?type=subscription");
        browser.findElement(By.id("name")).clear();
        browser.findElement(By.id("name")).sendKeys("Audit log to collector");
        browser.findElement(By.id("config-base-url")).sendKeys("https://logs.example.com");
        browser.findElement(By.id("config-token")).sendKeys("collector-token-1");
        Browser.submitAndWait(browser, browser.findElement(By.cssSelector("button[value=preset-all-flags]")));
        // The preset round trip keeps what was typed, but not the secret.
        assertThat(browser.findElement(By.id("config-base-url")).getDomProperty("value")).isEqualTo("https://logs.example.com");
        browser.findElement(By.id("config-token")).sendKeys("collector-token-1");
        Browser.submitAndWait(browser, browser.findElement(By.cssSelector("[data-testid=submit]")));

        assertThat(browser.findElement(By.cssSelector("[data-testid=created-name]")).getText()).isEqualTo("Audit log to collector");
        assertThat(LaunchDarklySandbox.shared().subscriptions("log-stream")).singleElement()
                .satisfies(subscription -> assertThat(subscription.get("statements").toString()).contains("proj/*:env/*:flag/*"));
    }

    @Test
    void createWhenLaunchDarklyRejectsThenSecretNotInThePage() {
        LaunchDarklySandbox.shared().failNext("/integration-configurations/", 400, "invalid_request",
                "configValues.signingSecret: signature key s1gning-S3cret is revoked");
        browser.get(portal() + "/integrations/acme-webhooks/new?type=configuration");
        browser.findElement(By.id("config-URL")).sendKeys("https://hooks.example.com/ld");
        browser.findElement(By.id("config-signingSecret")).sendKeys("s1gning-S3cret");
        Browser.submitAndWait(browser, browser.findElement(By.cssSelector("[data-testid=submit]")));

        assertThat(browser.findElement(By.id("config-signingSecret-error")).getText()).contains("[REDACTED]");
        assertThat(browser.findElement(By.id("config-URL")).getDomProperty("value")).isEqualTo("https://hooks.example.com/ld");
        assertThat(browser.findElement(By.id("config-signingSecret")).getDomProperty("value")).isEmpty();
        assertThat(browser.getPageSource()).doesNotContain("s1gning-S3cret");
    }

}
