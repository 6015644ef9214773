package org.ldportal.browser.pages;

import java.util.List;

import org.ldportal.testsupport.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** A plan's page: where it stands, each step's outcome, Resume and Undo. */
public record PlanPage(WebDriver driver) implements Page {

    private static final By STATUS = By.cssSelector("[data-testid=plan-status]");

    private static final By STEPS = By.cssSelector("[data-testid=plan-step]");

    private static final By RESUME = By.cssSelector("[data-testid=resume]");

    private static final By UNDO = By.cssSelector("[data-testid=undo]");

    public PlanPage {
        Waits.until(driver, ExpectedConditions.presenceOfElementLocated(STATUS));
    }

    public String status() {
        return driver.findElement(STATUS).getText();
    }

    /** Each step's status, in order, as its badge says it ("Done", "Refused"). */
    public List<String> stepStatuses() {
        return driver.findElements(STEPS)
            .stream()
            .map(step -> step.findElement(By.cssSelector("[data-testid=step-status]")).getText())
            .toList();
    }

    /** Each step's message ("" when it has none). */
    public List<String> stepMessages() {
        return driver.findElements(STEPS)
            .stream()
            .map(step -> step.findElements(By.cssSelector("[data-testid=step-message]"))
                .stream()
                .map(WebElement::getText)
                .findFirst()
                .orElse(""))
            .toList();
    }

    /**
     * Waits, without reloading, until the page says it stands so: a running plan's page
     * follows it by itself.
     */
    public PlanPage awaitStatus(String start) {
        Waits.until(driver, page -> {
            try {
                return page.findElement(STATUS).getText().startsWith(start);
            }
            catch (StaleElementReferenceException replaced) {
                return false;
            }
        });
        return new PlanPage(driver);
    }

    /**
     * Waits, without reloading, until the plan is no longer running: a person's run goes
     * on in the background while its page follows it.
     */
    public PlanPage awaitEnd() {
        Waits.until(driver, page -> {
            try {
                return !page.findElement(STATUS).getText().startsWith("Running");
            }
            catch (StaleElementReferenceException replaced) {
                return false;
            }
        });
        return new PlanPage(driver);
    }

    public PlanPage resume() {
        Browser.submitAndWait(driver, driver.findElement(RESUME));
        return new PlanPage(driver).awaitEnd();
    }

    public PlanPage undo() {
        Browser.submitAndWait(driver, driver.findElement(UNDO));
        return new PlanPage(driver);
    }

}
