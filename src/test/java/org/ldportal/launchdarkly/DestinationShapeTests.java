package org.ldportal.launchdarkly;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Where a destination is, read as LaunchDarkly documents it: the spec's own example has
 * the project and environment only in {@code self} ({@code parent} is the list), an older
 * answer names them in {@code parent}; both are read.
 */
class DestinationShapeTests {

    private static final Path SPEC = Path.of("..", "shared", "ld", "openapi-portal.json");

    private final JsonMapper json = JsonMapper.builder().build();

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

    @Test
    void listWhenAnsweredAsTheSpecsExampleThenPlacedFromSelfAndItsConfigRead() throws Exception {
        assumeTrue(Files.isRegularFile(SPEC), "Skipped: LaunchDarkly's OpenAPI spec is not at " + SPEC.toAbsolutePath()
                + " (the shared reference folder beside the checkout is absent)");
        JsonNode example = json.readTree(Files.readString(SPEC))
            .path("components")
            .path("schemas")
            .path("Destinations")
            .path("example");
        assertThat(example.path("items").get(0).path("_links").path("parent").path("href").asString())
            .as("the example's parent is the list, not the environment")
            .isEqualTo("/api/v2/destinations");
        wiremock.stubFor(get(urlPathEqualTo("/api/v2/destinations")).willReturn(okJson(example.toString())));

        List<Destination> destinations = LaunchDarklyClientTests.client(wiremock.baseUrl(), Duration.ofSeconds(2))
            .listDestinations();

        assertThat(destinations).isNotEmpty().allSatisfy(destination -> {
            assertThat(destination.place()).contains(new Destination.Place("my-project", "my-environment"));
            assertThat(destination.belongsTo("my-project", "my-environment")).isTrue();
            // The example's config is a string of JSON; the description says an object:
            // read either way.
            assertThat(destination.config()).containsEntry("project", "test-prod")
                .containsEntry("topic", "ld-pubsub-test-192301");
        });
    }

    @Test
    void placeWhenOnlyTheParentNamesItThenReadFromTheParent() {
        Destination older = destination(Map.of("parent", link("/api/v2/projects/web-store/environments/staging")));

        assertThat(older.place()).contains(new Destination.Place("web-store", "staging"));
        assertThat(older.belongsTo("web-store", "staging")).isTrue();
        assertThat(older.belongsTo("web-store", "production")).isFalse();
    }

    @Test
    void placeWhenSelfAndParentBothNameOneThenSelfWinsAndEncodedKeysAreDecoded() {
        Destination both = destination(Map.of("self", link("/api/v2/destinations/my%2Eproject/q%20a/610add"), "parent",
                link("/api/v2/projects/other/environments/other")));

        assertThat(both.place()).contains(new Destination.Place("my.project", "q a"));
    }

    @Test
    void placeWhenNeitherLinkNamesItThenUnknownAndItBelongsNowhere() {
        Destination nowhere = destination(Map.of("parent", link("/api/v2/destinations"), "self",
                link("/api/v2/destinations/projects/p/environments/e")));

        assertThat(nowhere.place()).isEmpty();
        assertThat(nowhere.belongsTo("p", "e")).isFalse();
        assertThat(destination(null).place()).isEmpty();
    }

    @Test
    void readWhenConfigIsNotAnObjectThenNoConfigRatherThanAFailedRead() throws Exception {
        Destination odd = json.readValue("{\"_id\":\"d1\",\"kind\":\"segment\",\"config\":\"not json\"}",
                Destination.class);

        assertThat(odd.config()).isNull();
        assertThat(odd.toString()).doesNotContain("config");
    }

    private static Destination destination(Map<String, Destination.Link> links) {
        return new Destination("d1", "Events", "segment", true, 1L, links);
    }

    private static Destination.Link link(String href) {
        return new Destination.Link(href, "application/json");
    }

}
