package org.ldportal.browser.pages;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Editing a destination or an integration's configuration: its name and its generated
 * fields, filled with what it is now (secrets empty).
 */
public record GeneratedFormEditPage(WebDriver driver) implements Page {

    private static final By NAME = By.id("name");

    private static final By SUBMIT = By.cssSelector("[data-testid=submit]");

    public GeneratedFormEditPage {
        Waits.until(driver, ExpectedConditions.presenceOfElementLocated(SUBMIT));
    }

    public static GeneratedFormEditPage open(WebDriver driver, String url) {
        driver.get(url);
        return new GeneratedFormEditPage(driver);
    }

    public String name() {
        return driver.findElement(NAME).getDomProperty("value");
    }

    public String config(String key) {
        return driver.findElement(By.id("config-" + key)).getDomProperty("value");
    }

    /** The options of a multiselect field that are ticked, by their values. */
    public List<String> ticked(String key) {
        return driver.findElements(By.cssSelector("input[type=checkbox][name='config[" + key + "]']"))
            .stream()
            .filter(WebElement::isSelected)
            .map(box -> box.getDomProperty("value"))
            .toList();
    }

    public GeneratedFormEditPage rename(String name) {
        WebElement field = driver.findElement(NAME);
        field.clear();
        field.sendKeys(name);
        return this;
    }

    public GeneratedFormEditPage fill(String key, String value) {
        WebElement field = driver.findElement(By.id("config-" + key));
        field.clear();
        field.sendKeys(value);
        return this;
    }

    public ResourcePage save() {
        org.ldportal.testsupport.Browser.submitAndWait(driver, driver.findElement(SUBMIT));
        return new ResourcePage(driver);
    }
}
