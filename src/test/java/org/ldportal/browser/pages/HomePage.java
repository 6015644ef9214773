package org.ldportal.browser.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** The portal's home page, where signing in lands. */
public record HomePage(WebDriver driver) implements Page {

    private static final By HEADING = By.tagName("h1");

    public HomePage {
        // Only a signed-in page has the header's user name: until then the browser is
        // still on its way here.
        new SiteHeader(driver);
    }

    public SiteHeader header() {
        return new SiteHeader(driver);
    }

    public String heading() {
        return driver.findElement(HEADING).getText();
    }
}
