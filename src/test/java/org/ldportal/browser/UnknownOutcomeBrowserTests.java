package org.ldportal.browser;

import org.junit.jupiter.api.Test;
import org.ldportal.browser.pages.AuditEntryPage;
import org.ldportal.browser.pages.EnvironmentCreatedPage;
import org.ldportal.browser.pages.EnvironmentForm;
import org.ldportal.sandbox.LaunchDarklySandbox;
import org.ldportal.testsupport.Axe;
import org.ldportal.testsupport.BrowserTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A create whose answer was unclear, in a real browser: the page says it is not confirmed
 * and links the attempt; the same environment sent again meanwhile is held, with a link
 * to the earlier attempt, and nothing is sent twice.
 */
class UnknownOutcomeBrowserTests extends BrowserTest {

    private static final String ENVIRONMENTS = "/api/v2/projects/mobile-app/environments";

    @Test
    void createWhenTheAnswerIsUnclearThenNotConfirmedAndSendingItAgainIsHeldWithALinkToTheFirst() {
        signInOnce("grace", "Grace Hopper", "ld-portal-editors");
        LaunchDarklySandbox sandbox = LaunchDarklySandbox.shared();
        sandbox.failNextPost(ENVIRONMENTS, 504);

        EnvironmentForm first = EnvironmentForm.open(browser, portal(), "mobile-app")
            .typeName("Unsettled QA")
            .submitExpectingErrors();
        assertThat(first.summary())
            .contains("The environment may have been created.",
                    "LaunchDarkly has not confirmed that the environment was created", "Do not send this form again")
            .doesNotContain("not created")
            .doesNotContain("send the form again");
        Axe.assertNoSeriousViolations(browser, "a create not confirmed yet");

        EnvironmentForm again = EnvironmentForm.open(browser, portal(), "mobile-app")
            .typeName("Unsettled QA")
            .submitExpectingErrors();
        assertThat(again.summary()).contains("Not sent: an earlier attempt is not settled yet.",
                "has no clear outcome yet");
        assertThat(again.name()).as("what was typed is kept").isEqualTo("Unsettled QA");
        Axe.assertNoSeriousViolations(browser, "a create held back by an earlier one");
        assertThat(sandbox.requests()).filteredOn(r -> r.method().equals("POST") && r.path().equals(ENVIRONMENTS))
            .as("sent once")
            .hasSize(1);

        AuditEntryPage earlier = again.followAttempt();
        assertThat(earlier.heading()).contains("create environment");
        assertThat(earlier.offersCheckNow()).isTrue();
        AuditEntryPage checked = earlier.checkNow();
        assertThat(checked.checked()).contains("may still be in flight, so that proves nothing");
        assertThat(checked.stepOutcomes()).containsExactly("Started", "Unknown");
    }

    @Test
    void createWhenTheGatewayFailsAfterLaunchDarklyCreatedItThenTheCreatedPageNotAFormToSendAgain() {
        signInOnce("grace", "Grace Hopper", "ld-portal-editors");
        LaunchDarklySandbox.shared().failNextAfterHandling(ENVIRONMENTS, 502);

        EnvironmentCreatedPage created = EnvironmentForm.open(browser, portal(), "mobile-app")
            .typeName("After All QA")
            .submit();

        assertThat(created.key()).isEqualTo("after-all-qa");
        assertThat(created.clientSideId()).isNotBlank();
    }

}
