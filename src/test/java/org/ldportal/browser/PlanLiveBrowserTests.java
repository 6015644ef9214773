package org.ldportal.browser;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ldportal.browser.pages.PlanPage;
import org.ldportal.browser.pages.TemplateEditPage;
import org.ldportal.browser.pages.TemplateUsePage;
import org.ldportal.testsupport.GoldenPaths;
import org.ldportal.sandbox.LaunchDarklySandbox;
import org.ldportal.testsupport.Axe;
import org.ldportal.testsupport.BrowserTest;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A plan's page while it runs: the person who pressed Run is shown it at once and sees
 * each step end without reloading by hand, and the whole page once the plan is done.
 */
class PlanLiveBrowserTests extends BrowserTest {

    private static final String TEMPLATE = """
            { "name": "Two environments",
              "steps": [ { "type": "environment", "project": "web-store", "values": { "name": "Live one", "key": "live-one" } },
                         { "type": "environment", "project": "web-store", "values": { "name": "Live two", "key": "live-two" } } ] }
            """;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void signIn() {
        GoldenPaths.clear(jdbc);
        signInOnce("ada", "Ada Admin", "ld-portal-admins");
    }

    @AfterEach
    void forgetPlans() {
        GoldenPaths.clearPlans(jdbc);
    }

    @Test
    void planWhenRunningThenItsPageFollowsEachStepAndShowsTheEnd() {
        browser.get(portal() + "/admin/templates/new");
        new TemplateEditPage(browser).key("two").text(TEMPLATE).save();
        // LaunchDarkly takes a while over the first step: the person who pressed Run is
        // shown the plan running, then each step end, without reloading.
        LaunchDarklySandbox.shared().delayNextPost("/environments", Duration.ofMillis(1700));
        TemplateUsePage.open(browser, portal(), "Two environments").review().create();
        PlanPage started = new PlanPage(browser);
        assertThat(started.status()).startsWith("Running");
        PlanPage done = started.awaitStatus("Done");
        assertThat(done.stepStatuses()).containsExactly("Done", "Done");
        long plan = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/plans/", ""));

        // As it looks while its second step is being sent.
        jdbc.sql("UPDATE plan SET status = 'RUNNING', updated_at = :now WHERE id = :id")
            .param("now", Timestamp.from(Instant.now()))
            .param("id", plan)
            .update();
        jdbc.sql("UPDATE plan_step SET status = 'WAITING' WHERE plan_id = :id AND position = 1")
            .param("id", plan)
            .update();
        browser.get(portal() + "/plans/" + plan);
        PlanPage running = new PlanPage(browser);
        assertThat(running.status()).startsWith("Running");
        assertThat(running.stepStatuses()).containsExactly("Done", "Not done yet");
        Axe.assertNoSeriousViolations(browser, "a running plan");
        assertThat(browser.findElement(By.cssSelector("[data-testid=reload-plan]")).isDisplayed())
            .as("the reload link is for pages without scripts")
            .isFalse();

        jdbc.sql("UPDATE plan_step SET status = 'SUCCEEDED' WHERE plan_id = :id AND position = 1")
            .param("id", plan)
            .update();
        jdbc.sql("UPDATE plan SET status = 'DONE' WHERE id = :id").param("id", plan).update();

        PlanPage followed = running.awaitStatus("Done");
        assertThat(followed.stepStatuses()).containsExactly("Done", "Done");
        assertThat(browser.findElements(By.cssSelector("[data-testid=undo]"))).as("the whole page again").hasSize(1);
    }

}
