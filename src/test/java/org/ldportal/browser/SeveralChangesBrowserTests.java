package org.ldportal.browser;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ldportal.browser.pages.DestinationForm;
import org.ldportal.browser.pages.PlanPage;
import org.ldportal.browser.pages.ReviewPage;
import org.ldportal.browser.pages.TemplateUsePage;
import org.ldportal.sandbox.LaunchDarklySandbox;
import org.ldportal.testsupport.Axe;
import org.ldportal.testsupport.Browser;
import org.ldportal.testsupport.BrowserTest;
import org.ldportal.testsupport.GoldenPaths;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Turning several destinations off at once in a real browser, as an editor: tick two of
 * three on the list, review both changes on one page, run them, and read a result for
 * each; a choice that cannot be made (one off already) is said, and nothing is sent.
 */
class SeveralChangesBrowserTests extends BrowserTest {

    private final LaunchDarklySandbox sandbox = LaunchDarklySandbox.shared();

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void signIn() {
        GoldenPaths.clearPlans(jdbc);
        signInOnce("grace", "Grace Hopper", "ld-portal-editors");
    }

    @AfterEach
    void forgetPlans() {
        GoldenPaths.clearPlans(jdbc);
    }

    @Test
    void destinationsWhenTwoTickedThenOneReviewAndEachTurnedOffWithAResult() {
        seed("mobile-app", "test", "Mobile events");
        seed("web-store", "test", "Store events");
        seed("web-store", "production", "Store production events");
        browser.get(portal() + "/destinations");
        tick("Mobile events");
        tick("Store events");
        Browser.submitAndWait(browser, browser.findElement(By.cssSelector("[data-testid=turn-off-chosen]")));

        ReviewPage review = new ReviewPage(browser);
        assertThat(review.pageSource()).contains("Turn off 2 Data Export destinations", "Mobile events (Segment)",
                "Store events (Segment)");
        assertThat(review.pageSource()).doesNotContain("Store production events");
        Axe.assertNoSeriousViolations(browser, "the review of several destinations turned off");
        review.create();

        PlanPage plan = new PlanPage(browser).awaitEnd();
        assertThat(plan.status()).startsWith("Done");
        assertThat(plan.stepStatuses()).containsExactly("Done", "Done");
        assertThat(plan.pageSource()).contains("Turn off the Data Export destination: Mobile events",
                "Turn off the Data Export destination: Store events");
        Axe.assertNoSeriousViolations(browser, "a plan that turned off several destinations");
        assertThat(sandbox.destinations()).extracting(d -> d.get("name").asString() + " " + d.get("on").asBoolean())
            .containsExactlyInAnyOrder("Mobile events false", "Store events false", "Store production events true");

        browser.get(portal() + "/destinations");
        tick("Mobile events");
        Browser.submitAndWait(browser, browser.findElement(By.cssSelector("[data-testid=turn-off-chosen]")));
        assertThat(browser.findElement(By.cssSelector("[data-testid=chosen-problem]")).getText())
            .isEqualTo("It is off already.");
        Axe.assertNoSeriousViolations(browser, "several chosen, one off already");
        Browser.submitAndWait(browser, browser.findElement(By.cssSelector("[data-testid=back-to-list]")));
        assertThat(browser.getCurrentUrl()).endsWith("/destinations");
    }

    @Test
    void destinationFormWhenAppliedToTwoEnvironmentsThenOneReviewAndOneInEach() {
        DestinationForm.open(browser, portal()).chooseKind("segment");
        browser.findElement(By.linkText("Set up the same destination in several environments")).click();
        ReviewPage review = new TemplateUsePage(browser).tick("targets", "Mobile App (mobile-app) / Test")
            .tick("targets", "Web Store (web-store) / Test")
            .type("s1.name", "Events to Segment")
            .type("s1.config.writeKey", "wk-SEVERAL-browser")
            .review();
        assertThat(review.pageSource()).contains(", for mobile-app/test", ", for web-store/test")
            .doesNotContain("wk-SEVERAL-browser");
        Axe.assertNoSeriousViolations(browser, "the review of one destination form for two environments");
        review.create();

        PlanPage plan = new PlanPage(browser).awaitEnd();
        assertThat(plan.status()).startsWith("Done");
        assertThat(plan.stepStatuses()).containsExactly("Done", "Done");
        assertThat(sandbox.destinations()).extracting(d -> d.get("name").asString())
            .containsExactly("Events to Segment", "Events to Segment");
    }

    private void tick(String name) {
        browser.findElement(By.cssSelector("input[aria-label^='Choose " + name + " (']")).click();
    }

    private void seed(String project, String environment, String name) {
        sandbox.seedDestination(project, environment, name, "segment", Map.of("writeKey", "wk-several-secret"));
    }

}
