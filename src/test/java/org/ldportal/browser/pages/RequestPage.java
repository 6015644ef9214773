package org.ldportal.browser.pages;

import org.ldportal.testsupport.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * One request for approval: its status, its outcome, and, for an approver, the decision
 * form.
 */
public record RequestPage(WebDriver driver) implements Page {

    private static final By STATUS = By.cssSelector("[data-testid=request-status]");

    private static final By OUTCOME = By.cssSelector("[data-testid=request-outcome]");

    private static final By MESSAGE = By.cssSelector("[data-testid=decision-message], [data-testid=requested-message]");

    private static final By APPROVE = By.cssSelector("[data-testid=approve]");

    private static final By DECLINE = By.cssSelector("[data-testid=decline]");

    private static final By COMMENT = By.id("comment");

    private static final By BADGE = By.cssSelector("[data-testid=requests-badge]");

    public RequestPage {
        Waits.until(driver, ExpectedConditions.presenceOfElementLocated(STATUS));
    }

    public static RequestPage open(WebDriver driver, String portalUrl, long id) {
        driver.get(portalUrl + "/requests/" + id);
        return new RequestPage(driver);
    }

    /** The request's number, from the address. */
    public long id() {
        String url = driver.getCurrentUrl();
        return Long.parseLong(url.substring(url.lastIndexOf('/') + 1).replaceAll("[^0-9].*$", ""));
    }

    public String status() {
        return driver.findElement(STATUS).getText();
    }

    public String outcome() {
        return driver.findElement(OUTCOME).getText();
    }

    public String message() {
        return driver.findElement(MESSAGE).getText();
    }

    public boolean canDecide() {
        return !driver.findElements(APPROVE).isEmpty();
    }

    /**
     * The header's count of the person's requests waiting or newly settled; 0 without a
     * badge.
     */
    public int badge() {
        return driver.findElements(BADGE).isEmpty() ? 0 : Integer.parseInt(driver.findElement(BADGE).getText());
    }

    public RequestPage approve(String comment) {
        driver.findElement(COMMENT).sendKeys(comment);
        Browser.submitAndWait(driver, driver.findElement(APPROVE));
        return new RequestPage(driver);
    }

    public RequestPage decline(String comment) {
        driver.findElement(COMMENT).sendKeys(comment);
        Browser.submitAndWait(driver, driver.findElement(DECLINE));
        return new RequestPage(driver);
    }
}
