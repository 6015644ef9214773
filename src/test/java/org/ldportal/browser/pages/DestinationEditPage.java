package org.ldportal.browser.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Editing a destination: its name and its kind's fields, filled with what it is now (secrets empty). */
public record DestinationEditPage(WebDriver driver) implements Page {

    private static final By NAME = By.id("name");
    private static final By SUBMIT = By.cssSelector("[data-testid=submit]");

    public DestinationEditPage {
        Waits.until(driver, ExpectedConditions.presenceOfElementLocated(SUBMIT));
    }

    public static DestinationEditPage open(WebDriver driver, String url) {
        driver.get(url);
        return new DestinationEditPage(driver);
    }

    public String name() {
        return driver.findElement(NAME).getDomProperty("value");
    }

    public String config(String key) {
        return driver.findElement(By.id("config-" + key)).getDomProperty("value");
    }

    public DestinationEditPage rename(String name) {
        WebElement field = driver.findElement(NAME);
        field.clear();
        field.sendKeys(name);
        return this;
    }

    public DestinationEditPage fill(String key, String value) {
        WebElement field = driver.findElement(By.id("config-" + key));
        field.clear();
        field.sendKeys(value);
        return this;
    }

    public ResourcePage save() {
        driver.findElement(SUBMIT).click();
        return new ResourcePage(driver);
    }
}
