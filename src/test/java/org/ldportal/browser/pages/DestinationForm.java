package org.ldportal.browser.pages;

import org.ldportal.testsupport.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The "Set up a Data Export destination" form. The destination's own fields are named by
 * their form key (projectKey, environmentKey, name, kind); the fields of the chosen kind
 * by their config key (writeKey, topic...), which the page binds under
 * {@code config[...]}.
 */
public record DestinationForm(WebDriver driver) implements Page {

    private static final By PROJECT = By.id("projectKey");

    private static final By ENVIRONMENT = By.id("environmentKey");

    private static final By ENVIRONMENT_FIELD = By.id("environment-field");

    private static final By NAME = By.id("name");

    private static final By KIND = By.id("kind");

    private static final By KIND_FIELDS = By.id("kind-fields");

    private static final By SHOW_ENVIRONMENTS = By.xpath("//button[@name='refresh' and text()='Show environments']");

    private static final By SHOW_FIELDS = By.xpath("//button[@name='refresh' and text()='Show fields']");

    // The first of the no-JavaScript buttons ("Show environments"), which scripts hide.
    private static final By NO_SCRIPT_BUTTON = By.cssSelector("button[name=refresh]");

    private static final By SUBMIT = By.cssSelector("[data-testid=submit]");

    public DestinationForm {
        Waits.until(driver, ExpectedConditions.presenceOfElementLocated(KIND));
    }

    public static DestinationForm open(WebDriver driver, String portalUrl) {
        driver.get(portalUrl + "/destinations/new");
        return new DestinationForm(driver);
    }

    /**
     * Chooses the project by its name; with JavaScript its environments are swapped in,
     * without a reload.
     */
    public DestinationForm chooseProject(String projectName) {
        Waits.forSwap(driver, ENVIRONMENT_FIELD,
                () -> new Select(driver.findElement(PROJECT)).selectByVisibleText(projectName));
        return this;
    }

    /**
     * Without JavaScript: "Show environments" sends the form and brings it back with the
     * project's environments.
     */
    public DestinationForm showEnvironments() {
        Browser.submitAndWait(driver, driver.findElement(SHOW_ENVIRONMENTS));
        return new DestinationForm(driver);
    }

    /**
     * Chooses an environment of the chosen project by its key, once the list offers it.
     */
    public DestinationForm chooseEnvironment(String environmentKey) {
        Waits.until(driver,
                webDriver -> new Select(webDriver.findElement(ENVIRONMENT)).getOptions()
                    .stream()
                    .anyMatch(option -> option.getDomAttribute("value").equals(environmentKey)));
        new Select(driver.findElement(ENVIRONMENT)).selectByValue(environmentKey);
        return this;
    }

    public DestinationForm typeName(String name) {
        driver.findElement(NAME).sendKeys(name);
        return this;
    }

    /**
     * Chooses the kind (google-pubsub, segment...); with JavaScript its fields are
     * swapped in, without a reload.
     */
    public DestinationForm chooseKind(String kind) {
        Waits.forSwap(driver, KIND_FIELDS, () -> new Select(driver.findElement(KIND)).selectByValue(kind));
        return this;
    }

    /**
     * Without JavaScript: "Show fields" sends the form and brings it back with the chosen
     * kind's fields.
     */
    public DestinationForm showFields() {
        Browser.submitAndWait(driver, driver.findElement(SHOW_FIELDS));
        return new DestinationForm(driver);
    }

    /**
     * Fills in a field of the kind: replaces what a text field holds, or chooses an
     * option by its value.
     */
    public DestinationForm fill(String configKey, String value) {
        WebElement field = driver.findElement(config(configKey));
        if (field.getTagName().equals("select")) {
            new Select(field).selectByValue(value);
        }
        else {
            field.clear();
            field.sendKeys(value);
        }
        return this;
    }

    /** Whether the page has this field of a kind at all (not merely hidden). */
    public boolean hasConfigField(String configKey) {
        return !driver.findElements(config(configKey)).isEmpty();
    }

    public boolean isConfigFieldDisplayed(String configKey) {
        return driver.findElement(config(configKey)).isDisplayed();
    }

    public String configValue(String configKey) {
        return driver.findElement(config(configKey)).getDomProperty("value");
    }

    public String name() {
        return driver.findElement(NAME).getDomProperty("value");
    }

    /** Whether the no-JavaScript fallback button shows; scripts hide it. */
    public boolean isNoScriptButtonDisplayed() {
        return driver.findElement(NO_SCRIPT_BUTTON).isDisplayed();
    }

    /** Creates a destination of a kind that needs no set-up script. */
    public DestinationCreatedPage submit() {
        Browser.submitAndWait(driver, driver.findElement(SUBMIT));
        new ReviewPage(driver).create();
        return new DestinationCreatedPage(driver);
    }

    /**
     * For a warehouse (Snowflake, Redshift) the button prepares the set-up script instead
     * of creating.
     */
    public DestinationSetupPage submitForSetup() {
        Browser.submitAndWait(driver, driver.findElement(SUBMIT));
        new ReviewPage(driver).create();
        return new DestinationSetupPage(driver);
    }

    /** Submits a valid form: the review page of what will be sent. */
    public ReviewPage review() {
        Browser.submitAndWait(driver, driver.findElement(SUBMIT));
        return new ReviewPage(driver);
    }

    /** Submits a form that is expected to come back with errors at its fields. */
    public DestinationForm submitExpectingErrors() {
        Browser.submitAndWait(driver, driver.findElement(SUBMIT));
        if (ReviewPage.isShown(driver)) {
            // The form was valid: the errors are LaunchDarkly's, after "Create" on the
            // review page.
            new ReviewPage(driver).create();
        }
        return new DestinationForm(driver);
    }

    /**
     * The error shown beside one of the destination's own fields (projectKey,
     * environmentKey, name, kind).
     */
    public String errorAt(String field) {
        return Waits.until(driver, ExpectedConditions.presenceOfElementLocated(By.id(field + "-error"))).getText();
    }

    /** One of the destination's own fields' aria-invalid, as a screen reader gets it. */
    public String ariaInvalid(String field) {
        return driver.findElement(By.id(field)).getDomAttribute("aria-invalid");
    }

    private static By config(String configKey) {
        return By.id("config-" + configKey);
    }
}
