package org.ldportal.browser.pages;

import org.ldportal.testsupport.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The list of integrations: configurations first, then audit-log subscriptions. */
public record IntegrationCatalogPage(WebDriver driver) implements Page {

    private static final By SEARCH = By.id("q");

    public IntegrationCatalogPage {
        Waits.until(driver, ExpectedConditions.presenceOfElementLocated(SEARCH));
    }

    public static IntegrationCatalogPage open(WebDriver driver, String portalUrl) {
        driver.get(portalUrl + "/integrations");
        return new IntegrationCatalogPage(driver);
    }

    /**
     * Follows the first link to a new configuration or subscription of that integration
     * ("Set up").
     */
    public IntegrationForm setUp(String integrationKey) {
        Browser.submitAndWait(driver,
                driver.findElement(By.cssSelector("a[href*='/integrations/" + integrationKey + "/new']")));
        return new IntegrationForm(driver);
    }
}
