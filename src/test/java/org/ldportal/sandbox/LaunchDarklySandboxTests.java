package org.ldportal.sandbox;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ldportal.launchdarkly.ApiPage;
import org.ldportal.launchdarkly.Destination;
import org.ldportal.launchdarkly.DestinationPost;
import org.ldportal.launchdarkly.Environment;
import org.ldportal.launchdarkly.EnvironmentPost;
import org.ldportal.launchdarkly.IntegrationConfiguration;
import org.ldportal.launchdarkly.IntegrationConfigurationPost;
import org.ldportal.launchdarkly.LaunchDarklyApiException;
import org.ldportal.launchdarkly.LaunchDarklyClient;
import org.ldportal.launchdarkly.LaunchDarklyProperties;
import org.ldportal.launchdarkly.LaunchDarklyUnreachableException;
import org.ldportal.launchdarkly.PatchOperation;
import org.ldportal.launchdarkly.PolicyStatement;
import org.ldportal.launchdarkly.Project;
import org.ldportal.launchdarkly.Subscription;
import org.ldportal.launchdarkly.SubscriptionPost;
import org.ldportal.launchdarkly.WarehouseSetupRequest;
import org.springframework.web.reactive.function.client.WebClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The sandbox behaves like the API where the portal depends on it, seen through the
 * portal's real client.
 */
class LaunchDarklySandboxTests {

    private final LaunchDarklySandbox sandbox = LaunchDarklySandbox.shared();

    private LaunchDarklyClient client;

    @BeforeEach
    void reset() {
        sandbox.reset();
        client = client(sandbox.token());
    }

    private LaunchDarklyClient client(String token) {
        return new LaunchDarklyClient(
                WebClient.builder(), new LaunchDarklyProperties(URI.create(sandbox.baseUrl()), token, "20240415",
                        Duration.ofSeconds(1), Duration.ofSeconds(1), 3, Duration.ofSeconds(2), Duration.ZERO),
                JsonMapper.builder().build());
    }

    @Test
    void seedThenTwoProjectsWithEnvironments() {
        assertThat(client.listAllProjects()).extracting(Project::key).containsExactly("mobile-app", "web-store");
        assertThat(client.listAllEnvironments("web-store")).extracting(Environment::key)
            .containsExactly("production", "staging", "test");
        ApiPage<Environment> page = client.listEnvironments("web-store", null, 2, 1);
        assertThat(page.items()).extracting(Environment::key).containsExactly("staging", "test");
        assertThat(page.totalCount()).isEqualTo(3);
    }

    @Test
    void wrongTokenThenUnauthorized() {
        LaunchDarklyApiException e = catchThrowableOfType(LaunchDarklyApiException.class,
                () -> client("nope").listAllProjects());
        assertThat(e.status()).isEqualTo(401);
    }

    @Test
    void createEnvironmentThenCreatedCopiedFromSourceAndDuplicateKeyConflicts() {
        Environment created = client.createEnvironment("mobile-app", environment("qa", "test"));

        assertThat(created.key()).isEqualTo("qa");
        assertThat(created.id()).isNotBlank();
        assertThat(sandbox.environmentsOf("mobile-app")).extracting(node -> node.get("key").asString()).contains("qa");
        LaunchDarklyApiException conflict = catchThrowableOfType(LaunchDarklyApiException.class,
                () -> client.createEnvironment("mobile-app", environment("qa", null)));
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.apiMessage()).contains("qa");
    }

    @Test
    void createEnvironmentWhenInvalidThenBadRequestNamingTheField() {
        LaunchDarklyApiException e = catchThrowableOfType(LaunchDarklyApiException.class,
                () -> client.createEnvironment("mobile-app",
                        new EnvironmentPost("QA", "-qa", "00ff00", null, null, null, null, null, null, null, null)));
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.apiMessage()).startsWith("key:");

        e = catchThrowableOfType(LaunchDarklyApiException.class,
                () -> client.createEnvironment("nope", environment("x", null)));
        assertThat(e.status()).isEqualTo(404);
    }

    @Test
    void createDestinationThenOnePerEnvironmentAndRequiredConfigChecked() {
        client.createDestination("mobile-app", "production",
                new DestinationPost("Seg", "segment", Map.of("writeKey", "wk-123"), true));

        LaunchDarklyApiException second = catchThrowableOfType(LaunchDarklyApiException.class,
                () -> client.createDestination("mobile-app", "production",
                        new DestinationPost("Pub", "google-pubsub", Map.of("project", "p", "topic", "t"), true)));
        assertThat(second.status()).isEqualTo(409);

        LaunchDarklyApiException missing = catchThrowableOfType(LaunchDarklyApiException.class,
                () -> client.createDestination("mobile-app", "test",
                        new DestinationPost("M", "mparticle", Map.of("apiKey", "a", "secret", "s", "userIdentity",
                                "customer_id", "anonymousUserIdentity", "other"), true)));
        assertThat(missing.apiMessage()).isEqualTo("config.environment: is required for mparticle");

        LaunchDarklyApiException arn = catchThrowableOfType(LaunchDarklyApiException.class,
                () -> client.createDestination("mobile-app", "test", new DestinationPost("K", "kinesis",
                        Map.of("region", "us-east-1", "roleArn", "nope", "streamName", "s"), true)));
        assertThat(arn.apiMessage()).startsWith("config.roleArn:");
        assertThat(sandbox.destinations()).hasSize(1);
        assertThat(sandbox.destinations().get(0).get("config").get("writeKey").asString()).isEqualTo("********");
    }

    @Test
    void warehouseSetupThenCompleteCreatesTheDestinationAndWithoutSetupNotFound() {
        LaunchDarklyApiException none = catchThrowableOfType(LaunchDarklyApiException.class,
                () -> client.completeWarehouseSetup("web-store", "test", "snowflake-v2", "KEY"));
        assertThat(none.status()).isEqualTo(404);

        var script = client.warehouseSetupScript("web-store", "test", "snowflake-v2", new WarehouseSetupRequest("Snow",
                "https://acct.snowflakecomputing.com", null, null, null, null, null, null, null, null, null));
        assertThat(script.script()).contains("CREATE USER");
        assertThat(script.publicKey()).isNotBlank();
        assertThat(client.completeWarehouseSetup("web-store", "test", "snowflake-v2", script.publicKey()).kind())
            .isEqualTo("snowflake-v2");

        var redshift = client.warehouseSetupScript("web-store", "staging", "redshift", new WarehouseSetupRequest("Red",
                null, null, null, null, null, null, null, "cluster-1", "us-east-1", "123456789012"));
        assertThat(redshift.redshiftIAMTrustPolicy()).contains("sts:AssumeRole");
        assertThat(redshift.s3BucketName()).startsWith("ld-export-cluster-1");
    }

    @Test
    void integrationConfigurationThenManifestRequiredValuesChecked() {
        LaunchDarklyApiException missing = catchThrowableOfType(LaunchDarklyApiException.class,
                () -> client.createIntegrationConfiguration("acme-webhooks", new IntegrationConfigurationPost("Acme",
                        true, List.of(), Map.of("URL", "https://hooks.example.com"), null)));
        assertThat(missing.apiMessage()).isEqualTo("configValues.signingSecret: is required");

        LaunchDarklyApiException notBoolean = catchThrowableOfType(LaunchDarklyApiException.class,
                () -> client.createIntegrationConfiguration("acme-webhooks",
                        new IntegrationConfigurationPost("Acme", true, List.of(), Map.of("URL",
                                "https://hooks.example.com", "signingSecret", "s3cret", "includeDetails", "yes"),
                                null)));
        assertThat(notBoolean.apiMessage()).isEqualTo("configValues.includeDetails: must be a boolean");

        client.createIntegrationConfiguration("acme-webhooks", new IntegrationConfigurationPost("Acme", true, List.of(),
                Map.of("URL", "https://hooks.example.com", "signingSecret", "s3cret", "format", "json"), null));
        assertThat(sandbox.integrationConfigurations("acme-webhooks")).hasSize(1);
    }

    @Test
    void subscriptionThenOnlyForAuditLogHooksAndDependentFieldRequiredWhenShown() {
        PolicyStatement all = new PolicyStatement("allow", List.of("proj/*:env/*:flag/*"), null, List.of("*"), null);
        LaunchDarklyApiException notHook = catchThrowableOfType(LaunchDarklyApiException.class, () -> client
            .createSubscription("pager-alerts", new SubscriptionPost("P", Map.of(), List.of(all), true, List.of())));
        assertThat(notHook.status()).isEqualTo(400);

        client.createSubscription("log-stream",
                new SubscriptionPost("Logs",
                        Map.of("base-url", "https://logs.example.com", "token", "tok", "skip-ca-verification", false),
                        List.of(all), true, List.of()));
        assertThat(sandbox.subscriptions("log-stream")).hasSize(1);

        LaunchDarklyApiException hidden = catchThrowableOfType(LaunchDarklyApiException.class,
                () -> client.createIntegrationConfiguration("pager-alerts", new IntegrationConfigurationPost("P", true,
                        List.of(), Map.of("routingKey", "rk", "severity", "error", "escalate", true), null)));
        assertThat(hidden.apiMessage()).isEqualTo("configValues.escalationPolicy: is required");
    }

    @Test
    void manifestsThenServedWithKeysAndSandboxUrlFilledIn() {
        List<JsonNode> manifests = client.listIntegrationManifests();

        assertThat(manifests).extracting(m -> m.get("key").asString())
            .contains("acme-webhooks", "log-stream", "pager-alerts");
        JsonNode acme = manifests.stream()
            .filter(m -> m.get("key").asString().equals("acme-webhooks"))
            .findFirst()
            .orElseThrow();
        assertThat(acme.toString()).contains(sandbox.baseUrl() + "/third-party/options/colors");
    }

    @Test
    void faultsThenAnsweredOnceAsAsked() {
        sandbox.failNext("/environments", 500, "internal", "boom");
        LaunchDarklyApiException failed = catchThrowableOfType(LaunchDarklyApiException.class,
                () -> client.createEnvironment("mobile-app", environment("a", null)));
        assertThat(failed.status()).isEqualTo(500);

        sandbox.rateLimitNext("/environments", 7);
        LaunchDarklyApiException limited = catchThrowableOfType(LaunchDarklyApiException.class,
                () -> client.createEnvironment("mobile-app", environment("a", null)));
        assertThat(limited.retryAfter()).contains(Duration.ofSeconds(7));

        sandbox.rateLimitNextUntil("/environments", Instant.now().plusSeconds(60));
        assertThat(catchThrowableOfType(LaunchDarklyApiException.class,
                () -> client.createEnvironment("mobile-app", environment("a", null)))
            .retryAfter()
            .orElseThrow()).isGreaterThan(Duration.ofSeconds(50));

        sandbox.delayNext("/environments", Duration.ofMillis(1500));
        LaunchDarklyUnreachableException slow = catchThrowableOfType(LaunchDarklyUnreachableException.class,
                () -> client.createEnvironment("mobile-app", environment("a", null)));
        assertThat(slow.requestMayHaveArrived()).isTrue();

        assertThat(client.createEnvironment("mobile-app", environment("b", null)).key()).isEqualTo("b");
    }

    @Test
    void integrationConfigurationsWithoutBetaVersionThenRejected() throws Exception {
        // The portal's client always sends beta here; a raw request without it is
        // refused, as by the real API.
        assertThat(sandbox.requests()).isEmpty();
        client.createIntegrationConfiguration("acme-webhooks", new IntegrationConfigurationPost("Acme", true, List.of(),
                Map.of("URL", "https://hooks.example.com", "signingSecret", "s3cret", "format", "json"), null));
        assertThat(sandbox.requests()).last()
            .satisfies(request -> assertThat(request.headers()).containsEntry("ld-api-version", "beta"));

        HttpResponse<String> raw = HttpClient.newHttpClient()
            .send(HttpRequest
                .newBuilder(URI.create(sandbox.baseUrl() + "/api/v2/integration-configurations/keys/acme-webhooks"))
                .header("Authorization", sandbox.token())
                .header("Content-Type", "application/json")
                .header("LD-API-Version", "20240415")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Acme\",\"configValues\":{}}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(raw.statusCode()).isEqualTo(400);
        assertThat(raw.body()).contains("beta");
        assertThat(sandbox.integrationConfigurations("acme-webhooks")).hasSize(1);
    }

    // ---- reading, patching (JSON Patch with version checks) and deleting what exists

    @Test
    void patchEnvironmentWhenTestHoldsThenChangedAndVersionedElseConflictOrBadRequest() {
        // Versions as an account that answers them would; the spec's Environment schema
        // has none (see below).
        sandbox.answerVersions();
        Environment before = client.getEnvironment("mobile-app", "test");
        assertThat(before.version()).isEqualTo(1);

        Environment after = client.patchEnvironment("mobile-app", "test",
                List.of(PatchOperation.test("/name", before.name()), PatchOperation.replace("/name", "QA"),
                        PatchOperation.replace("/critical", true), PatchOperation.add("/tags/0", "team-qa")));

        assertThat(after.name()).isEqualTo("QA");
        assertThat(after.critical()).isTrue();
        assertThat(after.tags()).containsExactly("team-qa");
        assertThat(after.version()).isEqualTo(2);
        assertThat(client.getEnvironment("mobile-app", "test").name()).isEqualTo("QA");

        LaunchDarklyApiException stale = catchThrowableOfType(LaunchDarklyApiException.class,
                () -> client.patchEnvironment("mobile-app", "test",
                        List.of(PatchOperation.test("/_version", 1), PatchOperation.replace("/name", "Late"))));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.apiMessage()).contains("/_version");
        LaunchDarklyApiException unknown = catchThrowableOfType(LaunchDarklyApiException.class, () -> client
            .patchEnvironment("mobile-app", "test", List.of(PatchOperation.replace("/apiKey", "mine"))));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.apiMessage()).contains("/apiKey").contains("not a field that can be changed");
        LaunchDarklyApiException invalid = catchThrowableOfType(LaunchDarklyApiException.class,
                () -> client.patchEnvironment("mobile-app", "test", List.of(PatchOperation.replace("/color", "red"))));
        assertThat(invalid.apiMessage()).startsWith("color:");
        assertThat(client.getEnvironment("mobile-app", "test").version()).as("refused patches change nothing")
            .isEqualTo(2);
    }

    @Test
    void deleteThenGoneForEachKindAndAGetOfItNotFound() {
        client.deleteEnvironment("mobile-app", "test");
        assertThat(
                catchThrowableOfType(LaunchDarklyApiException.class, () -> client.getEnvironment("mobile-app", "test"))
                    .status())
            .isEqualTo(404);

        Destination destination = client.createDestination("web-store", "test",
                new DestinationPost("Seg", "segment", Map.of("writeKey", "wk-123"), true));
        client.deleteDestination("web-store", "test", destination.id());
        assertThat(sandbox.destinations()).isEmpty();

        IntegrationConfiguration configuration = client.createIntegrationConfiguration("acme-webhooks",
                new IntegrationConfigurationPost("Acme", true, List.of(),
                        Map.of("URL", "https://hooks.example.com", "signingSecret", "s3cret", "format", "json"), null));
        client.deleteIntegrationConfiguration(configuration.id());
        assertThat(sandbox.integrationConfigurations("acme-webhooks")).isEmpty();

        Subscription subscription = client.createSubscription("log-stream", logs("Logs"));
        client.deleteSubscription("log-stream", subscription.id());
        assertThat(sandbox.subscriptions("log-stream")).isEmpty();
        assertThat(catchThrowableOfType(LaunchDarklyApiException.class,
                () -> client.deleteSubscription("log-stream", subscription.id()))
            .status()).isEqualTo(404);
    }

    @Test
    void patchDestinationThenTurnedOffWithItsVersionCheckedAndSecretsStillMasked() {
        Destination created = client.createDestination("web-store", "test",
                new DestinationPost("Seg", "segment", Map.of("writeKey", "wk-123"), true));
        Destination read = client.getDestination("web-store", "test", created.id());
        assertThat(read.version()).isEqualTo(1);
        assertThat(read.config()).containsEntry("writeKey", "********");

        Destination off = client.patchDestination("web-store", "test", created.id(),
                List.of(PatchOperation.test("/version", 1), PatchOperation.replace("/on", false),
                        PatchOperation.replace("/config/writeKey", "wk-new")));

        assertThat(off.on()).isFalse();
        assertThat(off.version()).isEqualTo(2);
        assertThat(off.config()).containsEntry("writeKey", "********");
        assertThat(catchThrowableOfType(LaunchDarklyApiException.class,
                () -> client.patchDestination("web-store", "test", created.id(),
                        List.of(PatchOperation.test("/version", 1), PatchOperation.replace("/on", true))))
            .status()).isEqualTo(409);
        assertThat(catchThrowableOfType(LaunchDarklyApiException.class,
                () -> client.patchDestination("web-store", "test", created.id(),
                        List.of(PatchOperation.replace("/config/writeKey", ""))))
            .apiMessage()).isEqualTo("config.writeKey: is required for segment");
        assertThat(catchThrowableOfType(LaunchDarklyApiException.class, () -> client.patchDestination("web-store",
                "test", created.id(), List.of(PatchOperation.replace("/kind", "kinesis"))))
            .status()).isEqualTo(400);
    }

    @Test
    void patchConfigurationAndSubscriptionThenCheckedAgainstTheManifestAndDeliveryStatusReported() {
        sandbox.answerVersions();
        IntegrationConfiguration configuration = client.createIntegrationConfiguration("acme-webhooks",
                new IntegrationConfigurationPost("Acme", true, List.of(),
                        Map.of("URL", "https://hooks.example.com", "signingSecret", "s3cret", "format", "json"), null));
        IntegrationConfiguration paused = client.patchIntegrationConfiguration(configuration.id(),
                List.of(PatchOperation.test("/enabled", true), PatchOperation.replace("/enabled", false),
                        PatchOperation.replace("/configValues/URL", "https://hooks2.example.com")));
        assertThat(paused.enabled()).isFalse();
        assertThat(paused.version()).isEqualTo(2);
        assertThat(paused.configValues()).containsEntry("URL", "https://hooks2.example.com")
            .containsEntry("signingSecret", "********");
        assertThat(catchThrowableOfType(LaunchDarklyApiException.class,
                () -> client.patchIntegrationConfiguration(configuration.id(),
                        List.of(PatchOperation.add("/configValues/nonsense", "red"))))
            .apiMessage()).isEqualTo("configValues.nonsense: is not a field of this integration");

        Subscription subscription = client.createSubscription("log-stream", logs("Logs"));
        assertThat(client.getSubscription("log-stream", subscription.id()).status().errorCount()).isZero();
        Subscription renamed = client.patchSubscription("log-stream", subscription.id(),
                List.of(PatchOperation.test("/_version", 1), PatchOperation.replace("/name", "Audit logs"),
                        PatchOperation.replace("/on", false)));
        assertThat(renamed.name()).isEqualTo("Audit logs");
        assertThat(renamed.on()).isFalse();
        LaunchDarklyApiException readOnly = catchThrowableOfType(LaunchDarklyApiException.class, () -> client
            .patchSubscription("log-stream", subscription.id(), List.of(PatchOperation.replace("/kind", "other"))));
        assertThat(readOnly.status()).isEqualTo(400);
        assertThat(readOnly.apiMessage()).contains("/kind");
    }

    private static SubscriptionPost logs(String name) {
        PolicyStatement all = new PolicyStatement("allow", List.of("proj/*:env/*:flag/*"), null, List.of("*"), null);
        return new SubscriptionPost(name,
                Map.of("base-url", "https://logs.example.com", "token", "tok", "skip-ca-verification", false),
                List.of(all), true, List.of());
    }

    private static EnvironmentPost environment(String key, String source) {
        return new EnvironmentPost(key.toUpperCase(), key, "00ff00", 5, true, null, null, null, List.of("team"),
                source == null ? null : new EnvironmentPost.SourceEnvironment(source, null), null);
    }

}
