package org.ldportal.browser.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The page shown once LaunchDarkly has created the environment. */
public record EnvironmentCreatedPage(WebDriver driver) implements Page {

    private static final By KEY = By.cssSelector("[data-testid=created-key]");

    private static final By CLIENT_SIDE_ID = By.cssSelector("[data-testid=client-side-id]");

    public EnvironmentCreatedPage {
        Waits.until(driver, ExpectedConditions.presenceOfElementLocated(KEY));
    }

    public String key() {
        return driver.findElement(KEY).getText();
    }

    public String clientSideId() {
        return driver.findElement(CLIENT_SIDE_ID).getText();
    }
}
