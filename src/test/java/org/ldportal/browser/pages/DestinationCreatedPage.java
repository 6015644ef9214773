package org.ldportal.browser.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The page shown once LaunchDarkly has created the Data Export destination. */
public record DestinationCreatedPage(WebDriver driver) implements Page {

    private static final By ID = By.cssSelector("[data-testid=created-id]");

    private static final By NAME = By.cssSelector("[data-testid=created-name]");

    private static final By KIND = By.cssSelector("[data-testid=created-kind]");

    public DestinationCreatedPage {
        Waits.until(driver, ExpectedConditions.presenceOfElementLocated(ID));
    }

    public String name() {
        return driver.findElement(NAME).getText();
    }

    /** The kind's title as the page shows it ("Google Cloud Pub/Sub"). */
    public String kind() {
        return driver.findElement(KIND).getText();
    }
}
