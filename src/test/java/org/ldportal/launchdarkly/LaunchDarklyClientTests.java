package org.ldportal.launchdarkly;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.web.reactive.function.client.WebClient;

import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Every operation's request (method, path, headers, body) and every error case, against
 * WireMock.
 */
@ExtendWith(OutputCaptureExtension.class)
class LaunchDarklyClientTests {

    private static final String TOKEN = "api-0123-test-token";

    private static WireMockServer wiremock;

    private LaunchDarklyClient client;

    @BeforeAll
    static void startWireMock() {
        wiremock = new WireMockServer(options().dynamicPort());
        wiremock.start();
    }

    @AfterAll
    static void stopWireMock() {
        wiremock.stop();
    }

    @BeforeEach
    void newClient() {
        wiremock.resetAll();
        client = client(wiremock.baseUrl(), Duration.ofSeconds(1));
    }

    static LaunchDarklyClient client(String baseUrl, Duration responseTimeout) {
        return new LaunchDarklyClient(
                WebClient.builder(), new LaunchDarklyProperties(URI.create(baseUrl), TOKEN, "20240415",
                        Duration.ofSeconds(1), responseTimeout, 3, Duration.ofSeconds(2), Duration.ZERO),
                JsonMapper.builder().build());
    }

    private static void stub(MappingBuilder request, ResponseDefinitionBuilder response) {
        wiremock.stubFor(request.willReturn(response));
    }

    @Nested
    class Requests {

        @Test
        void listProjectsThenGetWithPagingTokenAsIsAndApiVersion() {
            stub(get(urlPathEqualTo("/api/v2/projects")), okJson("""
                    {"items":[{"_id":"p1","key":"mobile-app","name":"Mobile App","tags":["a"],"unknownField":1}],
                     "totalCount":1,"_links":{}}"""));

            ApiPage<Project> page = client.listProjects(20, 40);

            assertThat(page.items()).containsExactly(new Project("p1", "mobile-app", "Mobile App", List.of("a")));
            assertThat(page.totalCount()).isEqualTo(1);
            wiremock.verify(getRequestedFor(urlEqualTo("/api/v2/projects?limit=20&offset=40"))
                .withHeader("Authorization", equalTo(TOKEN))
                .withHeader("LD-API-Version", equalTo("20240415")));
        }

        @Test
        void listAllProjectsThenFollowsPagesUntilTotalCount() {
            StringBuilder first = new StringBuilder("{\"items\":[");
            for (int i = 0; i < 50; i++) {
                first.append(i > 0 ? "," : "").append("{\"key\":\"p").append(i).append("\",\"name\":\"P\"}");
            }
            stub(get(urlEqualTo("/api/v2/projects?limit=50&offset=0")), okJson(first + "],\"totalCount\":51}"));
            stub(get(urlEqualTo("/api/v2/projects?limit=50&offset=50")),
                    okJson("{\"items\":[{\"key\":\"last\"}],\"totalCount\":51}"));

            assertThat(client.listAllProjects()).hasSize(51).last().extracting(Project::key).isEqualTo("last");
        }

        @Test
        void listEnvironmentsThenFilterSentAndSdkKeysNotMapped() {
            stub(get(urlPathEqualTo("/api/v2/projects/mobile-app/environments")),
                    okJson("""
                            {"items":[{"_id":"cid","key":"production","name":"Production","color":"ff0000","apiKey":"sdk-secret",
                             "mobileKey":"mob-secret","defaultTtl":5,"critical":true,"tags":[]}],"totalCount":1}"""));

            ApiPage<Environment> page = client.listEnvironments("mobile-app", "query:prod", 10, 0);

            assertThat(page.items().get(0).toString()).doesNotContain("sdk-secret").doesNotContain("mob-secret");
            assertThat(page.items().get(0).critical()).isTrue();
            wiremock.verify(getRequestedFor(urlPathEqualTo("/api/v2/projects/mobile-app/environments"))
                .withQueryParam("limit", equalTo("10"))
                .withQueryParam("offset", equalTo("0"))
                .withQueryParam("filter", equalTo("query:prod")));
        }

        @Test
        void listAllEnvironmentsThenGets() {
            stub(get(urlPathEqualTo("/api/v2/projects/p/environments")),
                    okJson("{\"items\":[{\"key\":\"test\"}],\"totalCount\":1}"));

            assertThat(client.listAllEnvironments("p")).extracting(Environment::key).containsExactly("test");
        }

        @Test
        void createEnvironmentThenPostsEnvironmentPostWithoutNulls() {
            stub(post(urlEqualTo("/api/v2/projects/mobile-app/environments")), aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody(
                        "{\"_id\":\"cid-1\",\"key\":\"qa\",\"name\":\"QA\",\"color\":\"00ff00\",\"apiKey\":\"sdk-x\"}"));

            Environment created = client.createEnvironment("mobile-app",
                    new EnvironmentPost("QA", "qa", "00ff00", 5, true, null, null, null, List.of("team-a"),
                            new EnvironmentPost.SourceEnvironment("test", null), null));

            assertThat(created.id()).isEqualTo("cid-1");
            wiremock.verify(postRequestedFor(urlEqualTo("/api/v2/projects/mobile-app/environments"))
                .withHeader("Authorization", equalTo(TOKEN))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("""
                        {"name":"QA","key":"qa","color":"00ff00","defaultTtl":5,"secureMode":true,"tags":["team-a"],
                         "source":{"key":"test"}}""")));
        }

        @Test
        void listAndCreateDestinationThenPathsAndBody() {
            stub(get(urlEqualTo("/api/v2/destinations")), okJson("""
                    {"items":[{"_id":"d1","name":"Pub","kind":"google-pubsub","on":true,
                      "_links":{"parent":{"href":"/api/v2/projects/p/environments/e"}}}]}"""));
            stub(post(urlEqualTo("/api/v2/destinations/p/e")),
                    aResponse().withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"_id\":\"d2\",\"name\":\"Seg\",\"kind\":\"segment\"}"));

            assertThat(client.listDestinations()).extracting(Destination::id).containsExactly("d1");
            assertThat(client.listDestinations().get(0).links().get("parent").href())
                .isEqualTo("/api/v2/projects/p/environments/e");
            Destination created = client.createDestination("p", "e",
                    new DestinationPost("Seg", "segment", Map.of("writeKey", "wk"), true));

            assertThat(created.id()).isEqualTo("d2");
            wiremock.verify(postRequestedFor(urlEqualTo("/api/v2/destinations/p/e")).withRequestBody(equalToJson(
                    "{\"name\":\"Seg\",\"kind\":\"segment\",\"config\":{\"writeKey\":\"wk\"},\"on\":true}")));
        }

        @Test
        void warehouseOperationsThenPostToTheirPaths() {
            String base = "/api/v2/destinations/projects/p/environments/e";
            stub(post(urlEqualTo(base + "/kinds/snowflake-v2/setup")),
                    okJson("{\"script\":\"CREATE USER x;\",\"publicKey\":\"PUB\"}"));
            stub(post(urlEqualTo(base + "/kinds/snowflake-v2/complete-setup")),
                    okJson("{\"_id\":\"d9\",\"kind\":\"snowflake-v2\"}"));

            WarehouseSetupScript script = client.warehouseSetupScript("p", "e", "snowflake-v2",
                    new WarehouseSetupRequest("Events", "https://acct.snowflakecomputing.com", "LD", null, null, null,
                            null, true, null, null, null));
            assertThat(script.script()).isEqualTo("CREATE USER x;");
            assertThat(client.completeWarehouseSetup("p", "e", "snowflake-v2", "PUB").id()).isEqualTo("d9");

            wiremock.verify(postRequestedFor(urlEqualTo(base + "/kinds/snowflake-v2/setup")).withRequestBody(
                    equalToJson("{\"name\":\"Events\",\"snowflakeHostAddress\":\"https://acct.snowflakecomputing.com\","
                            + "\"databaseName\":\"LD\",\"includeNetworkPolicy\":true}")));
            wiremock.verify(postRequestedFor(urlEqualTo(base + "/kinds/snowflake-v2/complete-setup"))
                .withRequestBody(equalToJson("{\"publicKey\":\"PUB\"}")));
        }

        @Test
        void createIntegrationConfigurationThenBetaApiVersion() {
            stub(post(urlEqualTo("/api/v2/integration-configurations/keys/acme")),
                    aResponse().withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"_id\":\"c2\",\"name\":\"B\",\"_integrationKey\":\"acme\"}"));

            IntegrationConfiguration created = client
                .createIntegrationConfiguration("acme", new IntegrationConfigurationPost("B", true, List.of("t"),
                        Map.of("URL", "https://x.example"),
                        new IntegrationConfigurationPost.CapabilityConfig(null,
                                new IntegrationConfigurationPost.AuditLogEventsHook(List.of(new PolicyStatement("allow",
                                        List.of("proj/*:env/production:flag/*"), null, List.of("*"), null))))));

            assertThat(created.integrationKey()).isEqualTo("acme");
            wiremock.verify(postRequestedFor(urlEqualTo("/api/v2/integration-configurations/keys/acme"))
                .withHeader("LD-API-Version", equalTo("beta"))
                .withRequestBody(equalToJson("""
                        {"name":"B","enabled":true,"tags":["t"],"configValues":{"URL":"https://x.example"},
                         "capabilityConfig":{"auditLogEventsHook":{"statements":[{"effect":"allow",
                           "resources":["proj/*:env/production:flag/*"],"actions":["*"]}]}}}""")));
        }

        @Test
        void createSubscriptionThenPostsSubscriptionPost() {
            stub(post(urlEqualTo("/api/v2/integrations/log-stream")),
                    aResponse().withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"_id\":\"s1\",\"kind\":\"log-stream\",\"name\":\"Logs\"}"));

            Subscription created = client.createSubscription("log-stream",
                    new SubscriptionPost("Logs", Map.of("token", "t0k3n"),
                            List.of(new PolicyStatement("allow", List.of("proj/*"), null, List.of("*"), null)), true,
                            List.of()));

            assertThat(created.id()).isEqualTo("s1");
            wiremock.verify(postRequestedFor(urlEqualTo("/api/v2/integrations/log-stream"))
                .withHeader("LD-API-Version", equalTo("20240415"))
                .withRequestBody(equalToJson(
                        """
                                {"name":"Logs","config":{"token":"t0k3n"},"statements":[{"effect":"allow","resources":["proj/*"],
                                 "actions":["*"]}],"on":true,"tags":[]}""")));
        }

        @Test
        void listIntegrationManifestsThenRawItemsEvenWhenLarge() {
            String description = "x".repeat(400_000);
            stub(get(urlEqualTo("/api/v2/integration-manifests")),
                    okJson("{\"items\":[{\"key\":\"a\",\"name\":\"A\",\"description\":\"" + description
                            + "\"},{\"key\":\"b\"}]}"));

            assertThat(client.listIntegrationManifests()).extracting(node -> node.get("key").asString())
                .containsExactly("a", "b");
        }

        @Test
        void anyCallThenLogsMethodPathStatusButNeverTokenOrBody(CapturedOutput output) {
            stub(post(urlEqualTo("/api/v2/destinations/p/e")),
                    aResponse().withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"_id\":\"d\"}"));

            client.createDestination("p", "e",
                    new DestinationPost("n", "segment", Map.of("writeKey", "wk-very-secret"), true));

            assertThat(output).contains("LaunchDarkly POST /api/v2/destinations/p/e -> 201")
                .doesNotContain(TOKEN)
                .doesNotContain("wk-very-secret");
        }

    }

    @Nested
    class Errors {

        /** A read the portal makes: one page of projects, retried like every GET. */
        private static final String PROJECTS_PAGE = "/api/v2/projects?limit=20&offset=0";

        @Test
        void badRequestThenCodeAndMessageFromBody() {
            stub(post(urlEqualTo("/api/v2/projects/p/environments")),
                    aResponse().withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"code\":\"invalid_request\",\"message\":\"key: must match pattern\"}"));

            LaunchDarklyApiException e = createEnvironmentFails();

            assertThat(e.status()).isEqualTo(400);
            assertThat(e.code()).isEqualTo("invalid_request");
            assertThat(e.apiMessage()).isEqualTo("key: must match pattern");
            assertThat(e.retryAfter()).isEmpty();
        }

        @Test
        void unauthorizedForbiddenNotFoundConflictThenStatusAndCode() {
            for (int status : new int[] { 401, 403, 404, 409 }) {
                wiremock.resetAll();
                stub(post(urlEqualTo("/api/v2/projects/p/environments")),
                        aResponse().withStatus(status)
                            .withHeader("Content-Type", "application/json")
                            .withBody("{\"code\":\"code-" + status + "\",\"message\":\"message " + status + "\"}"));

                LaunchDarklyApiException e = createEnvironmentFails();

                assertThat(e.status()).isEqualTo(status);
                assertThat(e.code()).isEqualTo("code-" + status);
                assertThat(e.apiMessage()).isEqualTo("message " + status);
                wiremock.verify(1, postRequestedFor(urlEqualTo("/api/v2/projects/p/environments")));
            }
        }

        @Test
        void rateLimitedWithRetryAfterThenWaitInSecondsAndPostNotRetried() {
            stub(post(urlEqualTo("/api/v2/projects/p/environments")),
                    aResponse().withStatus(429)
                        .withHeader("Retry-After", "30")
                        .withBody("{\"code\":\"rate_limited\",\"message\":\"slow down\"}"));

            LaunchDarklyApiException e = createEnvironmentFails();

            assertThat(e.status()).isEqualTo(429);
            assertThat(e.retryAfter()).contains(Duration.ofSeconds(30));
            wiremock.verify(1, postRequestedFor(urlEqualTo("/api/v2/projects/p/environments")));
        }

        @Test
        void rateLimitedWithResetHeaderThenWaitUntilThatMoment() {
            long reset = Instant.now().plusSeconds(120).toEpochMilli();
            stub(post(urlEqualTo("/api/v2/projects/p/environments")),
                    aResponse().withStatus(429).withHeader("X-Ratelimit-Reset", Long.toString(reset)));

            Duration wait = createEnvironmentFails().retryAfter().orElseThrow();

            assertThat(wait).isBetween(Duration.ofSeconds(110), Duration.ofSeconds(121));
        }

        @Test
        void serverErrorOnPostThenNotRetried() {
            stub(post(urlEqualTo("/api/v2/projects/p/environments")),
                    aResponse().withStatus(500).withBody("{\"code\":\"internal_server_error\",\"message\":\"oops\"}"));

            assertThat(createEnvironmentFails().status()).isEqualTo(500);
            wiremock.verify(1, postRequestedFor(urlEqualTo("/api/v2/projects/p/environments")));
        }

        @Test
        void serverErrorOnGetThenRetriedAtMostThreeTimes() {
            stub(get(urlEqualTo(PROJECTS_PAGE)), aResponse().withStatus(503));

            LaunchDarklyApiException e = catchThrowableOfType(LaunchDarklyApiException.class,
                    () -> client.listProjects(20, 0));

            assertThat(e.status()).isEqualTo(503);
            assertThat(e.code()).isNull();
            wiremock.verify(3, getRequestedFor(urlEqualTo(PROJECTS_PAGE)));
        }

        @Test
        void serverErrorOnManifestListThenRetriedAtMostThreeTimesToo() {
            // The other read path of the client (a plain body type rather than a page):
            // retried the same way.
            stub(get(urlEqualTo("/api/v2/integration-manifests")), aResponse().withStatus(502));

            LaunchDarklyApiException e = catchThrowableOfType(LaunchDarklyApiException.class,
                    () -> client.listIntegrationManifests());

            assertThat(e.status()).isEqualTo(502);
            wiremock.verify(3, getRequestedFor(urlEqualTo("/api/v2/integration-manifests")));
        }

        @Test
        void rateLimitedGetThenRetriedAfterTheWaitAndSucceeds() {
            wiremock.stubFor(get(urlEqualTo(PROJECTS_PAGE)).inScenario("busy")
                .whenScenarioStateIs("Started")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1"))
                .willSetStateTo("calm"));
            wiremock.stubFor(get(urlEqualTo(PROJECTS_PAGE)).inScenario("busy")
                .whenScenarioStateIs("calm")
                .willReturn(okJson("{\"items\":[{\"key\":\"p\",\"name\":\"P\"}],\"totalCount\":1}")));

            assertThat(client.listProjects(20, 0).items()).extracting(Project::name).containsExactly("P");
            wiremock.verify(2, getRequestedFor(urlEqualTo(PROJECTS_PAGE)));
        }

        @Test
        void rateLimitedGetWithWaitBeyondTheCapThenNotRetried() {
            stub(get(urlEqualTo(PROJECTS_PAGE)), aResponse().withStatus(429).withHeader("Retry-After", "60"));

            LaunchDarklyApiException e = catchThrowableOfType(LaunchDarklyApiException.class,
                    () -> client.listProjects(20, 0));

            assertThat(e.retryAfter()).contains(Duration.ofSeconds(60));
            wiremock.verify(1, getRequestedFor(urlEqualTo(PROJECTS_PAGE)));
        }

        @Test
        void clientErrorOnGetThenNotRetried() {
            stub(get(urlEqualTo(PROJECTS_PAGE)), aResponse().withStatus(404).withBody("{\"code\":\"not_found\"}"));

            assertThatThrownBy(() -> client.listProjects(20, 0)).isInstanceOf(LaunchDarklyApiException.class);
            wiremock.verify(1, getRequestedFor(urlEqualTo(PROJECTS_PAGE)));
        }

        @Test
        void errorBodyNotJsonThenStatusWithoutTheProxysPage() {
            stub(post(urlEqualTo("/api/v2/projects/p/environments")),
                    aResponse().withStatus(502)
                        .withHeader("Content-Type", "text/html")
                        .withBody("<html>Bad gateway</html>"));

            LaunchDarklyApiException e = createEnvironmentFails();

            assertThat(e.status()).isEqualTo(502);
            assertThat(e.code()).isNull();
            assertThat(e.apiMessage()).isNull();
        }

        @Test
        void errorBodyMissingThenStatusOnly() {
            stub(post(urlEqualTo("/api/v2/projects/p/environments")), aResponse().withStatus(403));

            LaunchDarklyApiException e = createEnvironmentFails();

            assertThat(e.status()).isEqualTo(403);
            assertThat(e.code()).isNull();
            assertThat(e.apiMessage()).isNull();
        }

        @Test
        void noAnswerInTimeThenUnreachableAndRequestMayHaveArrived() {
            stub(post(urlEqualTo("/api/v2/projects/p/environments")), aResponse().withStatus(201).withFixedDelay(3000));

            LaunchDarklyUnreachableException e = catchThrowableOfType(LaunchDarklyUnreachableException.class,
                    () -> client.createEnvironment("p", environment()));

            assertThat(e.requestMayHaveArrived()).isTrue();
        }

        @Test
        void connectionRefusedThenUnreachableAndNeverArrived() throws IOException {
            int closedPort;
            try (ServerSocket socket = new ServerSocket(0)) {
                closedPort = socket.getLocalPort();
            }
            LaunchDarklyClient refused = client("http://localhost:" + closedPort, Duration.ofSeconds(1));

            LaunchDarklyUnreachableException e = catchThrowableOfType(LaunchDarklyUnreachableException.class,
                    () -> refused.createEnvironment("p", environment()));

            assertThat(e.requestMayHaveArrived()).isFalse();
        }

        @Test
        void noTokenThenStartUpFailsSayingWhichSettingToSet() {
            assertThatThrownBy(() -> new LaunchDarklyClient(WebClient.builder(),
                    new LaunchDarklyProperties(URI.create("https://app.launchdarkly.com"), " ", "20240415",
                            Duration.ofSeconds(1), Duration.ofSeconds(1), 3, Duration.ofSeconds(1), Duration.ZERO),
                    JsonMapper.builder().build()))
                .isInstanceOf(MissingApiTokenException.class)
                .hasMessageContaining("PORTAL_LAUNCHDARKLY_APITOKEN");
        }

        @Test
        void propertiesWhenPrintedThenTokenNotShown() {
            assertThat(new LaunchDarklyProperties(URI.create("https://x"), TOKEN, "v", Duration.ZERO, Duration.ZERO, 1,
                    Duration.ZERO, Duration.ZERO)
                .toString()).doesNotContain(TOKEN);
        }

        private LaunchDarklyApiException createEnvironmentFails() {
            return catchThrowableOfType(LaunchDarklyApiException.class,
                    () -> client.createEnvironment("p", environment()));
        }

        private EnvironmentPost environment() {
            return new EnvironmentPost("QA", "qa", "00ff00", null, null, null, null, null, null, null, null);
        }

    }

}
