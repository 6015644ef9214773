package org.ldportal.browser;

import java.util.EnumSet;

import org.junit.jupiter.api.Test;
import org.ldportal.audit.AuditAttempt;
import org.ldportal.audit.AuditOutcome;
import org.ldportal.audit.AuditTrail;
import org.ldportal.security.CurrentUser;
import org.ldportal.security.PortalRole;
import org.ldportal.testsupport.Browser;
import org.ldportal.testsupport.BrowserTest;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Filtering the audit trail in a real browser: the rows change and the URL carries the filter. */
class AuditBrowserTests extends BrowserTest {

    @Autowired
    private AuditTrail trail;

    @Autowired
    private JdbcClient jdbc;

    @Test
    void filterWhenOutcomeAndTextChosenThenOnlyMatchingRowsAndFilterInUrl() {
        jdbc.sql("DELETE FROM audit_entry").update();
        CurrentUser someone = new CurrentUser("eddie", "Eddie Editor", null, EnumSet.of(PortalRole.EDITOR));
        trail.record(AuditAttempt.by(someone, "create", "environment").withTarget("mobile-app", null, null)
                .withResource("Checkout QA", "checkout-qa", "c1").withOutcome(AuditOutcome.SUCCEEDED, 201, null, null, null));
        trail.record(AuditAttempt.by(someone, "create", "environment").withTarget("mobile-app", null, null)
                .withResource("Checkout QA", "checkout-qa", null).withOutcome(AuditOutcome.REJECTED, 409, "conflict", "taken", null));
        trail.record(AuditAttempt.by(someone, "create", "destination").withTarget("web-store", "production", null)
                .withResource("Events to Segment", null, null).withOutcome(AuditOutcome.FAILED, 500, null, "boom", null));

        signInOnce("ada", "Ada Admin", "ld-portal-admins");
        browser.get(portal() + "/audit");
        assertThat(browser.findElements(By.cssSelector("[data-testid=audit-row]"))).hasSize(3);

        new Select(browser.findElement(By.id("outcome"))).selectByVisibleText("Rejected");
        Browser.submitAndWait(browser, browser.findElement(By.cssSelector("form.filters button[type=submit]")));
        assertThat(browser.getCurrentUrl()).contains("outcome=REJECTED");

        assertThat(browser.findElements(By.cssSelector("[data-testid=audit-row]"))).hasSize(1);
        assertThat(browser.findElement(By.cssSelector("[data-testid=outcome]")).getText()).isEqualTo("Rejected");

        new Select(browser.findElement(By.id("outcome"))).selectByVisibleText("Any");
        browser.findElement(By.id("q")).sendKeys("segment");
        Browser.submitAndWait(browser, browser.findElement(By.cssSelector("form.filters button[type=submit]")));
        assertThat(browser.getCurrentUrl()).contains("q=segment");

        assertThat(browser.findElements(By.cssSelector("[data-testid=audit-row]"))).hasSize(1);
        assertThat(browser.findElement(By.cssSelector("[data-testid=audit-row]")).getText()).contains("Events to Segment");

        // The shared URL shows the same filtered view.
        browser.get(browser.getCurrentUrl());
        assertThat(browser.findElements(By.cssSelector("[data-testid=audit-row]"))).hasSize(1);
        // Times show in the reader's local time, with UTC kept in the title.
        assertThat(browser.findElement(By.cssSelector("time[data-local]")).getDomAttribute("title")).endsWith("UTC");
    }

}
