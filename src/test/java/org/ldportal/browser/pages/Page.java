package org.ldportal.browser.pages;

import org.openqa.selenium.WebDriver;

/**
 * A page as the browser shows it now. Each page object is a record of the browser it
 * reads; its locators stay inside it, so a change of markup is mended in one place and
 * the tests read as what a person does.
 */
public interface Page {

    WebDriver driver();

    /**
     * The address in the browser's bar: choices that travel in the URL (filters) show
     * here.
     */
    default String url() {
        return driver().getCurrentUrl();
    }

    /**
     * The whole HTML, for checks that something (a secret) appears nowhere on the page.
     */
    default String pageSource() {
        return driver().getPageSource();
    }

}
