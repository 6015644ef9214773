package org.ldportal.browser;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ldportal.browser.pages.PlanPage;
import org.ldportal.browser.pages.ReviewPage;
import org.ldportal.browser.pages.TemplateEditPage;
import org.ldportal.browser.pages.TemplateUsePage;
import org.ldportal.sandbox.LaunchDarklySandbox;
import org.ldportal.testsupport.GoldenPaths;
import org.ldportal.testsupport.Axe;
import org.ldportal.testsupport.BrowserTest;
import org.ldportal.testsupport.WithUncachedDirectory;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A template over three projects in a real browser: an admin writes it, ticks three
 * projects, reviews the plan once and runs it; the page shows a result for each project,
 * and LaunchDarkly has one subscription for each, with its own policy.
 */
@WithUncachedDirectory
class PlanFanOutBrowserTests extends BrowserTest {

    private static final String TEMPLATE = """
            { "name": "Trail for each project",
              "questions": [ { "key": "projects", "label": "Projects", "type": "projects" } ],
              "forEach": "projects",
              "steps": [ { "type": "audit-log-subscription", "integration": "log-stream",
                "values": { "name": "Trail of ${projects}", "config.base-url": "https://logs.example.com/${projects}",
                            "policy.resources": [ "proj/${projects}:env/*:flag/*" ] },
                "open": [ "config.token" ] } ] }
            """;

    private final LaunchDarklySandbox sandbox = LaunchDarklySandbox.shared();

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void signIn() {
        GoldenPaths.clear(jdbc);
        sandbox.addProject("payments", "Payments", "production", "Production", "test", "Test");
        signInOnce("ada", "Ada Admin", "ld-portal-admins");
    }

    @AfterEach
    void forgetPlans() {
        GoldenPaths.clearPlans(jdbc);
    }

    @Test
    void templateWhenAppliedToThreeProjectsThenOneReviewAndAResultForEach() {
        browser.get(portal() + "/admin/templates/new");
        assertThat(new TemplateEditPage(browser).key("trail-each").text(TEMPLATE).save().saved())
            .isEqualTo("Saved as version 1.");

        ReviewPage review = TemplateUsePage.open(browser, portal(), "Trail for each project")
            .tick("projects", "Mobile App (mobile-app)")
            .tick("projects", "Web Store (web-store)")
            .tick("projects", "Payments (payments)")
            .type("s1.config.token", "tk-FANOUT-browser")
            .review();
        assertThat(review.pageSource()).contains(", for mobile-app", ", for web-store", ", for payments")
            .doesNotContain("tk-FANOUT-browser");
        Axe.assertNoSeriousViolations(browser, "the review of a plan over three projects");
        review.create();

        PlanPage plan = new PlanPage(browser).awaitEnd();
        assertThat(plan.status()).startsWith("Done");
        List<String> targets = browser.findElements(By.cssSelector("[data-testid=plan-target]"))
            .stream()
            .map(section -> section.getDomAttribute("data-target") + " "
                    + section.findElement(By.cssSelector("[data-testid=step-status]")).getText())
            .toList();
        assertThat(targets).containsExactly("mobile-app Done", "web-store Done", "payments Done");
        Axe.assertNoSeriousViolations(browser, "a plan over three projects");
        assertThat(sandbox.subscriptions("log-stream")
            .stream()
            .filter(s -> s.path("name").asString().startsWith("Trail of "))
            .map(s -> s.path("statements").path(0).path("resources").path(0).asString())
            .sorted()
            .toList()).containsExactly("proj/mobile-app:env/*:flag/*", "proj/payments:env/*:flag/*",
                    "proj/web-store:env/*:flag/*");
        assertThat(browser.findElements(By.cssSelector("[data-testid=step-link]"))).extracting(WebElement::getText)
            .hasSize(3);
    }

}
