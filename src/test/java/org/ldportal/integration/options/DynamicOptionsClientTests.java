package org.ldportal.integration.options;

import java.time.Duration;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ldportal.form.FieldOption;
import org.springframework.web.reactive.function.client.WebClient;

import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The one outbound call to third parties: choices read by JSON Pointer, and the guards
 * around it.
 */
class DynamicOptionsClientTests {

    private WireMockServer wiremock;

    @BeforeEach
    void start() {
        wiremock = new WireMockServer(options().dynamicPort());
        wiremock.start();
    }

    @AfterEach
    void stop() {
        wiremock.stop();
    }

    private DynamicOptionsClient client(boolean allowPrivate) {
        // Generous: the first call starts Netty, and a loaded CI machine is slow; only
        // the slow-answer test tests the timeout.
        return client(allowPrivate, Duration.ofSeconds(5));
    }

    private DynamicOptionsClient client(boolean allowPrivate, Duration timeout) {
        return new DynamicOptionsClient(WebClient.builder(), JsonMapper.builder().build(), allowPrivate, timeout);
    }

    @Test
    void fetchThenOptionsReadWithJsonPointersAndHeadersSentAndCached() {
        wiremock.stubFor(get(urlEqualTo("/colors")).willReturn(okJson(
                "{\"data\":[{\"name\":\"Red\",\"color\":\"#f00\"},{\"name\":\"Blue\",\"color\":\"#00f\"},{\"name\":\"No value\"}]}")));
        DynamicOptionsClient client = client(true);

        var options = client.fetch(wiremock.baseUrl() + "/colors", "GET", Map.of("X-Api", "k"), "/data", "/name",
                "/color");
        client.fetch(wiremock.baseUrl() + "/colors", "GET", Map.of("X-Api", "k"), "/data", "/name", "/color");

        assertThat(options).containsExactly(new FieldOption("#f00", "Red"), new FieldOption("#00f", "Blue"));
        wiremock.verify(1, getRequestedFor(urlEqualTo("/colors")).withHeader("X-Api", equalTo("k")));
    }

    @Test
    void fetchWhenLoopbackAndNotAllowedThenRefusedWithoutCalling() {
        assertThatThrownBy(() -> client(false).fetch("https://127.0.0.1:" + wiremock.port() + "/colors", "GET",
                Map.of(), "/data", "/name", "/color"))
            .isInstanceOf(DynamicOptionsException.class)
            .hasMessageContaining("not a public one");
        assertThatThrownBy(() -> client(false).fetch("http://example.com/colors", "GET", Map.of(), "", "/n", "/v"))
            .hasMessageContaining("only be loaded over https");
        assertThat(wiremock.getAllServeEvents()).isEmpty();
    }

    @Test
    void fetchWhenANameLeadsToLoopbackThenRefusedAtConnectAndNothingCalled() {
        assertThatThrownBy(() -> client(false).fetch("https://localhost:" + wiremock.port() + "/colors", "GET",
                Map.of(), "/data", "/name", "/color"))
            .isInstanceOf(DynamicOptionsException.class)
            .hasMessageContaining("not a public one");
        assertThat(wiremock.getAllServeEvents()).isEmpty();
    }

    @Test
    void fetchWhenTheManifestNamesAnotherMethodThanGetThenRefused() {
        assertThatThrownBy(() -> client(true).fetch(wiremock.baseUrl() + "/colors", "POST", Map.of(), "", "/n", "/v"))
            .isInstanceOf(DynamicOptionsException.class)
            .hasMessageContaining("only be read with GET");
        assertThat(wiremock.getAllServeEvents()).isEmpty();
    }

    @Test
    void fetchWhenUrlNeedsOtherFieldsThenNotCalled() {
        assertThatThrownBy(
                () -> client(true).fetch(wiremock.baseUrl() + "/{{token}}/colors", "GET", Map.of(), "", "/n", "/v"))
            .hasMessageContaining("depends on other fields");
    }

    @Test
    void fetchWhenRedirectOrNotAListThenRefused() {
        wiremock.stubFor(
                get(urlEqualTo("/moved")).willReturn(aResponse().withStatus(302).withHeader("Location", "/colors")));
        wiremock.stubFor(get(urlEqualTo("/object")).willReturn(okJson("{\"data\":{\"a\":1}}")));

        assertThatThrownBy(
                () -> client(true).fetch(wiremock.baseUrl() + "/moved", "GET", Map.of(), "/data", "/n", "/v"))
            .isInstanceOf(DynamicOptionsException.class);
        assertThatThrownBy(
                () -> client(true).fetch(wiremock.baseUrl() + "/object", "GET", Map.of(), "/data", "/n", "/v"))
            .hasMessageContaining("without a list of choices");
        wiremock.verify(0, getRequestedFor(urlEqualTo("/colors")));
    }

    @Test
    void fetchWhenAnswerTooLargeOrSlowThenRefused() {
        wiremock.stubFor(get(urlEqualTo("/huge")).willReturn(okJson("{\"data\":[\"" + "x".repeat(300_000) + "\"]}")));
        wiremock.stubFor(get(urlEqualTo("/slow")).willReturn(okJson("{\"data\":[]}").withFixedDelay(2500)));

        assertThatThrownBy(() -> client(true).fetch(wiremock.baseUrl() + "/huge", "GET", Map.of(), "/data", "", ""))
            .isInstanceOf(DynamicOptionsException.class);
        assertThatThrownBy(() -> client(true, Duration.ofSeconds(1)).fetch(wiremock.baseUrl() + "/slow", "GET",
                Map.of(), "/data", "", ""))
            .isInstanceOf(DynamicOptionsException.class);
    }

}
