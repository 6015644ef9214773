package org.ldportal.launchdarkly;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every request body the client builds, as it goes over the wire, checked against the
 * request schema of its operation in LaunchDarkly's OpenAPI spec (the team's reference
 * copy beside the checkout).
 */
class RequestBodiesMatchSpecTests {

    private static final Path SPEC = Path.of("..", "shared", "ld", "openapi-portal.json");

    private final JsonMapper json = JsonMapper.builder().build();

    private WireMockServer wiremock;

    @BeforeEach
    void start() {
        wiremock = new WireMockServer(options().dynamicPort());
        wiremock.start();
        wiremock.stubFor(any(anyUrl()).willReturn(okJson("{}")));
    }

    @AfterEach
    void stop() {
        wiremock.stop();
    }

    @Test
    void everyPostBodyWhenCheckedAgainstTheSpecThenNoProblems() throws Exception {
        assumeTrue(Files.isRegularFile(SPEC), "Skipped: LaunchDarkly's OpenAPI spec is not at " + SPEC.toAbsolutePath()
                + " (the shared reference folder beside the checkout is absent)");
        OpenApiSchemaCheck check = new OpenApiSchemaCheck(json.readTree(Files.readString(SPEC)));
        LaunchDarklyClient client = LaunchDarklyClientTests.client(wiremock.baseUrl(), Duration.ofSeconds(2));
        PolicyStatement statement = new PolicyStatement("allow", List.of("proj/*:env/production:flag/*"), null,
                List.of("*"), null);

        client.createEnvironment("p", new EnvironmentPost("QA", "qa", "00ff00", 5, true, false, true, true,
                List.of("a"), new EnvironmentPost.SourceEnvironment("test", 3), false));
        client.createDestination("p", "e", new DestinationPost("Kinesis", "kinesis",
                Map.of("region", "us-east-1", "roleArn", "arn:aws:iam::123456789012:role/x", "streamName", "s"), true));
        client.warehouseSetupScript("p", "e", "redshift", new WarehouseSetupRequest("Redshift", null, "LD", "WH",
                "ROLE", "EVENTS", "LD_USER", false, "cluster-1", "us-east-1", "123456789012"));
        client.completeWarehouseSetup("p", "e", "snowflake-v2", "PUBLIC-KEY");
        client.createIntegrationConfiguration("acme",
                new IntegrationConfigurationPost("Acme", true, List.of("t"), Map.of("URL", "https://x.example"),
                        new IntegrationConfigurationPost.CapabilityConfig(
                                new IntegrationConfigurationPost.Approvals(
                                        List.of(Map.of("key", "k", "name", "K", "type", "string"))),
                                new IntegrationConfigurationPost.AuditLogEventsHook(List.of(statement)))));
        client.createSubscription("log-stream",
                new SubscriptionPost("Logs", Map.of("token", "t"), List.of(statement), true, List.of("audit")));

        List<LoggedRequest> posts = wiremock.getAllServeEvents()
            .stream()
            .map(event -> event.getRequest())
            .filter(request -> request.getMethod().getName().equals("POST"))
            .toList();
        assertThat(posts).hasSize(6);
        for (LoggedRequest request : posts) {
            String template = check.templateFor("post", request.getUrl());
            assertThat(template).as("operation in the spec for POST %s", request.getUrl()).isNotNull();
            JsonNode schema = check.requestSchema("post", template);
            assertThat(schema.isMissingNode()).as("request schema of POST %s", template).isFalse();
            JsonNode body = json.readTree(request.getBodyAsString());
            assertThat(check.problems(body, schema)).as("body of POST %s: %s", template, body).isEmpty();
        }
    }

    @Test
    void schemaCheckWhenFieldMisspeltThenReported() throws Exception {
        assumeTrue(Files.isRegularFile(SPEC),
                "Skipped: LaunchDarkly's OpenAPI spec is not at " + SPEC.toAbsolutePath());
        OpenApiSchemaCheck check = new OpenApiSchemaCheck(json.readTree(Files.readString(SPEC)));
        JsonNode schema = check.requestSchema("post", "/api/v2/projects/{projectKey}/environments");

        assertThat(check.problems(json.readTree("{\"name\":\"QA\",\"key\":\"qa\",\"colour\":\"00ff00\"}"), schema))
            .contains("$.colour: not a property of the schema", "$.color: required");
        assertThat(check.problems(
                json.readTree("{\"name\":\"QA\",\"key\":\"qa\",\"color\":\"00ff00\",\"defaultTtl\":\"5\"}"), schema))
            .containsExactly("$.defaultTtl: expected an integer");
    }

}
