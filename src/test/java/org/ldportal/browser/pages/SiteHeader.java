package org.ldportal.browser.pages;

import org.ldportal.testsupport.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The header of every portal page once signed in: who is signed in, with which role, and
 * signing out.
 */
public record SiteHeader(WebDriver driver) implements Page {

    private static final By USER_NAME = By.cssSelector("[data-testid=user-name]");

    private static final By USER_ROLE = By.cssSelector("[data-testid=user-role]");

    private static final By SIGN_OUT = By.cssSelector(".site-user__logout button");

    public SiteHeader {
        Waits.until(driver, ExpectedConditions.presenceOfElementLocated(USER_NAME));
    }

    public String userName() {
        return driver.findElement(USER_NAME).getText();
    }

    public String role() {
        return driver.findElement(USER_ROLE).getText();
    }

    /** Signs out of the portal and, through it, of the identity provider. */
    public SignedOutPage signOut() {
        Browser.submitAndWait(driver, driver.findElement(SIGN_OUT));
        return new SignedOutPage(driver);
    }
}
