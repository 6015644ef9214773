package org.ldportal.browser.pages;

import java.time.LocalDate;
import java.util.List;

import org.ldportal.testsupport.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The "Create an environment" form. A field is named by its form key (name, key, tags,
 * sourceKey...).
 */
public record EnvironmentForm(WebDriver driver) implements Page {

    private static final By PROJECT = By.id("projectKey");

    private static final By NAME = By.id("name");

    private static final By KEY = By.id("key");

    private static final By TAGS = By.id("tags");

    private static final By COPY_SETTINGS_FROM = By.id("sourceKey");

    private static final By COPY_SETTINGS_FIELD = By.id("source-field");

    // The form's own button: the one with a name is the no-JavaScript "Show
    // environments".
    private static final By SUBMIT = By.cssSelector("[data-testid=submit]");

    private static final By SUMMARY = By.id("form-errors");

    private static final By PENDING_ATTEMPT = By.cssSelector("[data-testid=pending-attempt]");

    private static final By EARLIER_ATTEMPT = By.cssSelector("[data-testid=earlier-attempt]");

    public EnvironmentForm {
        Waits.until(driver, ExpectedConditions.presenceOfElementLocated(SUBMIT));
    }

    public static EnvironmentForm open(WebDriver driver, String portalUrl) {
        driver.get(portalUrl + "/environments/new");
        return new EnvironmentForm(driver);
    }

    /**
     * The form as the "Create another environment" link opens it: with the project
     * already chosen.
     */
    public static EnvironmentForm open(WebDriver driver, String portalUrl, String projectKey) {
        driver.get(portalUrl + "/environments/new?project=" + projectKey);
        return new EnvironmentForm(driver);
    }

    /**
     * Chooses the project by its name; with JavaScript its environments are swapped into
     * "copy settings from".
     */
    public EnvironmentForm chooseProject(String projectName) {
        Waits.forSwap(driver, COPY_SETTINGS_FIELD,
                () -> new Select(driver.findElement(PROJECT)).selectByVisibleText(projectName));
        return this;
    }

    /** What "copy settings from" offers, as shown: "Production (production)". */
    public List<String> copySettingsChoices() {
        return new Select(driver.findElement(COPY_SETTINGS_FROM)).getOptions()
            .stream()
            .map(WebElement::getText)
            .toList();
    }

    public EnvironmentForm typeName(String name) {
        driver.findElement(NAME).sendKeys(name);
        return this;
    }

    /** Replaces the key the name derived. */
    public EnvironmentForm typeKey(String key) {
        driver.findElement(KEY).clear();
        driver.findElement(KEY).sendKeys(key);
        return this;
    }

    /** Sets "delete after" as the browser's date picker would. */
    public EnvironmentForm deleteAfter(LocalDate day) {
        Browser.setDate(driver, driver.findElement(By.id("deleteAfter")), day);
        return this;
    }

    public EnvironmentForm typeTags(String tags) {
        driver.findElement(TAGS).sendKeys(tags);
        return this;
    }

    /** Copies the settings of an environment of the chosen project, by its key. */
    public EnvironmentForm copySettingsFrom(String environmentKey) {
        new Select(driver.findElement(COPY_SETTINGS_FROM)).selectByValue(environmentKey);
        return this;
    }

    public String name() {
        return driver.findElement(NAME).getDomProperty("value");
    }

    /**
     * The key as the field holds it: derived from the name while typing, or kept after a
     * failed attempt.
     */
    public String key() {
        return driver.findElement(KEY).getDomProperty("value");
    }

    public EnvironmentCreatedPage submit() {
        Browser.submitAndWait(driver, driver.findElement(SUBMIT));
        new ReviewPage(driver).create();
        return new EnvironmentCreatedPage(driver);
    }

    /** Submits a valid form: the review page of what will be sent. */
    public ReviewPage review() {
        Browser.submitAndWait(driver, driver.findElement(SUBMIT));
        return new ReviewPage(driver);
    }

    /** Submits a form that is expected to come back with errors at its fields. */
    public EnvironmentForm submitExpectingErrors() {
        Browser.submitAndWait(driver, driver.findElement(SUBMIT));
        if (ReviewPage.isShown(driver)) {
            // The form was valid: the errors are LaunchDarkly's, after "Create" on the
            // review page.
            new ReviewPage(driver).create();
        }
        return new EnvironmentForm(driver);
    }

    /** The summary above the form: what happened to the last submit. */
    public String summary() {
        return Waits.until(driver, ExpectedConditions.presenceOfElementLocated(SUMMARY)).getText();
    }

    /**
     * Follows the summary's link to the attempt the portal keeps checking, or that held
     * this one back.
     */
    public AuditEntryPage followAttempt() {
        WebElement link = driver.findElements(EARLIER_ATTEMPT).isEmpty() ? driver.findElement(PENDING_ATTEMPT)
                : driver.findElement(EARLIER_ATTEMPT);
        Browser.submitAndWait(driver, link);
        return new AuditEntryPage(driver);
    }

    /** The error shown beside a field. */
    public String errorAt(String field) {
        return Waits.until(driver, ExpectedConditions.presenceOfElementLocated(By.id(field + "-error"))).getText();
    }

    /** A field's aria-invalid, as a screen reader gets it. */
    public String ariaInvalid(String field) {
        return driver.findElement(By.id(field)).getDomAttribute("aria-invalid");
    }

    /**
     * A field's aria-describedby: the ids of its help and error, which a screen reader
     * reads with it.
     */
    public String ariaDescribedBy(String field) {
        return driver.findElement(By.id(field)).getDomAttribute("aria-describedby");
    }
}
