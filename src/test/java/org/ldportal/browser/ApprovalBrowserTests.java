package org.ldportal.browser;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ldportal.approval.WithApprovalRules;
import org.ldportal.browser.pages.DestinationForm;
import org.ldportal.browser.pages.RequestPage;
import org.ldportal.browser.pages.ReviewPage;
import org.ldportal.sandbox.LaunchDarklySandbox;
import org.ldportal.security.SignIns;
import org.ldportal.testsupport.Axe;
import org.ldportal.testsupport.Browser;
import org.ldportal.testsupport.BrowserTest;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Approval by a second person in two real browsers: one person requests, another
 * approves, the first sees it done.
 */
@WithApprovalRules
class ApprovalBrowserTests extends BrowserTest {

    @Autowired
    SignIns signIns;

    @BeforeEach
    void signIn() {
        signInOnce("grace", "Grace Hopper", "ld-portal-editors");
    }

    @Test
    void destinationForProductionWhenRequestedAndApprovedByAnotherPersonThenCreatedAndTheRequesterSeesIt() {
        DestinationForm form = DestinationForm.open(browser, portal())
            .chooseProject("Mobile App")
            .chooseEnvironment("production")
            .typeName("Approved hub")
            .chooseKind("azure-event-hubs")
            .fill("namespace", "hub-namespace")
            .fill("name", "flag-events")
            .fill("policyName", "send")
            .fill("policyKey", "azure-approval-key-7");
        ReviewPage review = form.review();
        assertThat(review.pageSource()).contains("Production needs a second person")
            .doesNotContain("azure-approval-key-7");
        review.create();

        RequestPage requested = new RequestPage(browser);
        assertThat(requested.message()).contains("Sent for approval");
        assertThat(requested.status()).isEqualTo("Waiting for approval");
        assertThat(requested.canDecide()).as("nobody approves their own request").isFalse();
        assertThat(requested.badge()).isEqualTo(1);
        assertThat(LaunchDarklySandbox.shared().destinations()).as("sent before approval").isEmpty();

        ChromeDriver approver = Browser.start();
        try {
            Browser.signIn(approver, portal(), "ada", Browser.claims("Ada Admin", "ld-portal-admins"));
            assertThat(signIns.latest("ada")).as("the sign-in recorded with the groups it gave")
                .hasValueSatisfying(signIn -> assertThat(signIn.groups()).contains("ld-portal-admins"));
            approver.get(portal() + "/requests");
            Axe.assertNoSeriousViolations(approver, "the requests list");
            RequestPage.open(approver, portal(), requested.id());
            Axe.assertNoSeriousViolations(approver, "a request with its decision form");
            RequestPage decided = RequestPage.open(approver, portal(), requested.id()).approve("Looks right");
            assertThat(decided.message()).isEqualTo("Approved and created.");
            assertThat(decided.status()).isEqualTo("Approved");
        }
        finally {
            approver.quit();
        }

        RequestPage seen = RequestPage.open(browser, portal(), requested.id());
        assertThat(seen.status()).isEqualTo("Approved");
        assertThat(seen.outcome()).contains("Approved and created.");
        assertThat(seen.badge()).as("seen now").isZero();
        assertThat(LaunchDarklySandbox.shared().destinations()).singleElement()
            .satisfies(destination -> assertThat(destination.get("name").asString()).isEqualTo("Approved hub"));
    }

}
