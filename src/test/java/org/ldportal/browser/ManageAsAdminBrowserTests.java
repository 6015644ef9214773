package org.ldportal.browser;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ldportal.browser.pages.DeleteConfirmationPage;
import org.ldportal.browser.pages.GeneratedFormEditPage;
import org.ldportal.browser.pages.ResourcePage;
import org.ldportal.sandbox.LaunchDarklySandbox;
import org.ldportal.testsupport.Axe;
import org.ldportal.testsupport.BrowserTest;
import org.openqa.selenium.By;

import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * As an admin: deleting an environment after typing its key, editing and turning off an
 * integration configuration.
 */
class ManageAsAdminBrowserTests extends BrowserTest {

    private final LaunchDarklySandbox sandbox = LaunchDarklySandbox.shared();

    @BeforeEach
    void signIn() {
        signInOnce("ada", "Ada Admin", "ld-portal-admins");
    }

    @Test
    void environmentWhenKeyTypedThenDeletedAndGoneFromTheList() {
        ResourcePage environment = ResourcePage.open(browser, portal() + "/environments/web-store/test");
        Axe.assertNoSeriousViolations(browser, "environment detail");
        DeleteConfirmationPage confirmation = environment.delete();
        assertThat(confirmation.losses()).anyMatch(loss -> loss.contains("SDK key"));

        assertThat(confirmation.type("Test").confirmExpectingError().error())
            .contains("This is not the environment's key");
        new DeleteConfirmationPage(browser).type("test").confirm();

        assertThat(browser.findElement(By.cssSelector("[data-testid=notice]")).getText())
            .contains("was deleted from project web-store");
        assertThat(browser.findElements(By.linkText("Test"))).isEmpty();
        assertThat(sandbox.environmentsOf("web-store")).noneMatch(e -> e.get("key").asString().equals("test"));
        Axe.assertNoSeriousViolations(browser, "environment list after a delete");
    }

    @Test
    void configurationWhenEditedThenTheNewValueSentAndTheSecretKept() {
        ObjectNode configuration = sandbox.seedConfiguration("acme-webhooks", "Acme alerts",
                Map.of("URL", "https://hooks.example.com", "signingSecret", "acme-browser-secret", "format", "json"));
        ResourcePage page = ResourcePage.open(browser,
                portal() + "/integrations/acme-webhooks/configurations/" + configuration.get("_id").asString());
        browser.findElement(By.cssSelector("[data-testid=edit]")).click();
        GeneratedFormEditPage edit = new GeneratedFormEditPage(browser);
        assertThat(edit.config("URL")).isEqualTo("https://hooks.example.com");
        assertThat(edit.config("signingSecret")).as("secrets are never written into a page").isEmpty();
        Axe.assertNoSeriousViolations(browser, "integration configuration edit");

        ResourcePage saved = edit.fill("URL", "https://hooks2.example.com").save();

        assertThat(saved.notice()).contains("was changed");
        assertThat(saved.configValues()).contains("https://hooks2.example.com", "set, hidden");
        assertThat(sandbox.requests()).filteredOn(request -> request.method().equals("PATCH"))
            .singleElement()
            .satisfies(patch -> assertThat(patch.body()).contains("/configValues/URL").doesNotContain("signingSecret"));
        assertThat(page.pageSource()).doesNotContain("acme-browser-secret");

        ResourcePage off = saved.turn();
        assertThat(off.state()).isEqualTo("Off");
        assertThat(off.history()).containsExactly("turn off", "update");
        assertThat(sandbox.integrationConfigurations("acme-webhooks").get(0).get("enabled").asBoolean()).isFalse();
        Axe.assertNoSeriousViolations(browser, "integration configuration, turned off");
    }

}
