package org.ldportal.browser.pages;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ldportal.testsupport.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The review page a valid form leads to: what will be sent, before anything is. */
public record ReviewPage(WebDriver driver) implements Page {

    private static final By CREATE = By.cssSelector("[data-testid=review-create]");

    private static final By CHANGE = By.cssSelector("[data-testid=review-change]");

    private static final By FIELDS = By.cssSelector("[data-testid=review-fields]");

    private static final By TARGET = By.cssSelector("[data-testid=review-target]");

    private static final By BODY = By.cssSelector("[data-testid=review-body]");

    private static final By CALL = By.cssSelector("[data-testid=review-call]");

    private static final By WARNINGS = By.cssSelector("[data-testid=review-warnings] li");

    private static final By BLOCKED = By.cssSelector("[data-testid=review-blocked]");

    public ReviewPage {
        // "Change something" is on every review page; "Create" only where nothing
        // LaunchDarkly holds would refuse it.
        Waits.until(driver, ExpectedConditions.presenceOfElementLocated(CHANGE));
    }

    /**
     * Whether the browser shows a review page now (a form's submit may instead come back
     * with errors).
     */
    static boolean isShown(WebDriver driver) {
        return !driver.findElements(CHANGE).isEmpty();
    }

    /**
     * Whether it offers "Create" (or "Request approval"): not when the checks with
     * LaunchDarkly found what it would refuse.
     */
    public boolean mayCreate() {
        return !driver.findElements(CREATE).isEmpty() && driver.findElements(BLOCKED).isEmpty();
    }

    /** What the checks with LaunchDarkly found at the review line with this label. */
    public String checkAt(String label) {
        return driver.findElement(By.cssSelector("[data-testid=line-check][data-line='" + label + "']")).getText();
    }

    /**
     * "Create": sends; what follows is the result page, or the form with LaunchDarkly's
     * refusal.
     */
    public void create() {
        Browser.submitAndWait(driver, driver.findElement(CREATE));
    }

    /** "Change something": back to the filled form. */
    public void changeSomething() {
        Browser.submitAndWait(driver, driver.findElement(CHANGE));
    }

    /** The "What" list, label to value, as shown. */
    public Map<String, String> fields() {
        return pairs(FIELDS);
    }

    public Map<String, String> target() {
        return pairs(TARGET);
    }

    public String body() {
        return driver.findElement(BODY).getText();
    }

    /** "POST /api/v2/..." */
    public String call() {
        return driver.findElement(CALL).getText();
    }

    public List<String> warnings() {
        return driver.findElements(WARNINGS).stream().map(WebElement::getText).toList();
    }

    private Map<String, String> pairs(By list) {
        WebElement dl = driver.findElement(list);
        List<WebElement> labels = dl.findElements(By.tagName("dt"));
        List<WebElement> values = dl.findElements(By.tagName("dd"));
        Map<String, String> pairs = new LinkedHashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            pairs.put(labels.get(i).getText(), values.get(i).getText());
        }
        return pairs;
    }
}
