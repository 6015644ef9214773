package org.ldportal.browser.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The page shown once LaunchDarkly has created the integration configuration or
 * subscription.
 */
public record IntegrationCreatedPage(WebDriver driver) implements Page {

    private static final By NAME = By.cssSelector("[data-testid=created-name]");

    public IntegrationCreatedPage {
        Waits.until(driver, ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=created-id]")));
    }

    public String name() {
        return driver.findElement(NAME).getText();
    }
}
