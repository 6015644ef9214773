package org.ldportal.browser.pages;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** "Delete …?": what is lost, and the name or key to type before the button deletes. */
public record DeleteConfirmationPage(WebDriver driver) implements Page {

    private static final By CONFIRMATION = By.id("confirmation");

    private static final By CONFIRM = By.cssSelector("[data-testid=confirm-delete]");

    private static final By LOSSES = By.cssSelector("[data-testid=loss]");

    private static final By ERROR = By.id("confirmation-error");

    public DeleteConfirmationPage {
        Waits.until(driver, ExpectedConditions.presenceOfElementLocated(CONFIRMATION));
    }

    public List<String> losses() {
        return driver.findElements(LOSSES).stream().map(WebElement::getText).toList();
    }

    public DeleteConfirmationPage type(String text) {
        WebElement field = driver.findElement(CONFIRMATION);
        field.clear();
        field.sendKeys(text);
        return this;
    }

    /**
     * Confirms with what was typed wrong: the same page, with the message at the field.
     */
    public DeleteConfirmationPage confirmExpectingError() {
        // Waits until the page is left, whichever way Chrome says so (stale, or "not in
        // the document").
        org.ldportal.testsupport.Browser.submitAndWait(driver, driver.findElement(CONFIRM));
        return new DeleteConfirmationPage(driver);
    }

    /** Confirms: the list the deleted thing was in, with a notice. */
    public void confirm() {
        // Waits until the page is left, whichever way Chrome says so (stale, or "not in
        // the document").
        org.ldportal.testsupport.Browser.submitAndWait(driver, driver.findElement(CONFIRM));
    }

    public String error() {
        return driver.findElements(ERROR).stream().map(WebElement::getText).findFirst().orElse("");
    }

    public String typed() {
        return driver.findElement(CONFIRMATION).getDomProperty("value");
    }

    public String ariaInvalid() {
        return driver.findElement(CONFIRMATION).getDomAttribute("aria-invalid");
    }
}
