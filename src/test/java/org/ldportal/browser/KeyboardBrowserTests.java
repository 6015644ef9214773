package org.ldportal.browser;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ldportal.browser.pages.EnvironmentCreatedPage;
import org.ldportal.browser.pages.IntegrationCreatedPage;
import org.ldportal.sandbox.LaunchDarklySandbox;
import org.ldportal.testsupport.BrowserTest;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Flows completed with the keyboard alone: Tab to a field, type, Enter; Enter sends the
 * form, never a preset.
 */
class KeyboardBrowserTests extends BrowserTest {

    @BeforeEach
    void signIn() {
        signInOnce("grace", "Grace Hopper", "ld-portal-editors");
    }

    @Test
    void environmentWhenFilledWithTheKeyboardAndEnterPressedThenCreated() {
        browser.get(portal() + "/environments/new?project=mobile-app");

        tabTo("name").sendKeys("Keyboard QA");
        new Actions(browser).sendKeys(Keys.ENTER).perform();
        createOnTheReviewPage();

        assertThat(new EnvironmentCreatedPage(browser).key()).isEqualTo("keyboard-qa");
    }

    @Test
    void subscriptionWhenEnterPressedInAFieldThenTheFormIsSentNotAPreset() {
        browser.get(portal() + "/integrations/log-stream/new?type=subscription");
        String policy = browser.findElement(org.openqa.selenium.By.name("statements[0].resources"))
            .getDomProperty("value");

        tabTo("config-base-url").sendKeys("https://logs.example.com");
        tabTo("config-token").sendKeys("tok-keyboard-1");
        tabTo("name");
        new Actions(browser).sendKeys(Keys.ENTER).perform();
        createOnTheReviewPage();

        assertThat(new IntegrationCreatedPage(browser).name()).isNotBlank();
        assertThat(LaunchDarklySandbox.shared().subscriptions("log-stream")).singleElement()
            .satisfies(subscription -> assertThat(subscription.get("statements").toString())
                .as("the policy as filled in, not a preset's")
                .contains(policy.strip()));
    }

    /**
     * On the review page, tabs to "Create" and presses Enter, as a keyboard user does.
     */
    private void createOnTheReviewPage() {
        new org.ldportal.browser.pages.ReviewPage(browser);
        tabTo("review-create");
        new Actions(browser).sendKeys(Keys.ENTER).perform();
    }

    /**
     * Presses Tab until the element with this id has the focus (as a person would), and
     * answers it.
     */
    private WebElement tabTo(String id) {
        for (int presses = 0; presses < 60; presses++) {
            WebElement focused = browser.switchTo().activeElement();
            if (id.equals(focused.getDomAttribute("id"))) {
                return focused;
            }
            new Actions(browser).sendKeys(Keys.TAB).perform();
        }
        throw new AssertionError("Tab never reached #" + id);
    }

}
