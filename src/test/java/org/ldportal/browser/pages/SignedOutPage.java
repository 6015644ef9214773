package org.ldportal.browser.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The page the portal shows after signing out (and after the identity provider has ended
 * its session too).
 */
public record SignedOutPage(WebDriver driver) implements Page {

    private static final String HEADING_TEXT = "You have signed out";

    private static final By HEADING = By.tagName("h1");

    public SignedOutPage {
        // Signing out passes through the identity provider: this page is known by its
        // heading once it is there.
        Waits.until(driver, ExpectedConditions.textToBe(HEADING, HEADING_TEXT));
    }

    public String heading() {
        return driver.findElement(HEADING).getText();
    }
}
