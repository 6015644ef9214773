package org.ldportal.browser.pages;

import java.util.List;

import org.ldportal.testsupport.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** An admin's template page: its key (when new), its text, what keeps it from saving. */
public record TemplateEditPage(WebDriver driver) implements Page {

    private static final By DOCUMENT = By.id("document");

    private static final By KEY = By.id("key");

    private static final By PROBLEMS = By.cssSelector("[data-testid=problems] li");

    private static final By SAVE = By.cssSelector(".actions button:not([name])");

    private static final By CHECK = By.cssSelector("button[name=check]");

    private static final By SAVED = By.cssSelector("[data-testid=saved]");

    private static final By VERSIONS = By.cssSelector("[data-testid=versions] li");

    private static final By RETIRE = By.xpath("//button[normalize-space()='Retire this template']");

    public TemplateEditPage {
        Waits.until(driver, ExpectedConditions.presenceOfElementLocated(DOCUMENT));
    }

    public TemplateEditPage key(String key) {
        WebElement field = driver.findElement(KEY);
        field.clear();
        field.sendKeys(key);
        return this;
    }

    public TemplateEditPage text(String text) {
        WebElement field = driver.findElement(DOCUMENT);
        field.clear();
        field.sendKeys(text);
        return this;
    }

    public String text() {
        return driver.findElement(DOCUMENT).getDomProperty("value");
    }

    public TemplateEditPage save() {
        Browser.submitAndWait(driver, driver.findElement(SAVE));
        return new TemplateEditPage(driver);
    }

    public TemplateEditPage check() {
        Browser.submitAndWait(driver, driver.findElement(CHECK));
        return new TemplateEditPage(driver);
    }

    public List<String> problems() {
        return driver.findElements(PROBLEMS).stream().map(WebElement::getText).toList();
    }

    public String saved() {
        return driver.findElement(SAVED).getText();
    }

    public List<String> versions() {
        return driver.findElements(VERSIONS).stream().map(WebElement::getText).toList();
    }

    /** Retires it: the list of templates, with a notice. */
    public void retire() {
        Browser.submitAndWait(driver, driver.findElement(RETIRE));
    }

}
