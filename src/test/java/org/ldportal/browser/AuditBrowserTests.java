package org.ldportal.browser;

import java.util.EnumSet;

import org.junit.jupiter.api.Test;
import org.ldportal.audit.AuditAttempt;
import org.ldportal.audit.AuditOutcome;
import org.ldportal.audit.AuditTrail;
import org.ldportal.browser.pages.AuditListPage;
import org.ldportal.resource.ChangeAction;
import org.ldportal.resource.Place;
import org.ldportal.resource.ResourceType;
import org.ldportal.security.CurrentUser;
import org.ldportal.security.PortalRole;
import org.ldportal.testsupport.BrowserTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Filtering the audit trail in a real browser: the rows change and the URL carries the
 * filter.
 */
class AuditBrowserTests extends BrowserTest {

    @Autowired
    private AuditTrail trail;

    @Autowired
    private JdbcClient jdbc;

    @Test
    void filterWhenOutcomeAndTextChosenThenOnlyMatchingRowsAndFilterInUrl() {
        jdbc.sql("DELETE FROM audit_entry").update();
        CurrentUser someone = new CurrentUser("eddie", "Eddie Editor", null, EnumSet.of(PortalRole.EDITOR));
        trail.record(AuditAttempt.by(someone, ChangeAction.CREATE, ResourceType.ENVIRONMENT)
            .at(Place.project("mobile-app"))
            .withResource("Checkout QA", "checkout-qa", "c1")
            .withOutcome(AuditOutcome.SUCCEEDED, 201, null, null, null));
        trail.record(AuditAttempt.by(someone, ChangeAction.CREATE, ResourceType.ENVIRONMENT)
            .at(Place.project("mobile-app"))
            .withResource("Checkout QA", "checkout-qa", null)
            .withOutcome(AuditOutcome.REJECTED, 409, "conflict", "taken", null));
        trail.record(AuditAttempt.by(someone, ChangeAction.CREATE, ResourceType.DESTINATION)
            .at(Place.environment("web-store", "production"))
            .withResource("Events to Segment", null, null)
            .withOutcome(AuditOutcome.FAILED, 500, null, "boom", null));

        signInOnce("ada", "Ada Admin", "ld-portal-admins");
        AuditListPage audit = AuditListPage.open(browser, portal());
        assertThat(audit.rows()).hasSize(3);

        audit = audit.chooseOutcome("Rejected").filter();
        assertThat(audit.url()).contains("outcome=REJECTED");

        assertThat(audit.rows()).hasSize(1);
        assertThat(audit.firstOutcome()).isEqualTo("Rejected");

        audit = audit.chooseOutcome("Any").typeSearch("segment").filter();
        assertThat(audit.url()).contains("q=segment");

        assertThat(audit.rows()).hasSize(1);
        assertThat(audit.rows().get(0)).contains("Events to Segment");

        // The shared URL shows the same filtered view.
        audit = AuditListPage.openAt(browser, audit.url());
        assertThat(audit.rows()).hasSize(1);
        // Times show in the reader's local time, with UTC kept in the title.
        assertThat(audit.firstTimeTooltip()).endsWith("UTC");
    }

}
