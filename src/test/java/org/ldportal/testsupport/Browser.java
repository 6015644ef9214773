package org.ldportal.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.ldportal.browser.pages.IdentityProviderSignInPage;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium for the browser tests. Without Chromium and chromedriver on the
 * machine the test is skipped with a message saying what to install (CI installs both, so
 * there they always run).
 */
public final class Browser {

    private static final String CHROME = System.getProperty("ldportal.chrome.binary", "/usr/bin/chromium");

    private static final String DRIVER = System.getProperty("ldportal.chromedriver.binary", "/usr/bin/chromedriver");

    private Browser() {
    }

    /** A headless browser with JavaScript on. */
    public static ChromeDriver start() {
        return start(true);
    }

    /**
     * A headless browser, with JavaScript on or off (to test the no-JavaScript
     * fallbacks).
     */
    public static ChromeDriver start(boolean javascript) {
        Assumptions.assumeTrue(Files.isExecutable(Path.of(CHROME)) && Files.isExecutable(Path.of(DRIVER)),
                () -> "Browser test skipped: Chromium (" + CHROME + ") and chromedriver (" + DRIVER
                        + ") are not installed. Install the Debian packages chromium and chromium-driver "
                        + "(.ci/run does), or set -Dchrome.binary / -Dchromedriver.binary.");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROME);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,1024", "--user-data-dir=" + freshProfile());
        if (!javascript) {
            options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        // An explicit driver path, or Selenium Manager would try to download one.
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of(DRIVER).toFile())
            .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }

    /**
     * Signs in through the identity provider's real login page: opens the portal, is sent
     * to the provider, types the user name and claims, and comes back signed in. The page
     * itself is IdentityProviderSignInPage.
     */
    public static void signIn(WebDriver driver, String portalUrl, String userName, String claimsJson) {
        IdentityProviderSignInPage.openPortal(driver, portalUrl).signInAs(userName, claimsJson);
    }

    /**
     * Clicks a button that submits the page and waits until the browser has left it:
     * without the wait, the next lookup may find an element of the old page, which then
     * goes stale.
     */
    /**
     * Sets a date input's value: typing into one follows the browser's locale, the
     * picker's value is always ISO.
     */
    public static void setDate(WebDriver driver, WebElement input, LocalDate day) {
        ((JavascriptExecutor) driver).executeScript(
                "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change'));", input,
                day.toString());
    }

    public static void submitAndWait(WebDriver driver, org.openqa.selenium.WebElement button) {
        button.click();
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(webDriver -> isGone(button));
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(webDriver -> "complete"
            .equals(((org.openqa.selenium.JavascriptExecutor) webDriver).executeScript("return document.readyState")));
    }

    /**
     * Whether an element's page has been left. While the old document unloads Chrome
     * answers either "stale element" or, seen in CI, an unknown error saying the node
     * "does not belong to the document": both mean gone.
     */
    private static boolean isGone(org.openqa.selenium.WebElement element) {
        try {
            element.isEnabled();
            return false;
        }
        catch (org.openqa.selenium.StaleElementReferenceException gone) {
            return true;
        }
        catch (org.openqa.selenium.WebDriverException detached) {
            return String.valueOf(detached.getMessage()).contains("does not belong to the document");
        }
    }

    /** Claims for a person with a display name and one group. */
    public static String claims(String name, String group) {
        return "{\"name\": \"" + name + "\", \"email\": \"" + name.toLowerCase().replace(' ', '.')
                + "@example.com\", \"groups\": [\"" + group + "\"]}";
    }

    private static Path freshProfile() {
        try {
            return Files.createTempDirectory("ldportal-chrome");
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
