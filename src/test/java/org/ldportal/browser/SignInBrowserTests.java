package org.ldportal.browser;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ldportal.testsupport.Browser;
import org.ldportal.testsupport.PortalIntegrationTest;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Signing in through the local identity provider's real login page, in headless Chromium. */
class SignInBrowserTests extends PortalIntegrationTest {

    @LocalServerPort
    private int port;

    private ChromeDriver browser;

    @BeforeEach
    void startBrowser() {
        browser = Browser.start();
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void signInWhenEditorThenHomePageShowsNameAndRole() {
        Browser.signIn(browser, portal(), "grace", Browser.claims("Grace Hopper", "ld-portal-editors"));

        assertThat(browser.findElement(By.cssSelector("[data-testid=user-name]")).getText()).isEqualTo("Grace Hopper");
        assertThat(browser.findElement(By.cssSelector("[data-testid=user-role]")).getText()).isEqualTo("Editor");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Welcome, Grace Hopper");
    }

    @Test
    void signOutThenSignedOutPageAndPortalAsksForSignInAgain() {
        Browser.signIn(browser, portal(), "alan", Browser.claims("Alan Turing", "ld-portal-viewers"));

        browser.findElement(By.cssSelector(".site-user__logout button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(ExpectedConditions.textToBe(By.tagName("h1"), "You have signed out"));

        browser.get(portal() + "/");
        // The portal's session is gone: it sends the browser to the provider to sign in again.
        new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(ExpectedConditions.presenceOfElementLocated(By.name("username")));
        assertThat(browser.getCurrentUrl()).contains("/sso/authorize");
    }

    private String portal() {
        return "http://localhost:" + port;
    }
}
