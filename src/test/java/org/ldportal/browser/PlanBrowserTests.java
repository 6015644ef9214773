package org.ldportal.browser;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ldportal.approval.WithApprovalRules;
import org.ldportal.browser.pages.PlanPage;
import org.ldportal.browser.pages.RequestPage;
import org.ldportal.browser.pages.ReviewPage;
import org.ldportal.browser.pages.TemplateEditPage;
import org.ldportal.browser.pages.TemplateUsePage;
import org.ldportal.sandbox.LaunchDarklySandbox;
import org.ldportal.testsupport.GoldenPaths;
import org.ldportal.testsupport.Axe;
import org.ldportal.testsupport.Browser;
import org.ldportal.testsupport.BrowserTest;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A golden path in two real browsers: an admin writes a template whose environment an
 * approval rule covers; a person answers its questions, reviews the whole plan once and
 * asks for approval; the admin approves; a step fails and the plan stops; the person
 * resumes it and it finishes; the admin undoes it.
 */
@WithApprovalRules
class PlanBrowserTests extends BrowserTest {

    private static final String WRITE_KEY = "wk-BROWSER-PLAN-secret";

    private static final String TEMPLATE = """
            { "name": "Production pair",
              "description": "A team's production-like environment with its events sent to Segment.",
              "questions": [ { "key": "project", "label": "Project", "type": "project" },
                             { "key": "team", "label": "Team", "required": true, "pattern": "[a-z]+" } ],
              "steps": [
                { "type": "environment", "project": "${project}",
                  "values": { "name": "${team} prod", "key": "prod-${team}" } },
                { "type": "destination", "kind": "segment", "project": "${project}", "environment": "prod-${team}",
                  "values": { "name": "${team} to Segment" }, "open": [ "config.writeKey" ] } ] }
            """;

    private final LaunchDarklySandbox sandbox = LaunchDarklySandbox.shared();

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void signIn() {
        GoldenPaths.clear(jdbc);
        signInOnce("grace", "Grace Hopper", "ld-portal-editors");
    }

    /**
     * The requests and plans made here go, so that the tests after it that count a
     * person's requests (the header's badge) on the shared database count their own.
     */
    @AfterEach
    void forgetRequestsAndPlans() {
        jdbc.sql("DELETE FROM approval_request").update();
        GoldenPaths.clearPlans(jdbc);
    }

    @Test
    void templateWhenUsedApprovedStoppedResumedThenDoneAndUndone() {
        ChromeDriver admin = Browser.start();
        try {
            Browser.signIn(admin, portal(), "ada", Browser.claims("Ada Admin", "ld-portal-admins"));
            admin.get(portal() + "/admin/templates/new");
            assertThat(new TemplateEditPage(admin).key("prod-pair").text(TEMPLATE).save().saved())
                .isEqualTo("Saved as version 1.");

            browser.get(portal() + "/templates");
            Axe.assertNoSeriousViolations(browser, "the templates a person is offered");
            TemplateUsePage form = TemplateUsePage.open(browser, portal(), "Production pair");
            Axe.assertNoSeriousViolations(browser, "a template's short form");
            ReviewPage review = form.choose("project", "Mobile App (mobile-app)")
                .type("team", "lovelace")
                .type("s2.config.writeKey", WRITE_KEY)
                .review();
            assertThat(review.pageSource())
                .contains("Step 1: Create an environment", "Step 2: Create a Data Export destination",
                        "Production needs a second person")
                .doesNotContain(WRITE_KEY);
            Axe.assertNoSeriousViolations(browser, "the review of a plan");
            review.create();
            RequestPage requested = new RequestPage(browser);
            assertThat(requested.status()).isEqualTo("Waiting for approval");
            assertThat(sandbox.environmentsOf("mobile-app"))
                .noneMatch(e -> e.get("key").asString().equals("prod-lovelace"));

            // LaunchDarkly refuses the destination once: the plan stops after the
            // environment.
            sandbox.failNextPost("/destinations/", 400, "invalid_request", "writeKey is not a Segment write key");
            RequestPage decided = RequestPage.open(admin, portal(), requested.id()).approve("For the launch");
            assertThat(decided.outcome()).contains("The plan stopped at step 2");

            RequestPage.open(browser, portal(), requested.id());
            browser.findElement(By.cssSelector("[data-testid=outcome-link]")).click();
            PlanPage plan = new PlanPage(browser).awaitEnd();
            assertThat(plan.status()).startsWith("Stopped");
            assertThat(plan.stepStatuses()).containsExactly("Done", "Refused");
            assertThat(plan.stepMessages().get(1)).contains("writeKey is not a Segment write key");
            Axe.assertNoSeriousViolations(browser, "a stopped plan");

            plan = plan.resume();
            assertThat(plan.status()).startsWith("Done");
            assertThat(plan.stepStatuses()).containsExactly("Done", "Done");
            assertThat(sandbox.destinations()).anyMatch(d -> d.path("name").asString().equals("lovelace to Segment"));

            // Undo deletes in production: held for approval like any such delete.
            browser.findElement(By.cssSelector("[data-testid=undo]")).click();
            RequestPage undo = new RequestPage(browser);
            assertThat(undo.status()).isEqualTo("Waiting for approval");
            RequestPage.open(admin, portal(), undo.id()).approve("Launch moved");
            // Sent as the requester, an editor, who may not delete environments: the
            // destination goes, the environment stays for an admin.
            browser.get(portal() + "/templates");
            browser.findElement(By.cssSelector("[data-testid=my-plans] a")).click();
            plan = new PlanPage(browser).awaitEnd();
            assertThat(plan.stepStatuses()).containsExactly("Done", "Undone");
            assertThat(plan.stepMessages().get(0)).contains("an admin can undo the rest");
            assertThat(sandbox.destinations()).noneMatch(d -> d.path("name").asString().equals("lovelace to Segment"));
        }
        finally {
            admin.quit();
        }
    }

}
