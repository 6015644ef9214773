package org.ldportal.browser.pages;

import org.ldportal.testsupport.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** A template's short form: its questions and the fields it leaves to the person. */
public record TemplateUsePage(WebDriver driver) implements Page {

    private static final By REVIEW = By.cssSelector("[data-testid=review-plan]");

    public TemplateUsePage {
        Waits.until(driver, ExpectedConditions.presenceOfElementLocated(REVIEW));
    }

    /** From the list under "Golden paths", by the template's name. */
    public static TemplateUsePage open(WebDriver driver, String portalUrl, String name) {
        driver.get(portalUrl + "/templates");
        driver.findElement(By.linkText(name)).click();
        return new TemplateUsePage(driver);
    }

    /**
     * Types into a field (a question's key, or an open field's
     * {@code s2.config.writeKey}).
     */
    public TemplateUsePage type(String key, String value) {
        WebElement field = driver.findElement(By.name("value[" + key + "]"));
        field.clear();
        field.sendKeys(value);
        return this;
    }

    public TemplateUsePage choose(String key, String visibleText) {
        new Select(driver.findElement(By.name("value[" + key + "]"))).selectByVisibleText(visibleText);
        return this;
    }

    /** Ticks one of a question's several answers, by its label. */
    public TemplateUsePage tick(String key, String label) {
        driver
            .findElement(By.xpath("//input[@name='value[" + key + "]']/following-sibling::span[normalize-space()='"
                    + label + "']/preceding-sibling::input"))
            .click();
        return this;
    }

    /** "Review the plan": the one review of every step. */
    public ReviewPage review() {
        Browser.submitAndWait(driver, driver.findElement(REVIEW));
        return new ReviewPage(driver);
    }

}
