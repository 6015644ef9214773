package org.ldportal.browser.pages;

import org.ldportal.testsupport.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The local identity provider's login page (mock-oauth2-server), where any user name and
 * claims can be typed.
 */
public record IdentityProviderSignInPage(WebDriver driver) implements Page {

    private static final By USER_NAME = By.name("username");

    private static final By CLAIMS = By.name("claims");

    private static final By SIGN_IN = By.cssSelector("form button[type=submit], form input[type=submit]");

    public IdentityProviderSignInPage {
        Waits.until(driver, ExpectedConditions.presenceOfElementLocated(USER_NAME));
    }

    /**
     * Opens the portal without a session: the portal sends the browser here to sign in.
     */
    public static IdentityProviderSignInPage openPortal(WebDriver driver, String portalUrl) {
        driver.get(portalUrl + "/");
        return new IdentityProviderSignInPage(driver);
    }

    /**
     * Replaces the page's pre-filled user and claims, signs in, and lands on the portal's
     * home page.
     */
    public HomePage signInAs(String userName, String claimsJson) {
        replace(USER_NAME, userName);
        replace(CLAIMS, claimsJson);
        Browser.submitAndWait(driver, driver.findElement(SIGN_IN));
        return new HomePage(driver);
    }

    private void replace(By locator, String text) {
        WebElement field = driver.findElement(locator);
        field.clear();
        field.sendKeys(text);
    }
}
