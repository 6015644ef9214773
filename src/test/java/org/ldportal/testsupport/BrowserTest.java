package org.ldportal.testsupport;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of the browser tests: one headless Chromium per test class (starting one takes
 * seconds), the running portal's address, and signing in once through the identity
 * provider's login page.
 */
public abstract class BrowserTest extends PortalIntegrationTest {

    protected static ChromeDriver browser;

    private static String signedInAs;

    @LocalServerPort
    private int port;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start();
        signedInAs = null;
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
    }

    /** Signs in unless this class's browser already is, as this user. */
    protected void signInOnce(String userName, String name, String group) {
        if (!userName.equals(signedInAs)) {
            Browser.signIn(browser, portal(), userName, Browser.claims(name, group));
            signedInAs = userName;
        }
    }

    protected String portal() {
        return "http://localhost:" + port;
    }

}
