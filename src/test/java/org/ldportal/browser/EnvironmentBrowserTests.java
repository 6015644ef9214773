package org.ldportal.browser;

import org.junit.jupiter.api.Test;
import org.ldportal.browser.pages.EnvironmentCreatedPage;
import org.ldportal.browser.pages.EnvironmentForm;
import org.ldportal.browser.pages.ReviewPage;
import org.ldportal.testsupport.Axe;
import org.ldportal.testsupport.BrowserTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Creating an environment in a real browser against the sandbox: the derived key,
 * success, then the conflict.
 */
class EnvironmentBrowserTests extends BrowserTest {

    @Test
    void createWhenNameTypedThenKeyDerivedCreatedAndSameKeyAgainIsFoundTakenOnTheReviewWithTheFormKept() {
        signInOnce("grace", "Grace Hopper", "ld-portal-editors");

        // Choosing the project swaps in its environments for "copy settings from",
        // without a reload.
        EnvironmentForm form = EnvironmentForm.open(browser, portal()).chooseProject("Mobile App");
        assertThat(form.copySettingsChoices()).contains("Production (production)");
        form.typeName("QA Europe");
        assertThat(form.key()).isEqualTo("qa-europe");
        EnvironmentCreatedPage created = form.typeTags("team-a").copySettingsFrom("test").submit();

        assertThat(created.key()).isEqualTo("qa-europe");
        assertThat(created.clientSideId()).isNotBlank();

        // The same key again: the review asks LaunchDarkly, which has it now, and offers
        // only to change something; the form comes back as it was typed.
        ReviewPage taken = EnvironmentForm.open(browser, portal(), "mobile-app").typeName("QA Europe").review();
        assertThat(taken.mayCreate()).isFalse();
        assertThat(taken.checkAt("Key")).contains("The key qa-europe is taken in Mobile App")
            .contains("such as qa-europe-2");
        Axe.assertNoSeriousViolations(browser, "a review LaunchDarkly would refuse");

        taken.changeSomething();
        EnvironmentForm again = new EnvironmentForm(browser);
        assertThat(again.name()).isEqualTo("QA Europe");
        assertThat(again.key()).isEqualTo("qa-europe");
    }

}
