package org.ldportal.browser;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ldportal.browser.pages.HomePage;
import org.ldportal.browser.pages.IdentityProviderSignInPage;
import org.ldportal.browser.pages.SignedOutPage;
import org.ldportal.testsupport.Browser;
import org.ldportal.testsupport.PortalIntegrationTest;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signing in through the local identity provider's real login page, in headless Chromium.
 */
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
        HomePage home = IdentityProviderSignInPage.openPortal(browser, portal())
            .signInAs("grace", Browser.claims("Grace Hopper", "ld-portal-editors"));

        assertThat(home.header().userName()).isEqualTo("Grace Hopper");
        assertThat(home.header().role()).isEqualTo("Editor");
        assertThat(home.heading()).isEqualTo("Welcome, Grace Hopper");
    }

    @Test
    void signOutThenSignedOutPageAndPortalAsksForSignInAgain() {
        HomePage home = IdentityProviderSignInPage.openPortal(browser, portal())
            .signInAs("alan", Browser.claims("Alan Turing", "ld-portal-viewers"));

        SignedOutPage signedOut = home.header().signOut();
        assertThat(signedOut.heading()).isEqualTo("You have signed out");

        // The portal's session is gone: it sends the browser to the provider to sign in
        // again.
        IdentityProviderSignInPage signInAgain = IdentityProviderSignInPage.openPortal(browser, portal());
        assertThat(signInAgain.url()).contains("/sso/authorize");
    }

    private String portal() {
        return "http://localhost:" + port;
    }

}
