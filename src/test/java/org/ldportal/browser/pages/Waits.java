package org.ldportal.browser.pages;

import java.time.Duration;
import java.util.function.Function;

import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** How the page objects wait: always for a condition, never for a fixed time. */
final class Waits {

    /**
     * Long enough for a round trip through the identity provider on a busy two-core
     * machine.
     */
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    /**
     * portal.js marks the document as soon as it runs; without JavaScript the mark is
     * missing.
     */
    private static final By SCRIPTS_RAN = By.cssSelector("html.js");

    private Waits() {
    }

    static <T> T until(WebDriver driver, Function<? super WebDriver, T> condition) {
        WebDriverWait wait = new WebDriverWait(driver, PATIENCE);
        // Fragments replace elements while a wait looks at them: a stale element just
        // means "look again".
        wait.ignoring(StaleElementReferenceException.class);
        return wait.until(condition);
    }

    /**
     * Makes a change that the page's script answers by swapping a server-rendered
     * fragment in place, and waits until the new fragment is in: the old element is
     * detached and one with the same locator is there. Without JavaScript nothing is
     * swapped (the person presses the page's "Show ..." button instead), so nothing is
     * awaited.
     */
    static void forSwap(WebDriver driver, By fragment, Runnable change) {
        if (driver.findElements(SCRIPTS_RAN).isEmpty()) {
            change.run();
            return;
        }
        WebElement before = driver.findElement(fragment);
        change.run();
        until(driver, webDriver -> ExpectedConditions.stalenessOf(before).apply(webDriver)
                && !webDriver.findElements(fragment).isEmpty());
    }

}
