package org.ldportal.browser.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Editing an environment: the create form's fields, filled with what it is now. */
public record EnvironmentEditPage(WebDriver driver) implements Page {

    private static final By NAME = By.id("name");

    private static final By COLOR = By.id("color");

    private static final By TAGS = By.id("tags");

    private static final By SUBMIT = By.cssSelector("[data-testid=submit]");

    private static final By SUMMARY = By.cssSelector("[data-testid=error-summary]");

    public EnvironmentEditPage {
        Waits.until(driver, ExpectedConditions.presenceOfElementLocated(SUBMIT));
    }

    public String name() {
        return driver.findElement(NAME).getDomProperty("value");
    }

    public EnvironmentEditPage rename(String name) {
        WebElement field = driver.findElement(NAME);
        field.clear();
        field.sendKeys(name);
        return this;
    }

    public EnvironmentEditPage colour(String hex) {
        WebElement field = driver.findElement(COLOR);
        field.clear();
        field.sendKeys(hex);
        return this;
    }

    /** Types into a field by its id, replacing what it held. */
    public EnvironmentEditPage type(String id, String text) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
        return this;
    }

    /** Ticks or unticks a box by its id, by clicking its label as a person does. */
    public EnvironmentEditPage tick(String id, boolean ticked) {
        if (driver.findElement(By.id(id)).isSelected() != ticked) {
            driver.findElement(By.cssSelector("label[for=" + id + "]")).click();
        }
        return this;
    }

    public boolean ticked(String id) {
        return driver.findElement(By.id(id)).isSelected();
    }

    public EnvironmentEditPage tags(String tags) {
        WebElement field = driver.findElement(TAGS);
        field.clear();
        field.sendKeys(tags);
        return this;
    }

    /** Saves: the environment's page with a notice. */
    public ResourcePage save() {
        org.ldportal.testsupport.Browser.submitAndWait(driver, driver.findElement(SUBMIT));
        return new ResourcePage(driver);
    }

    /** Saves expecting a refusal: the form again, with its messages. */
    public EnvironmentEditPage saveExpectingErrors() {
        // Waits until the page is left, whichever way Chrome says so (stale, or "not in
        // the document").
        org.ldportal.testsupport.Browser.submitAndWait(driver, driver.findElement(SUBMIT));
        return new EnvironmentEditPage(driver);
    }

    public String summary() {
        return driver.findElements(SUMMARY).stream().map(WebElement::getText).findFirst().orElse("");
    }

    public String errorAt(String field) {
        return driver.findElements(By.id(field + "-error")).stream().map(WebElement::getText).findFirst().orElse("");
    }
}
