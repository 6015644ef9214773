package org.ldportal.browser.pages;

import java.time.LocalDate;
import java.util.List;

import org.ldportal.testsupport.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The page of one thing that exists (a destination, an environment, a configuration or
 * subscription): its name and state, its settings, what the person may do with it, and
 * its history in the audit trail.
 */
public record ResourcePage(WebDriver driver) implements Page {

    private static final By NAME = By.cssSelector("[data-testid=detail-name]");

    private static final By STATE = By.cssSelector("[data-testid=detail-state]");

    private static final By TURN = By.cssSelector("[data-testid=turn]");

    private static final By EDIT = By.cssSelector("[data-testid=edit]");

    private static final By DELETE = By.cssSelector("[data-testid=delete]");

    private static final By NOTICE = By.cssSelector("[data-testid=notice]");

    private static final By PROBLEM = By.cssSelector("[data-testid=change-problem]");

    private static final By RELOAD = By.cssSelector("[data-testid=reload]");

    private static final By HISTORY = By.cssSelector("[data-testid=history-action]");

    private static final By CONFIG = By.cssSelector("[data-testid=config-value]");

    public ResourcePage {
        Waits.until(driver, ExpectedConditions.presenceOfElementLocated(NAME));
    }

    public static ResourcePage open(WebDriver driver, String url) {
        driver.get(url);
        return new ResourcePage(driver);
    }

    public String name() {
        return driver.findElement(NAME).getText();
    }

    /** "On" or "Off"; empty for an environment, which has no switch. */
    public String state() {
        return driver.findElements(STATE).stream().map(WebElement::getText).findFirst().orElse("");
    }

    public boolean offers(String what) {
        By button = switch (what) {
            case "turn" -> TURN;
            case "edit" -> EDIT;
            default -> DELETE;
        };
        return !driver.findElements(button).isEmpty();
    }

    public String turnLabel() {
        return driver.findElement(TURN).getText();
    }

    /** Presses "Turn off" (or "Turn on"): the page again, with a notice or a problem. */
    public ResourcePage turn() {
        // Waits until the page is left, whichever way Chrome says so (stale, or "not in
        // the document").
        org.ldportal.testsupport.Browser.submitAndWait(driver, driver.findElement(TURN));
        return new ResourcePage(driver);
    }

    public EnvironmentEditPage edit() {
        driver.findElement(EDIT).click();
        return new EnvironmentEditPage(driver);
    }

    public DeleteConfirmationPage delete() {
        driver.findElement(DELETE).click();
        return new DeleteConfirmationPage(driver);
    }

    /** A detail row's value, by the setting it shows. */
    public String detail(String property) {
        return driver.findElement(By.cssSelector("[data-testid=detail-" + property + "]")).getText();
    }

    /**
     * The day a time-limited environment is deleted on, as shown; empty for one that
     * stays.
     */
    public String deleteOn() {
        return driver.findElements(By.cssSelector("[data-testid=delete-on]"))
            .stream()
            .map(WebElement::getText)
            .findFirst()
            .orElse("");
    }

    /** Moves a time-limited environment's day with "Extend". */
    public ResourcePage extendTo(LocalDate day) {
        Browser.setDate(driver, driver.findElement(By.id("deleteOn")), day);
        Browser.submitAndWait(driver, driver.findElement(By.cssSelector("[data-testid=extend]")));
        return new ResourcePage(driver);
    }

    public String notice() {
        return driver.findElements(NOTICE).stream().map(WebElement::getText).findFirst().orElse("");
    }

    public String problem() {
        return driver.findElements(PROBLEM).stream().map(WebElement::getText).findFirst().orElse("");
    }

    public ResourcePage reload() {
        org.ldportal.testsupport.Browser.submitAndWait(driver, driver.findElement(RELOAD));
        return new ResourcePage(driver);
    }

    public List<String> history() {
        return driver.findElements(HISTORY).stream().map(WebElement::getText).toList();
    }

    public List<String> configValues() {
        return driver.findElements(CONFIG).stream().map(WebElement::getText).toList();
    }
}
