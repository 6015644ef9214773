package org.ldportal.browser;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.ldportal.testsupport.Browser;
import org.ldportal.testsupport.BrowserTest;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/** Creating an environment in a real browser against the sandbox: the derived key, success, then the conflict. */
class EnvironmentBrowserTests extends BrowserTest {

    @Test
    void createWhenNameTypedThenKeyDerivedCreatedAndSameKeyAgainShowsConflictInline() {
        signInOnce("grace", "Grace Hopper", "ld-portal-editors");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));

        browser.get(portal() + "/environments/new");
        new Select(browser.findElement(By.id("projectKey"))).selectByVisibleText("Mobile App");
        // Choosing the project swaps in its environments for "copy settings from", without a reload.
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("source-field"), "Production (production)"));
        browser.findElement(By.id("name")).sendKeys("QA Europe");
        assertThat(browser.findElement(By.id("key")).getDomProperty("value")).isEqualTo("qa-europe");
        browser.findElement(By.id("tags")).sendKeys("team-a");
        new Select(browser.findElement(By.id("sourceKey"))).selectByValue("test");
        browser.findElement(By.cssSelector("form.form button[type=submit]:not([name])")).click();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=created-key]")));
        assertThat(browser.findElement(By.cssSelector("[data-testid=created-key]")).getText()).isEqualTo("qa-europe");
        assertThat(browser.findElement(By.cssSelector("[data-testid=client-side-id]")).getText()).isNotBlank();

        browser.get(portal() + "/environments/new?project=mobile-app");
        browser.findElement(By.id("name")).sendKeys("QA Europe");
        browser.findElement(By.cssSelector("form.form button[type=submit]:not([name])")).click();

        WebElement keyError = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("key-error")));
        assertThat(keyError.getText()).contains("An environment with key qa-europe already exists in project Mobile App")
                .contains("Try qa-europe-2");
        assertThat(browser.findElement(By.id("key")).getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findElement(By.id("key")).getDomAttribute("aria-describedby")).contains("key-error");
        assertThat(browser.findElement(By.id("name")).getDomProperty("value")).isEqualTo("QA Europe");
        assertThat(browser.findElement(By.id("key")).getDomProperty("value")).isEqualTo("qa-europe");
    }

}
