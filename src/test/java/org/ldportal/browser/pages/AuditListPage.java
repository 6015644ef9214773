package org.ldportal.browser.pages;

import java.util.List;

import org.ldportal.testsupport.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The audit trail: its filters (carried in the URL, so a filtered view can be shared) and
 * its rows.
 */
public record AuditListPage(WebDriver driver) implements Page {

    private static final By OUTCOME = By.id("outcome");

    private static final By SEARCH = By.id("q");

    private static final By FILTER = By.cssSelector("form.filters button[type=submit]");

    private static final By ROW = By.cssSelector("[data-testid=audit-row]");

    private static final By ROW_OUTCOME = By.cssSelector("[data-testid=outcome]");

    private static final By LOCAL_TIME = By.cssSelector("time[data-local]");

    public AuditListPage {
        Waits.until(driver, ExpectedConditions.presenceOfElementLocated(FILTER));
    }

    public static AuditListPage open(WebDriver driver, String portalUrl) {
        return openAt(driver, portalUrl + "/audit");
    }

    /** Opens the trail at an address someone shared, filters included. */
    public static AuditListPage openAt(WebDriver driver, String url) {
        driver.get(url);
        return new AuditListPage(driver);
    }

    /** Chooses an outcome as the list names it ("Rejected", or "Any"). */
    public AuditListPage chooseOutcome(String outcome) {
        new Select(driver.findElement(OUTCOME)).selectByVisibleText(outcome);
        return this;
    }

    public AuditListPage typeSearch(String text) {
        driver.findElement(SEARCH).sendKeys(text);
        return this;
    }

    /** Applies the filters: a round trip that puts them in the URL. */
    public AuditListPage filter() {
        Browser.submitAndWait(driver, driver.findElement(FILTER));
        return new AuditListPage(driver);
    }

    /** Each row's text, newest first. */
    public List<String> rows() {
        return driver.findElements(ROW).stream().map(WebElement::getText).toList();
    }

    /** The outcome badge of the first row ("Rejected"). */
    public String firstOutcome() {
        return driver.findElement(ROW_OUTCOME).getText();
    }

    /**
     * The tooltip of the first time shown: the page's script shows local time and keeps
     * UTC here.
     */
    public String firstTimeTooltip() {
        return driver.findElement(LOCAL_TIME).getDomAttribute("title");
    }
}
