package org.ldportal.browser.pages;

import java.util.List;

import org.ldportal.testsupport.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * One audit entry: what was attempted, its outcome, the steps of its attempt, and "Check
 * now" where it is unclear.
 */
public record AuditEntryPage(WebDriver driver) implements Page {

    private static final By HEADING = By.cssSelector("#content h1");

    private static final By CHECK_NOW = By.cssSelector("form.check-now button");

    private static final By CHECKED = By.cssSelector("[role=status]");

    private static final By STEP_OUTCOMES = By.cssSelector("[data-testid=step-outcome]");

    public AuditEntryPage {
        Waits.until(driver, ExpectedConditions.presenceOfElementLocated(HEADING));
    }

    public String heading() {
        return driver.findElement(HEADING).getText();
    }

    public boolean offersCheckNow() {
        return !driver.findElements(CHECK_NOW).isEmpty();
    }

    /** Presses "Check now": the page again, with what the check found. */
    public AuditEntryPage checkNow() {
        Browser.submitAndWait(driver, driver.findElement(CHECK_NOW));
        return new AuditEntryPage(driver);
    }

    /** What the last "Check now" found, as the page says it. */
    public String checked() {
        return driver.findElement(CHECKED).getText();
    }

    /**
     * The outcome of each step of the attempt, oldest first ("Started", "Unknown",
     * "Succeeded").
     */
    public List<String> stepOutcomes() {
        return driver.findElements(STEP_OUTCOMES).stream().map(WebElement::getText).toList();
    }
}
