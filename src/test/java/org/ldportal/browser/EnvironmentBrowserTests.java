package org.ldportal.browser;

import org.junit.jupiter.api.Test;
import org.ldportal.browser.pages.EnvironmentCreatedPage;
import org.ldportal.browser.pages.EnvironmentForm;
import org.ldportal.testsupport.BrowserTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Creating an environment in a real browser against the sandbox: the derived key,
 * success, then the conflict.
 */
class EnvironmentBrowserTests extends BrowserTest {

    @Test
    void createWhenNameTypedThenKeyDerivedCreatedAndSameKeyAgainShowsConflictInline() {
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

        EnvironmentForm again = EnvironmentForm.open(browser, portal(), "mobile-app")
            .typeName("QA Europe")
            .submitExpectingErrors();

        assertThat(again.errorAt("key"))
            .contains("An environment with key qa-europe already exists in project Mobile App")
            .contains("Try qa-europe-2");
        assertThat(again.ariaInvalid("key")).isEqualTo("true");
        assertThat(again.ariaDescribedBy("key")).contains("key-error");
        assertThat(again.name()).isEqualTo("QA Europe");
        assertThat(again.key()).isEqualTo("qa-europe");
    }

}
