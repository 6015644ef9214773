package org.ldportal.browser;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ldportal.sandbox.LaunchDarklySandbox;
import org.ldportal.testsupport.Browser;
import org.ldportal.testsupport.BrowserTest;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/** Data Export destinations in a real browser against the sandbox: every kind, field switching, the conflict. */
class DestinationBrowserTests extends BrowserTest {

    @BeforeEach
    void signIn() {
        signInOnce("grace", "Grace Hopper", "ld-portal-editors");
    }

    @ParameterizedTest
    @ValueSource(strings = { "google-pubsub", "kinesis", "azure-event-hubs", "mparticle", "segment", "snowflake-v2",
        "databricks", "bigquery", "redshift" })
    void createWhenEachKindFilledInThenCreatedInTheSandbox(String kind) {
        openForm("Web Store", "staging", "Events for " + kind);
        chooseKind(kind);
        fields(kind).forEach(this::fill);
        browser.findElement(By.cssSelector("[data-testid=submit]")).click();

        if (kind.equals("snowflake-v2") || kind.equals("redshift")) {
            WebElement script = wait(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=setup-script]")));
            assertThat(script.getText()).contains("CREATE");
            if (kind.equals("redshift")) {
                assertThat(browser.findElement(By.cssSelector("[data-testid=trust-policy]")).getText()).contains("sts:AssumeRole");
            }
            browser.findElement(By.cssSelector("[data-testid=complete]")).click();
        }

        wait(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=created-id]")));
        assertThat(browser.findElement(By.cssSelector("[data-testid=created-name]")).getText()).isEqualTo("Events for " + kind);
        assertThat(LaunchDarklySandbox.shared().destinations()).singleElement()
                .satisfies(destination -> assertThat(destination.get("kind").asString()).isEqualTo(kind));
    }

    @Test
    void kindChangedWithJavaScriptThenFieldsSwapInPlaceAndSharedValuesStay() {
        openForm("Mobile App", "test", "Warehouse");
        chooseKind("snowflake-v2");
        fill("config-databaseName", "ANALYTICS");
        chooseKind("redshift");

        assertThat(browser.findElements(By.id("config-snowflakeHostAddress"))).isEmpty();
        assertThat(browser.findElement(By.id("config-clusterIdentifier")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("config-databaseName")).getDomProperty("value")).isEqualTo("ANALYTICS");
        assertThat(browser.findElement(By.id("name")).getDomProperty("value")).isEqualTo("Warehouse");
        assertThat(browser.findElement(By.cssSelector("button[name=refresh]")).isDisplayed()).as("no-JS button hidden").isFalse();
    }

    @Test
    void kindChangedWithoutJavaScriptThenShowFieldsButtonRoundTrips() {
        ChromeDriver noScript = Browser.start(false);
        try {
            Browser.signIn(noScript, portal(), "alan", Browser.claims("Alan Turing", "ld-portal-editors"));
            noScript.get(portal() + "/destinations/new");
            new Select(noScript.findElement(By.id("projectKey"))).selectByVisibleText("Mobile App");
            Browser.submitAndWait(noScript, noScript.findElement(By.xpath("//button[@name='refresh' and text()='Show environments']")));
            new Select(noScript.findElement(By.id("environmentKey"))).selectByValue("production");
            noScript.findElement(By.id("name")).sendKeys("No script");
            new Select(noScript.findElement(By.id("kind"))).selectByValue("google-pubsub");
            Browser.submitAndWait(noScript, noScript.findElement(By.xpath("//button[@name='refresh' and text()='Show fields']")));

            assertThat(noScript.findElement(By.id("config-project")).isDisplayed()).isTrue();
            assertThat(noScript.findElement(By.id("name")).getDomProperty("value")).isEqualTo("No script");

            noScript.findElement(By.id("config-project")).sendKeys("analytics");
            noScript.findElement(By.id("config-topic")).sendKeys("flags");
            Browser.submitAndWait(noScript, noScript.findElement(By.cssSelector("[data-testid=submit]")));
            assertThat(noScript.findElement(By.cssSelector("[data-testid=created-kind]")).getText()).isEqualTo("Google Cloud Pub/Sub");
        }
        finally {
            noScript.quit();
        }
    }

    @Test
    void secondDestinationInOneEnvironmentThenConflictShownAtTheEnvironmentWithValuesKept() {
        openForm("Mobile App", "production", "First");
        chooseKind("segment");
        fill("config-writeKey", "wk-first-1234");
        browser.findElement(By.cssSelector("[data-testid=submit]")).click();
        wait(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=created-id]")));

        openForm("Mobile App", "production", "Second");
        chooseKind("azure-event-hubs");
        fields("azure-event-hubs").forEach(this::fill);
        browser.findElement(By.cssSelector("[data-testid=submit]")).click();

        WebElement error = wait(ExpectedConditions.presenceOfElementLocated(By.id("environmentKey-error")));
        assertThat(error.getText()).contains("This environment already has a Data Export destination: First");
        assertThat(browser.findElement(By.id("environmentKey")).getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findElement(By.id("config-namespace")).getDomProperty("value")).isEqualTo("hub-namespace");
        assertThat(browser.findElement(By.id("config-policyKey")).getDomProperty("value")).isEmpty();
        assertThat(browser.getPageSource()).doesNotContain("azure-secret-key-99");
    }

    private void openForm(String project, String environment, String name) {
        browser.get(portal() + "/destinations/new");
        new Select(browser.findElement(By.id("projectKey"))).selectByVisibleText(project);
        wait(driver -> new Select(driver.findElement(By.id("environmentKey"))).getOptions().stream()
                .anyMatch(option -> option.getDomAttribute("value").equals(environment)));
        new Select(browser.findElement(By.id("environmentKey"))).selectByValue(environment);
        browser.findElement(By.id("name")).sendKeys(name);
    }

    private void chooseKind(String kind) {
        new Select(browser.findElement(By.id("kind"))).selectByValue(kind);
        String firstField = "config-" + fields(kind).keySet().iterator().next().substring("config-".length());
        wait(ExpectedConditions.presenceOfElementLocated(By.id(firstField)));
    }

    private void fill(String id, String value) {
        WebElement field = browser.findElement(By.id(id));
        if (field.getTagName().equals("select")) {
            new Select(field).selectByValue(value);
        }
        else {
            field.clear();
            field.sendKeys(value);
        }
    }

    private static Map<String, String> fields(String kind) {
        Map<String, String> fields = new LinkedHashMap<>();
        switch (kind) {
            case "google-pubsub" -> {
                fields.put("config-project", "analytics-prod");
                fields.put("config-topic", "flag-events");
            }
            case "kinesis" -> {
                fields.put("config-region", "eu-west-1");
                fields.put("config-roleArn", "arn:aws:iam::123456789012:role/launchdarkly");
                fields.put("config-streamName", "flag-events");
            }
            case "azure-event-hubs" -> {
                fields.put("config-namespace", "hub-namespace");
                fields.put("config-name", "flag-events");
                fields.put("config-policyName", "send");
                fields.put("config-policyKey", "azure-secret-key-99");
            }
            case "mparticle" -> {
                fields.put("config-apiKey", "mp-key");
                fields.put("config-secret", "mp-secret");
                fields.put("config-userIdentity", "customer_id");
                fields.put("config-anonymousUserIdentity", "other");
                fields.put("config-environment", "development");
            }
            case "segment" -> fields.put("config-writeKey", "wk-123456");
            case "snowflake-v2" -> {
                fields.put("config-snowflakeHostAddress", "https://acct.eu-west-1.snowflakecomputing.com");
                fields.put("config-databaseName", "LAUNCHDARKLY");
            }
            case "databricks", "bigquery" -> fields.put("config-config", "{\"dataset\": \"flags\"}");
            case "redshift" -> {
                fields.put("config-clusterIdentifier", "analytics");
                fields.put("config-clusterRegion", "us-east-1");
                fields.put("config-clusterAwsAccountId", "123456789012");
            }
            default -> throw new IllegalArgumentException(kind);
        }
        return fields;
    }

    private <T> T wait(org.openqa.selenium.support.ui.ExpectedCondition<T> condition) {
        return waiting().until(condition);
    }

    private <T> T wait(java.util.function.Function<org.openqa.selenium.WebDriver, T> condition) {
        return waiting().until(condition);
    }

    /** Fragments replace elements while a wait looks at them: a stale element just means "look again". */
    private static WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

}
