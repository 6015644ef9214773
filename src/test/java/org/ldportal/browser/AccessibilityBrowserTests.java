package org.ldportal.browser;

import java.util.List;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ldportal.resource.ChangeAction;
import org.ldportal.resource.Place;
import org.ldportal.resource.ResourceType;
import org.ldportal.testsupport.Browser;
import org.ldportal.testsupport.BrowserTest;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page of the portal checked with axe-core in Chromium, empty and with errors
 * shown: no serious or critical violation of WCAG 2.1 A and AA. (Locators here only find
 * a page's submit button to show its errors: page objects belong to the flows the other
 * browser tests follow.)
 */
class AccessibilityBrowserTests extends BrowserTest {

    private static final List<String> WCAG = org.ldportal.testsupport.Axe.WCAG;

    @org.springframework.beans.factory.annotation.Autowired
    org.ldportal.audit.AuditTrail trail;

    @BeforeEach
    void signIn() {
        signInOnce("ada", "Ada Admin", "ld-portal-admins");
    }

    @ParameterizedTest
    @ValueSource(strings = { "/", "/environments/new?project=mobile-app",
            "/destinations/new?project=mobile-app&kind=kinesis", "/destinations/new?project=mobile-app&kind=databricks",
            "/destinations/setups", "/integrations", "/integrations/pager-alerts/new?type=configuration",
            "/integrations/log-stream/new?type=subscription", "/integrations/approval-bridge/new?type=configuration",
            "/audit", "/no-such-page", "/access?user=Mo&groups=ld-portal-editors,team-mobile", "/status",
            "/notifications" })
    void pageWhenEmptyThenNoSeriousViolations(String path) {
        browser.get(portal() + path);

        assertNoSeriousViolations(path);
    }

    @ParameterizedTest
    @ValueSource(strings = { "/environments/new", "/destinations/new?project=mobile-app&kind=kinesis",
            "/integrations/pager-alerts/new?type=configuration", "/integrations/log-stream/new?type=subscription" })
    void formWhenSentEmptyThenErrorsShownWithoutSeriousViolations(String path) {
        browser.get(portal() + path);
        browser.findElement(By.cssSelector("input[name=name]")).clear();
        Browser.submitAndWait(browser, browser.findElement(By.cssSelector("[data-testid=submit]")));

        assertThat(browser.findElements(By.id("form-errors"))).as("the error summary is shown").isNotEmpty();
        assertNoSeriousViolations(path + " with errors");
    }

    @org.junit.jupiter.api.Test
    void reviewPageWithWarningsThenNoSeriousViolations() {
        browser.get(portal() + "/environments/new?project=mobile-app");
        browser.findElement(By.cssSelector("input[name=name]")).sendKeys("Production EU");
        Browser.submitAndWait(browser, browser.findElement(By.cssSelector("[data-testid=submit]")));

        assertThat(browser.findElements(By.cssSelector("[data-testid=review-warnings]"))).as("a warning is shown")
            .isNotEmpty();
        assertNoSeriousViolations("a review page");
    }

    @org.junit.jupiter.api.Test
    void setupAndAuditEntryPagesThenNoSeriousViolations() {
        // A warehouse set-up page of its own, reached as a person reaches it: through the
        // form.
        org.ldportal.browser.pages.DestinationForm.open(browser, portal())
            .chooseProject("Mobile App")
            .chooseEnvironment("test")
            .typeName("Red for axe")
            .chooseKind("redshift")
            .fill("clusterIdentifier", "analytics")
            .fill("clusterRegion", "us-east-1")
            .fill("clusterAwsAccountId", "123456789012")
            .submitForSetup();
        assertNoSeriousViolations("a warehouse set-up");

        // An audit entry whose outcome is unknown, with its "Check now" form.
        long id = trail
            .started(org.ldportal.audit.AuditAttempt
                .by(new org.ldportal.security.CurrentUser("ada", "Ada Admin", null,
                        java.util.EnumSet.allOf(org.ldportal.security.PortalRole.class)), ChangeAction.CREATE,
                        ResourceType.ENVIRONMENT)
                .at(Place.project("mobile-app"))
                .withResource("Axe QA", "axe-qa", null));
        browser.get(portal() + "/audit/" + id);
        assertThat(browser.findElements(By.cssSelector("form.check-now"))).as("the Check now form is shown")
            .isNotEmpty();
        assertNoSeriousViolations("an audit entry");
    }

    @org.junit.jupiter.api.Test
    void axeWhenAPageBreaksARuleThenTheCheckFindsIt() {
        // The check itself is checked: an unlabelled input and an empty button, added to
        // a good page, are found.
        browser.get(portal() + "/environments/new");
        browser.executeScript("document.querySelector('main').insertAdjacentHTML('beforeend', "
                + "'<input type=\"text\" id=\"unlabelled\"><button id=\"empty\"></button>')");

        Results results = new AxeBuilder().withTags(WCAG).analyze(browser);

        assertThat(results.getViolations()).extracting(Rule::getId).contains("label", "button-name");
        assertThat(results.getPasses()).as("rules that ran and passed").isNotEmpty();
    }

    private void assertNoSeriousViolations(String page) {
        org.ldportal.testsupport.Axe.assertNoSeriousViolations(browser, page);
    }

}
