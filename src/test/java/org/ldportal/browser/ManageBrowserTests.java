package org.ldportal.browser;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ldportal.browser.pages.DeleteConfirmationPage;
import org.ldportal.browser.pages.EnvironmentEditPage;
import org.ldportal.browser.pages.GeneratedFormEditPage;
import org.ldportal.browser.pages.ResourcePage;
import org.ldportal.sandbox.LaunchDarklySandbox;
import org.ldportal.testsupport.Axe;
import org.ldportal.testsupport.BrowserTest;
import org.openqa.selenium.By;

import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finding, pausing, editing and deleting what exists, in a real browser against the
 * sandbox, as an editor: each action, each refusal (changed meanwhile, a mistyped
 * confirmation, a field LaunchDarkly would refuse), every page checked with axe.
 */
class ManageBrowserTests extends BrowserTest {

    private final LaunchDarklySandbox sandbox = LaunchDarklySandbox.shared();

    @BeforeEach
    void signIn() {
        signInOnce("grace", "Grace Hopper", "ld-portal-editors");
    }

    @Test
    void destinationWhenFoundInTheListThenTurnedOffAndOnWithTheChangeMeanwhileRefused() {
        ObjectNode destination = sandbox.seedDestination("web-store", "test", "Store events", "segment",
                Map.of("writeKey", "wk-browser-secret"));
        browser.get(portal() + "/destinations?project=web-store");
        Axe.assertNoSeriousViolations(browser, "destination list");
        browser.findElement(By.linkText("Store events")).click();
        ResourcePage page = new ResourcePage(browser);
        assertThat(page.state()).isEqualTo("On");
        assertThat(page.configValues()).contains("set, hidden");
        assertThat(page.pageSource()).doesNotContain("wk-browser-secret");
        Axe.assertNoSeriousViolations(browser, "destination detail");

        ResourcePage off = page.turn();
        assertThat(off.notice()).contains("is now off");
        assertThat(off.state()).isEqualTo("Off");
        assertThat(off.history()).containsExactly("turn off");

        sandbox.changeDestinationMeanwhile(destination.get("_id").asString());
        ResourcePage refused = off.turn();
        assertThat(refused.problem()).contains("changed in LaunchDarkly since you opened this page");
        assertThat(sandbox.destinations().get(0).get("on").asBoolean()).isFalse();
        Axe.assertNoSeriousViolations(browser, "destination change refused");

        ResourcePage on = refused.reload().turn();
        assertThat(on.state()).isEqualTo("On");
        assertThat(sandbox.destinations().get(0).get("on").asBoolean()).isTrue();
    }

    @Test
    void destinationWhenNameMistypedThenKeptWithTheMessageElseDeleted() {
        ObjectNode destination = sandbox.seedDestination("web-store", "test", "Store events", "segment",
                Map.of("writeKey", "wk-browser-secret"));
        DeleteConfirmationPage confirmation = ResourcePage
            .open(browser, portal() + "/destinations/web-store/test/" + destination.get("_id").asString())
            .delete();
        assertThat(confirmation.losses())
            .anyMatch(loss -> loss.contains("stops exporting the events of environment test"));
        Axe.assertNoSeriousViolations(browser, "delete confirmation");

        DeleteConfirmationPage wrong = confirmation.type("Store").confirmExpectingError();
        assertThat(wrong.error()).contains("This is not the destination's name");
        assertThat(wrong.typed()).isEqualTo("Store");
        assertThat(wrong.ariaInvalid()).isEqualTo("true");
        Axe.assertNoSeriousViolations(browser, "delete confirmation with an error");
        assertThat(sandbox.destinations()).hasSize(1);

        wrong.type("Store events").confirm();
        assertThat(browser.findElement(By.cssSelector("[data-testid=notice]")).getText())
            .isEqualTo("The Data Export destination Store events was deleted.");
        assertThat(browser.findElements(By.cssSelector("[data-testid=destination-row]"))).isEmpty();
        assertThat(sandbox.destinations()).isEmpty();
    }

    @Test
    void destinationWhenEditedThenTheSecretLeftEmptyIsKeptAndOnlyTheChangeSent() {
        ObjectNode destination = sandbox.seedDestination("mobile-app", "test", "Mobile stream", "kinesis", Map
            .of("region", "us-east-1", "roleArn", "arn:aws:iam::123456789012:role/export", "streamName", "events"));
        ResourcePage page = ResourcePage.open(browser,
                portal() + "/destinations/mobile-app/test/" + destination.get("_id").asString());
        assertThat(page.offers("edit")).isTrue();
        browser.findElement(By.cssSelector("[data-testid=edit]")).click();
        GeneratedFormEditPage edit = new GeneratedFormEditPage(browser);
        assertThat(edit.name()).isEqualTo("Mobile stream");
        assertThat(edit.config("streamName")).isEqualTo("events");
        Axe.assertNoSeriousViolations(browser, "destination edit");

        ResourcePage saved = edit.fill("streamName", "events-eu").save();

        assertThat(saved.notice()).isEqualTo("The destination Mobile stream was changed.");
        assertThat(saved.configValues()).contains("events-eu");
        assertThat(sandbox.requests()).filteredOn(request -> request.method().equals("PATCH"))
            .singleElement()
            .satisfies(
                    patch -> assertThat(patch.body()).contains("/config/streamName").doesNotContain("/config/region"));
    }

    @Test
    void environmentWhenEditedThenOnlyTheChangeSentAndAnInvalidColourRefusedAtTheField() {
        browser.get(portal() + "/environments?project=web-store");
        Axe.assertNoSeriousViolations(browser, "environment list");
        browser.findElement(By.linkText("Staging")).click();
        ResourcePage staging = new ResourcePage(browser);
        assertThat(staging.offers("delete")).as("deleting an environment is for admins").isFalse();

        EnvironmentEditPage edit = staging.edit();
        assertThat(edit.name()).isEqualTo("Staging");
        Axe.assertNoSeriousViolations(browser, "environment edit");
        EnvironmentEditPage refused = edit.colour("green").saveExpectingErrors();
        assertThat(refused.errorAt("color")).contains("6 hexadecimal digits");
        assertThat(sandbox.requests()).noneMatch(request -> request.method().equals("PATCH"));

        ResourcePage saved = refused.colour("417505").rename("Staging EU").tags("eu").save();
        assertThat(saved.notice()).isEqualTo("The environment Staging EU was changed.");
        assertThat(saved.name()).isEqualTo("Staging EU");
        assertThat(saved.history()).containsExactly("update");
        assertThat(sandbox.requests()).filteredOn(request -> request.method().equals("PATCH"))
            .singleElement()
            .satisfies(
                    patch -> assertThat(patch.body()).contains("\"/name\"", "\"/tags\"").doesNotContain("\"/color\""));
    }

    @Test
    void environmentApprovalSettingsWhenEditedThenRefusedBothWaysAtOnceAndSavedAndShown() {
        browser.get(portal() + "/environments/web-store/staging");
        ResourcePage staging = new ResourcePage(browser);
        assertThat(staging.detail("minNumApprovals")).isEqualTo("1");
        EnvironmentEditPage edit = staging.edit();
        assertThat(edit.ticked("canApplyDeclinedChanges")).as("as LaunchDarkly answered it").isTrue();

        EnvironmentEditPage refused = edit.tick("approvalsRequired", true)
            .type("approvalTags", "needs-review")
            .saveExpectingErrors();
        assertThat(refused.errorAt("approvalTags")).contains("not both");
        Axe.assertNoSeriousViolations(browser, "environment edit with approval errors");
        assertThat(sandbox.requests()).noneMatch(request -> request.method().equals("PATCH"));

        ResourcePage saved = refused.type("approvalTags", "").type("minNumApprovals", "2").save();
        assertThat(saved.notice()).isEqualTo("The environment Staging was changed.");
        assertThat(saved.detail("approvalsRequired")).isEqualTo("yes");
        assertThat(saved.detail("minNumApprovals")).isEqualTo("2");
        assertThat(saved.history()).containsExactly("update");
        assertThat(sandbox.requests()).filteredOn(request -> request.method().equals("PATCH"))
            .singleElement()
            .satisfies(patch -> assertThat(patch.body())
                .contains("\"/approvalSettings/required\"", "\"/approvalSettings/minNumApprovals\"")
                .doesNotContain("\"/name\"", "requiredApprovalTags"));
    }

    @Test
    void configurationWhenRenamedThenItsTickedEventsAndChosenEnvironmentStayAndArePutInWords() {
        ObjectNode configuration = sandbox.seedConfiguration("pager-alerts", "Pages",
                Map.of("routingKey", "rk-browser-secret", "severity", "error", "eventFilter",
                        List.of("rollout-regression", "flag-archived"), "projectAndEnv",
                        Map.of("projectKey", "mobile-app", "environmentKey", "production"), "escalate", false));
        String path = portal() + "/integrations/pager-alerts/configurations/" + configuration.get("_id").asString();

        GeneratedFormEditPage edit = GeneratedFormEditPage.open(browser, path + "/edit");
        assertThat(edit.ticked("eventFilter")).containsExactly("rollout-regression", "flag-archived");
        assertThat(edit.config("projectAndEnv")).isEqualTo("mobile-app/production");
        Axe.assertNoSeriousViolations(browser, "configuration edit");

        ResourcePage saved = edit.rename("Pages EU").save();
        assertThat(saved.notice()).contains("was changed");
        assertThat(saved.configValues()).contains("Mobile App / Production", "Rollout regressed, Flag archived");
        assertThat(saved.pageSource()).doesNotContain("rk-browser-secret", "{projectKey=");
        assertThat(sandbox.requests()).filteredOn(request -> request.method().equals("PATCH"))
            .singleElement()
            .satisfies(patch -> assertThat(patch.body()).contains("\"/name\"")
                .doesNotContain("eventFilter", "projectAndEnv", "remove"));
    }

    @Test
    void subscriptionWhenItsPolicyIsEditedThenThePageListsTheNewPolicy() {
        ObjectNode subscription = sandbox.seedSubscription("log-stream", "Audit to logs", Map.of("base-url",
                "https://logs.example.com", "token", "log-browser-secret", "skip-ca-verification", false), 0, 0);
        browser
            .get(portal() + "/integrations/log-stream/subscriptions/" + subscription.get("_id").asString() + "/edit");
        Axe.assertNoSeriousViolations(browser, "subscription edit");
        browser.findElement(By.cssSelector("button[value=preset-all-flags]")).click();
        org.ldportal.testsupport.Browser.submitAndWait(browser,
                browser.findElement(By.cssSelector("[data-testid=submit]")));

        ResourcePage saved = new ResourcePage(browser);
        assertThat(saved.notice()).contains("was changed");
        assertThat(browser.findElements(By.cssSelector("[data-testid=statement-summary]"))).extracting(e -> e.getText())
            .containsExactly("allow: proj/*:env/*:flag/* (*)");
        assertThat(saved.pageSource()).doesNotContain("log-browser-secret");
    }

    @Test
    void subscriptionWhenOnTheIntegrationsPageThenDeliveriesShownTurnedOffAndDeleted() {
        sandbox.seedSubscription("log-stream", "Audit to logs", Map.of("base-url", "https://logs.example.com", "token",
                "log-browser-secret", "skip-ca-verification", false), 12, 1);
        browser.get(portal() + "/integrations/log-stream");
        Axe.assertNoSeriousViolations(browser, "integration page");
        assertThat(browser.findElement(By.cssSelector("[data-testid=delivered]")).getText()).isEqualTo("12");
        assertThat(browser.findElement(By.cssSelector("[data-testid=failed]")).getText()).isEqualTo("1");
        browser.findElement(By.linkText("Audit to logs")).click();
        ResourcePage subscription = new ResourcePage(browser);
        assertThat(subscription.pageSource()).doesNotContain("log-browser-secret");

        assertThat(subscription.turn().state()).isEqualTo("Off");
        new ResourcePage(browser).delete().type("Audit to logs").confirm();
        assertThat(browser.findElement(By.cssSelector("[data-testid=notice]")).getText())
            .isEqualTo("The audit-log subscription Audit to logs was deleted.");
        assertThat(sandbox.subscriptions("log-stream")).isEmpty();
    }

}
