package org.ldportal.browser.pages;

import org.ldportal.testsupport.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The form of a new integration configuration or audit-log subscription, made from the
 * integration's manifest. Its settings are named by their manifest key (routingKey,
 * base-url...), which the page binds under {@code config[...]}.
 */
public record IntegrationForm(WebDriver driver) implements Page {

    private static final By NAME = By.id("name");

    private static final By SUBMIT = By.cssSelector("[data-testid=submit]");

    private static final By POLICY_STATUS = By.cssSelector("[data-policy-status]");

    public IntegrationForm {
        Waits.until(driver, ExpectedConditions.presenceOfElementLocated(SUBMIT));
    }

    public static IntegrationForm openConfiguration(WebDriver driver, String portalUrl, String integrationKey) {
        driver.get(portalUrl + "/integrations/" + integrationKey + "/new?type=configuration");
        return new IntegrationForm(driver);
    }

    public static IntegrationForm openSubscription(WebDriver driver, String portalUrl, String integrationKey) {
        driver.get(portalUrl + "/integrations/" + integrationKey + "/new?type=subscription");
        return new IntegrationForm(driver);
    }

    /** Replaces the name the form suggests (the integration's own). */
    public IntegrationForm typeName(String name) {
        WebElement field = driver.findElement(NAME);
        field.clear();
        field.sendKeys(name);
        return this;
    }

    /** Types into a setting, after whatever it holds. */
    public IntegrationForm type(String key, String text) {
        driver.findElement(setting(key)).sendKeys(text);
        return this;
    }

    /** Chooses an option of a setting by its value. */
    public IntegrationForm choose(String key, String value) {
        new Select(driver.findElement(setting(key))).selectByValue(value);
        return this;
    }

    /** Ticks (or unticks) a checkbox setting. */
    public IntegrationForm tick(String key) {
        driver.findElement(setting(key)).click();
        return this;
    }

    /** Whether a setting shows: one whose manifest condition does not hold is hidden. */
    public boolean isShown(String key) {
        return driver.findElement(By.id("config-" + key + "-field")).isDisplayed();
    }

    /**
     * Waits until a dependent setting appears, as the page's script shows it once its
     * condition holds.
     */
    public IntegrationForm waitUntilShown(String key) {
        Waits.until(driver, ExpectedConditions.visibilityOfElementLocated(setting(key)));
        return this;
    }

    /**
     * Waits until a dependent setting disappears, as the page's script hides it once a
     * condition fails.
     */
    public IntegrationForm waitUntilHidden(String key) {
        Waits.until(driver, ExpectedConditions.invisibilityOfElementLocated(setting(key)));
        return this;
    }

    public String value(String key) {
        return driver.findElement(setting(key)).getDomProperty("value");
    }

    /**
     * Applies one of the audit-log policy presets (preset-all-flags...): in the page,
     * without a round trip.
     */
    public IntegrationForm usePreset(String preset) {
        driver.findElement(By.cssSelector("button[value=" + preset + "]")).click();
        Waits.until(driver, ExpectedConditions.textToBePresentInElementLocated(POLICY_STATUS, "statement"));
        return this;
    }

    /** "Add a statement": a new empty row, in the page. */
    public IntegrationForm addStatement() {
        int before = statements();
        driver.findElement(By.cssSelector("button[name=editPolicy][value=add]")).click();
        Waits.until(driver, d -> statements() == before + 1);
        return this;
    }

    /** "Remove statement" on row {@code index} (from 0), in the page. */
    public IntegrationForm removeStatement(int index) {
        int before = statements();
        driver.findElements(By.cssSelector("[data-testid=statement]"))
            .get(index)
            .findElement(By.cssSelector("button[name=editPolicy]"))
            .click();
        Waits.until(driver, d -> statements() == before - 1);
        return this;
    }

    public int statements() {
        return driver.findElements(By.cssSelector("[data-statements] [data-testid=statement]")).size();
    }

    /**
     * What a statement field holds, by row and field (resources, actions...), as the
     * server will bind it.
     */
    public String statement(int index, String field) {
        return driver.findElement(By.name("statements[" + index + "]." + field)).getDomProperty("value");
    }

    /** Types into a statement field. */
    public IntegrationForm typeStatement(int index, String field, String text) {
        driver.findElement(By.name("statements[" + index + "]." + field)).sendKeys(text);
        return this;
    }

    public IntegrationCreatedPage submit() {
        Browser.submitAndWait(driver, driver.findElement(SUBMIT));
        new ReviewPage(driver).create();
        return new IntegrationCreatedPage(driver);
    }

    /** Submits a valid form: the review page of what will be sent. */
    public ReviewPage review() {
        Browser.submitAndWait(driver, driver.findElement(SUBMIT));
        return new ReviewPage(driver);
    }

    /** Submits a form that is expected to come back with errors at its settings. */
    public IntegrationForm submitExpectingErrors() {
        Browser.submitAndWait(driver, driver.findElement(SUBMIT));
        if (ReviewPage.isShown(driver)) {
            // The form was valid: the errors are LaunchDarkly's, after "Create" on the
            // review page.
            new ReviewPage(driver).create();
        }
        return new IntegrationForm(driver);
    }

    /** The error shown beside a setting. */
    public String errorAt(String key) {
        return Waits.until(driver, ExpectedConditions.presenceOfElementLocated(By.id("config-" + key + "-error")))
            .getText();
    }

    private static By setting(String key) {
        return By.id("config-" + key);
    }
}
