package org.ldportal.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.ldportal.testsupport.FormTokens;
import org.ldportal.testsupport.PortalIntegrationTest;
import org.ldportal.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Metrics for Prometheus on a management port of their own, over real HTTP: LaunchDarkly
 * calls with percentiles, attempts by resource and outcome, caches, pending approvals;
 * the public port gives health only.
 */
@TestPropertySource(properties = "management.server.port=0")
class MetricsTests extends PortalIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Environment environment;

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void prometheusWhenOnTheManagementPortThenTheMetersOfTheCallsAttemptsAndCaches() throws Exception {
        mvc.perform(post("/environments/new").with(FormTokens.fresh())
            .with(csrf())
            .with(TestUsers.editor())
            .param("projectKey", "web-store")
            .param("name", "Measured")
            .param("key", "measured-env")
            .param("color", "417505")
            .param("defaultTtl", "0"));

        HttpResponse<String> scrape = get(managementPort(), "/actuator/prometheus");

        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body()).contains(
                "ldportal_launchdarkly_calls_seconds_count{method=\"POST\",operation=\"/api/v2/projects/{projectKey}/environments\",status=\"201\"}",
                "ldportal_launchdarkly_calls_seconds{method=\"POST\",operation=\"/api/v2/projects/{projectKey}/environments\",status=\"201\",quantile=\"0.99\"}",
                "ldportal_audit_entries_total{outcome=\"SUCCEEDED\",resource=\"environment\"}",
                "ldportal_cache_gets_total{cache=\"projects\",result=\"hit\"}",
                "ldportal_cache_loads_total{cache=\"integration-catalog\",result=\"success\"}",
                "ldportal_approvals_pending");
        assertThat(scrape.body()).as("keys never become series").doesNotContain("web-store/environments");
    }

    @Test
    void publicPortWhenAskedForMetricsThenRefusedAndHealthStillAnswers() throws Exception {
        HttpResponse<String> onPublicPort = get(port, "/actuator/prometheus");
        assertThat(onPublicPort.statusCode()).as("sent to sign in, or refused").isIn(302, 401, 403, 404);
        assertThat(onPublicPort.body()).doesNotContain("ldportal_");
        assertThat(get(port, "/readyz").statusCode()).isEqualTo(200);
        assertThat(get(port, "/livez").statusCode()).isEqualTo(200);
        assertThat(get(managementPort(), "/actuator/health").statusCode()).isEqualTo(200);
    }

    private int managementPort() {
        return environment.getRequiredProperty("local.management.port", Integer.class);
    }

    private HttpResponse<String> get(int onPort, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + onPort + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

}
