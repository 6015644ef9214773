package org.ldportal.browser;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ldportal.browser.pages.AuditListPage;
import org.ldportal.browser.pages.DestinationCreatedPage;
import org.ldportal.browser.pages.DestinationForm;
import org.ldportal.browser.pages.EnvironmentCreatedPage;
import org.ldportal.browser.pages.EnvironmentForm;
import org.ldportal.browser.pages.ReviewPage;
import org.ldportal.browser.pages.SiteHeader;
import org.ldportal.sandbox.LaunchDarklySandbox;
import org.ldportal.testsupport.Browser;
import org.ldportal.testsupport.EmbeddedPostgresDatabase;
import org.ldportal.testsupport.PortalInstances;
import org.ldportal.testsupport.SwitchingProxy;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the portal on one PostgreSQL, as behind a load balancer: signed in on
 * the first, a person goes on on the second (the session is in the database), fills a
 * form there with a secret, and sends it from its review page to the first, which finds
 * the kept secret and the form's one-time token; the trail is the same on both.
 */
class TwoInstancesBrowserTests {

    private static final List<ConfigurableApplicationContext> instances = new ArrayList<>();

    private static String first;

    private static String second;

    private static ChromeDriver browser;

    private static SwitchingProxy balancer;

    @BeforeAll
    static void startTwoPortalsOnOneDatabase() throws java.io.IOException {
        String database = EmbeddedPostgresDatabase.newDatabaseUrl();
        first = start(database);
        second = start(database);
        balancer = new SwitchingProxy(first);
        browser = Browser.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (balancer != null) {
            balancer.close();
        }
        instances.forEach(ConfigurableApplicationContext::close);
    }

    private static String start(String database) {
        List<String> settings = new ArrayList<>(List.of("--server.port=0",
                "--portal.launchdarkly.directory-cache-ttl=0s", PortalInstances.SHARED_SECRETS_KEY));
        settings.addAll(PortalInstances.onPostgres(database));
        ConfigurableApplicationContext portal = PortalInstances.start(settings);
        instances.add(portal);
        return "http://localhost:" + PortalInstances.portOf(portal);
    }

    @Test
    void signedInOnTheFirstThenTheSecondGoesOnAndAFormFilledThereIsCreatedByTheFirst() {
        LaunchDarklySandbox.shared().reset();
        String portal = balancer.url();
        balancer.sendTo(first);
        Browser.signIn(browser, portal, "grace", Browser.claims("Grace Hopper", "ld-portal-editors"));

        balancer.sendTo(second);
        DestinationForm form = DestinationForm.open(browser, portal)
            .chooseProject("Mobile App")
            .chooseEnvironment("test")
            .typeName("Hub across instances")
            .chooseKind("azure-event-hubs")
            .fill("namespace", "hub-namespace")
            .fill("name", "flag-events")
            .fill("policyName", "send")
            .fill("policyKey", "azure-key-across-9");
        assertThat(new SiteHeader(browser).userName()).as("signed in on the second instance too")
            .isEqualTo("Grace Hopper");
        ReviewPage review = form.review();
        assertThat(review.pageSource()).doesNotContain("azure-key-across-9");

        // "Create" reaches the first instance, as a load balancer may send it: the secret
        // the second kept, the
        // form's one-time token and the CSRF token are all in the database.
        balancer.sendTo(first);
        review.create();

        assertThat(new DestinationCreatedPage(browser).name()).isEqualTo("Hub across instances");
        assertThat(LaunchDarklySandbox.shared().requests()).filteredOn(request -> request.method().equals("POST"))
            .singleElement()
            .satisfies(request -> assertThat(request.body()).contains("azure-key-across-9"));

        balancer.sendTo(second);
        AuditListPage trail = AuditListPage.open(browser, portal);
        assertThat(trail.rows()).anyMatch(row -> row.contains("Hub across instances"));

        // And the other way round: created on the second, in the trail the first shows.
        EnvironmentCreatedPage created = EnvironmentForm.open(browser, portal, "web-store")
            .typeName("QA across instances")
            .submit();
        assertThat(created.key()).isEqualTo("qa-across-instances");
        balancer.sendTo(first);
        assertThat(AuditListPage.open(browser, portal).rows()).anyMatch(row -> row.contains("QA across instances"));
    }

}
