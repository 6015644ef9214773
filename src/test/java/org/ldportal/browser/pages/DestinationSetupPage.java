package org.ldportal.browser.pages;

import org.ldportal.testsupport.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A warehouse's set-up page: the script to run (for Redshift also IAM policies) before
 * the destination is created.
 */
public record DestinationSetupPage(WebDriver driver) implements Page {

    private static final By SCRIPT = By.cssSelector("[data-testid=setup-script]");

    private static final By TRUST_POLICY = By.cssSelector("[data-testid=trust-policy]");

    private static final By COMPLETE = By.cssSelector("[data-testid=complete]");

    public DestinationSetupPage {
        Waits.until(driver, ExpectedConditions.presenceOfElementLocated(SCRIPT));
    }

    public String script() {
        return driver.findElement(SCRIPT).getText();
    }

    /** Redshift only: the IAM trust policy of the role LaunchDarkly assumes. */
    public String trustPolicy() {
        return driver.findElement(TRUST_POLICY).getText();
    }

    /** "I ran the script: create the destination". */
    public DestinationCreatedPage complete() {
        Browser.submitAndWait(driver, driver.findElement(COMPLETE));
        return new DestinationCreatedPage(driver);
    }
}
