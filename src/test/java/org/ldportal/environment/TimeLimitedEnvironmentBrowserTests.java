package org.ldportal.environment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.ldportal.browser.pages.EnvironmentCreatedPage;
import org.ldportal.browser.pages.EnvironmentForm;
import org.ldportal.browser.pages.ResourcePage;
import org.ldportal.sandbox.LaunchDarklySandbox;
import org.ldportal.testsupport.Axe;
import org.ldportal.testsupport.BrowserTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A time-limited environment in a real browser: made with a "delete after" day, the day
 * on its page, extended there, and gone after the portal's round on the new day. The
 * rounds are run with the time the test chooses.
 */
class TimeLimitedEnvironmentBrowserTests extends BrowserTest {

    @Autowired
    ScheduledEnvironmentDeletions rounds;

    @Autowired
    JdbcClient jdbc;

    @Test
    void createdWithADayThenItsPageShowsItExtendedThereAndDeletedOnTheNewDay() {
        // The rounds count every time-limited environment: only this test's.
        jdbc.sql("DELETE FROM environment_lifetime").update();
        signInOnce("grace", "Grace Hopper", "ld-portal-editors");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String key = "demo-week-" + System.nanoTime() % 10_000;

        EnvironmentCreatedPage created = EnvironmentForm.open(browser, portal(), "web-store")
            .typeName("Demo week")
            .typeKey(key)
            .deleteAfter(today.plusDays(7))
            .submit();
        assertThat(created.key()).isEqualTo(key);

        ResourcePage page = ResourcePage.open(browser, portal() + "/environments/web-store/" + key);
        assertThat(page.deleteOn()).isEqualTo(today.plusDays(7).toString());
        Axe.assertNoSeriousViolations(browser, "a time-limited environment's page");

        page = page.extendTo(today.plusDays(20));
        assertThat(page.notice()).contains("now deletes it on " + today.plusDays(20));
        assertThat(page.deleteOn()).isEqualTo(today.plusDays(20).toString());

        assertThat(rounds.remind(at(today.plusDays(18)))).as("the owner reminded of the new day").isEqualTo(1);
        assertThat(rounds.deleteDue(at(today.plusDays(7)))).as("the old day no longer counts").isZero();
        assertThat(rounds.deleteDue(at(today.plusDays(20)))).isEqualTo(1);
        assertThat(LaunchDarklySandbox.shared().environmentsOf("web-store"))
            .noneSatisfy(environment -> assertThat(environment.path("key").asString()).isEqualTo(key));
    }

    private static Instant at(LocalDate day) {
        return day.atTime(9, 0).toInstant(ZoneOffset.UTC);
    }

}
