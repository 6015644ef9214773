package org.ldportal.browser;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ldportal.browser.pages.ResourcePage;
import org.ldportal.sandbox.LaunchDarklySandbox;
import org.ldportal.testsupport.Axe;
import org.ldportal.testsupport.BrowserTest;
import org.openqa.selenium.By;

import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A viewer finds what exists and reads it, and is offered no change; a change sent anyway
 * is refused.
 */
class ManageAsViewerBrowserTests extends BrowserTest {

    @BeforeEach
    void signIn() {
        signInOnce("vera", "Vera Viewer", "ld-portal-viewers");
    }

    @Test
    void viewerWhenOnTheListsAndPagesThenNoButtonsAndAChangeByAddressRefused() {
        ObjectNode destination = LaunchDarklySandbox.shared()
            .seedDestination("web-store", "test", "Store events", "segment", Map.of("writeKey", "wk-viewer-secret"));
        browser.get(portal() + "/destinations");
        assertThat(browser.findElements(By.cssSelector("[data-testid=destination-row]"))).hasSize(1);
        ResourcePage page = ResourcePage.open(browser,
                portal() + "/destinations/web-store/test/" + destination.get("_id").asString());
        assertThat(page.offers("turn")).isFalse();
        assertThat(page.offers("delete")).isFalse();
        ResourcePage environment = ResourcePage.open(browser, portal() + "/environments/web-store/test");
        assertThat(environment.offers("edit")).isFalse();

        browser.get(portal() + "/destinations/web-store/test/no-such-id");
        assertThat(browser.findElement(By.cssSelector("[data-testid=gone]")).getText()).contains("not in LaunchDarkly");
        assertThat(browser.findElement(By.cssSelector("[data-testid=user-name]")).getText()).isEqualTo("Vera Viewer");
        Axe.assertNoSeriousViolations(browser, "not found");

        browser.get(portal() + "/environments/web-store/test/edit");
        assertThat(browser.getPageSource()).contains("with your role").doesNotContain("Save changes");
        assertThat(LaunchDarklySandbox.shared().requests()).noneMatch(request -> request.method().equals("PATCH"));
    }

}
