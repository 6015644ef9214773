package org.ldportal.browser;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ldportal.browser.pages.DestinationCreatedPage;
import org.ldportal.browser.pages.DestinationForm;
import org.ldportal.browser.pages.DestinationSetupPage;
import org.ldportal.browser.pages.ReviewPage;
import org.ldportal.sandbox.LaunchDarklySandbox;
import org.ldportal.testsupport.Browser;
import org.ldportal.testsupport.BrowserTest;
import org.openqa.selenium.chrome.ChromeDriver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Data Export destinations in a real browser against the sandbox: every kind, field
 * switching, the conflict.
 */
class DestinationBrowserTests extends BrowserTest {

    @BeforeEach
    void signIn() {
        signInOnce("grace", "Grace Hopper", "ld-portal-editors");
    }

    @ParameterizedTest
    @ValueSource(strings = { "google-pubsub", "kinesis", "azure-event-hubs", "mparticle", "segment", "snowflake-v2",
            "databricks", "bigquery", "redshift" })
    void createWhenEachKindFilledInThenCreatedInTheSandbox(String kind) {
        DestinationForm form = openForm("Web Store", "staging", "Events for " + kind).chooseKind(kind);
        fields(kind).forEach(form::fill);

        DestinationCreatedPage created;
        if (kind.equals("snowflake-v2") || kind.equals("redshift")) {
            DestinationSetupPage setup = form.submitForSetup();
            assertThat(setup.script()).contains("CREATE");
            if (kind.equals("redshift")) {
                assertThat(setup.trustPolicy()).contains("sts:AssumeRole");
            }
            created = setup.complete();
        }
        else {
            created = form.submit();
        }

        assertThat(created.name()).isEqualTo("Events for " + kind);
        assertThat(LaunchDarklySandbox.shared().destinations()).singleElement()
            .satisfies(destination -> assertThat(destination.get("kind").asString()).isEqualTo(kind));
    }

    @Test
    void reviewWhenChangeSomethingThenBackToTheFilledFormAndCreateSendsTheKeptSecret() {
        DestinationForm form = openForm("Mobile App", "production", "Hub for review").chooseKind("azure-event-hubs");
        fields("azure-event-hubs").forEach(form::fill);

        ReviewPage review = form.review();
        assertThat(review.target()).containsEntry("Environment", "Production (production)");
        assertThat(review.fields()).containsEntry("Name", "Hub for review")
            .containsEntry("Shared access policy key", "set, hidden");
        assertThat(review.warnings()).anyMatch(warning -> warning.contains("looks like a production environment"));
        assertThat(review.call()).isEqualTo("POST /api/v2/destinations/mobile-app/production");
        assertThat(review.pageSource()).doesNotContain(fields("azure-event-hubs").get("policyKey"));
        assertThat(LaunchDarklySandbox.shared().destinations()).as("sent before Create").isEmpty();

        review.changeSomething();
        DestinationForm again = new DestinationForm(browser);
        assertThat(again.name()).isEqualTo("Hub for review");
        assertThat(again.configValue("namespace")).isEqualTo(fields("azure-event-hubs").get("namespace"));
        assertThat(again.configValue("policyKey")).as("secrets are not written back").isEmpty();
        again.typeName(" v2");

        ReviewPage second = again.review();
        assertThat(second.fields()).containsEntry("Name", "Hub for review v2")
            .containsEntry("Shared access policy key", "set, hidden");
        second.create();

        assertThat(new DestinationCreatedPage(browser).name()).isEqualTo("Hub for review v2");
        assertThat(LaunchDarklySandbox.shared().requests()).filteredOn(request -> request.method().equals("POST"))
            .singleElement()
            .satisfies(request -> assertThat(request.body()).contains(fields("azure-event-hubs").get("policyKey")));
    }

    @Test
    void kindChangedWithJavaScriptThenFieldsSwapInPlaceAndSharedValuesStay() {
        DestinationForm form = openForm("Mobile App", "test", "Warehouse").chooseKind("snowflake-v2")
            .fill("databaseName", "ANALYTICS")
            .chooseKind("redshift");

        assertThat(form.hasConfigField("snowflakeHostAddress")).isFalse();
        assertThat(form.isConfigFieldDisplayed("clusterIdentifier")).isTrue();
        assertThat(form.configValue("databaseName")).isEqualTo("ANALYTICS");
        assertThat(form.name()).isEqualTo("Warehouse");
        assertThat(form.isNoScriptButtonDisplayed()).as("no-JS button hidden").isFalse();
    }

    @Test
    void kindChangedWithoutJavaScriptThenShowFieldsButtonRoundTrips() {
        ChromeDriver noScript = Browser.start(false);
        try {
            Browser.signIn(noScript, portal(), "alan", Browser.claims("Alan Turing", "ld-portal-editors"));
            DestinationForm form = DestinationForm.open(noScript, portal())
                .chooseProject("Mobile App")
                .showEnvironments()
                .chooseEnvironment("production")
                .typeName("No script")
                .chooseKind("google-pubsub")
                .showFields();

            assertThat(form.isConfigFieldDisplayed("project")).isTrue();
            assertThat(form.name()).isEqualTo("No script");

            DestinationCreatedPage created = form.fill("project", "analytics").fill("topic", "flags").submit();
            assertThat(created.kind()).isEqualTo("Google Cloud Pub/Sub");
        }
        finally {
            noScript.quit();
        }
    }

    @Test
    void secondDestinationInOneEnvironmentThenFoundOnTheReviewAtTheEnvironmentWithValuesKept() {
        // submit() returns only once the created page is there: the environment has its
        // destination.
        openForm("Mobile App", "production", "First").chooseKind("segment").fill("writeKey", "wk-first-1234").submit();

        DestinationForm second = openForm("Mobile App", "production", "Second").chooseKind("azure-event-hubs");
        fields("azure-event-hubs").forEach(second::fill);
        ReviewPage review = second.review();

        assertThat(review.mayCreate()).isFalse();
        assertThat(review.checkAt("Environment"))
            .contains("This environment has a Data Export destination already: First")
            .contains("LaunchDarkly allows one per environment");
        String secret = fields("azure-event-hubs").get("policyKey");
        assertThat(review.pageSource()).doesNotContain(secret);
        review.changeSomething();
        DestinationForm kept = new DestinationForm(browser);
        assertThat(kept.configValue("namespace")).isEqualTo("hub-namespace");
        assertThat(kept.configValue("policyKey")).as("secrets are not written back").isEmpty();
        assertThat(kept.pageSource()).doesNotContain(secret);
    }

    private DestinationForm openForm(String project, String environment, String name) {
        return DestinationForm.open(browser, portal())
            .chooseProject(project)
            .chooseEnvironment(environment)
            .typeName(name);
    }

    /** What to fill into each field of a kind, by config key. */
    private static Map<String, String> fields(String kind) {
        Map<String, String> fields = new LinkedHashMap<>();
        switch (kind) {
            case "google-pubsub" -> {
                fields.put("project", "analytics-prod");
                fields.put("topic", "flag-events");
            }
            case "kinesis" -> {
                fields.put("region", "eu-west-1");
                fields.put("roleArn", "arn:aws:iam::123456789012:role/launchdarkly");
                fields.put("streamName", "flag-events");
            }
            case "azure-event-hubs" -> {
                fields.put("namespace", "hub-namespace");
                fields.put("name", "flag-events");
                fields.put("policyName", "send");
                fields.put("policyKey", "azure-secret-key-99");
            }
            case "mparticle" -> {
                fields.put("apiKey", "mp-key");
                fields.put("secret", "mp-secret");
                fields.put("userIdentity", "customer_id");
                fields.put("anonymousUserIdentity", "other");
                fields.put("environment", "development");
            }
            case "segment" -> fields.put("writeKey", "wk-123456");
            case "snowflake-v2" -> {
                fields.put("snowflakeHostAddress", "https://acct.eu-west-1.snowflakecomputing.com");
                fields.put("databaseName", "LAUNCHDARKLY");
            }
            case "databricks", "bigquery" -> fields.put("config", "{\"dataset\": \"flags\"}");
            case "redshift" -> {
                fields.put("clusterIdentifier", "analytics");
                fields.put("clusterRegion", "us-east-1");
                fields.put("clusterAwsAccountId", "123456789012");
            }
            default -> throw new IllegalArgumentException(kind);
        }
        return fields;
    }

}
