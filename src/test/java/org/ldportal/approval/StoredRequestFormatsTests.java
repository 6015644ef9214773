package org.ldportal.approval;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ldportal.change.PendingChange;
import org.ldportal.change.Review;
import org.ldportal.resource.ChangeAction;
import org.ldportal.resource.Place;
import org.ldportal.resource.ResourceType;
import org.ldportal.sandbox.LaunchDarklySandbox;
import org.ldportal.security.CurrentUser;
import org.ldportal.security.PortalRole;
import org.ldportal.testsupport.PortalIntegrationTest;
import org.ldportal.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Requests waiting for approval outlive releases (up to seven days): one stored by an
 * earlier release, in the format it wrote (the fixtures in {@code stored-requests/},
 * written by the release before payloads had formats), opens and is sent with every value
 * it holds once approved.
 */
@WithApprovalRules
class StoredRequestFormatsTests extends PortalIntegrationTest {

    private static final CurrentUser EDDIE = new CurrentUser("eddie", "Eddie Editor", null, Set.of(PortalRole.EDITOR));

    private final LaunchDarklySandbox sandbox = LaunchDarklySandbox.shared();

    @Autowired
    Approvals approvals;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void noRequests() {
        jdbc.sql("DELETE FROM approval_request").update();
    }

    @Test
    void environmentEditWhenStoredWithoutAFormatThenOpensAndSendsEveryChange() throws Exception {
        String payload = new ClassPathResource("stored-requests/environment-edit-format-1.json")
            .getContentAsString(StandardCharsets.UTF_8);
        PendingChange change = new PendingChange(ChangeAction.UPDATE, ResourceType.ENVIRONMENT,
                Place.environment("web-store", "production"), "Production", "production", false, payload);
        Review review = new Review("Change an environment", List.of(), List.of(), "PATCH", "/api/v2/x", "[]",
                List.of());
        long id = approvals
            .request(UUID.randomUUID().toString().replace("-", ""), EDDIE, change,
                    approvals.required(change).orElseThrow(), review)
            .getAsLong();

        openAndApprove(id, TestUsers.admin());

        ObjectNode changed = sandbox.environmentsOf("web-store")
            .stream()
            .filter(environment -> environment.get("key").asString().equals("production"))
            .findFirst()
            .orElseThrow();
        assertThat(changed.get("name").asString()).isEqualTo("Production EU");
        assertThat(changed.get("requireComments").asBoolean()).isTrue();
        assertThat(changed.get("tags").toString()).isEqualTo("[\"eu\"]");
        assertThat(outcome(id)).isEqualTo("SUCCEEDED");
    }

    @Test
    void environmentWhenStoredInFormatOneThenOpensAndIsCreatedWithEveryValue() throws Exception {
        long id = stored("environment-format-1.json", ResourceType.ENVIRONMENT,
                Place.environment("mobile-app", "production-eu"), "Production EU", "production-eu");

        openAndApprove(id, TestUsers.admin());

        ObjectNode created = sandbox.environmentsOf("mobile-app")
            .stream()
            .filter(environment -> environment.get("key").asString().equals("production-eu"))
            .findFirst()
            .orElseThrow();
        assertThat(created.get("name").asString()).isEqualTo("Production EU");
        assertThat(created.get("defaultTtl").asInt()).isEqualTo(5);
        assertThat(created.get("secureMode").asBoolean()).isTrue();
        assertThat(created.get("requireComments").asBoolean()).isTrue();
        assertThat(created.get("tags").toString()).isEqualTo("[\"eu\",\"gdpr\"]");
        assertThat(lastPost("/api/v2/projects/mobile-app/environments")).contains("\"source\":{\"key\":\"production\"");
        assertThat(outcome(id)).isEqualTo("SUCCEEDED");
    }

    @Test
    void destinationWhenStoredInFormatOneThenOpensAndIsCreatedWithItsSecret() throws Exception {
        long id = stored("destination-format-1.json", ResourceType.DESTINATION,
                Place.environment("mobile-app", "production"), "Events to Segment", "segment");

        openAndApprove(id, TestUsers.admin());

        assertThat(sandbox.destinations()).singleElement().satisfies(destination -> {
            assertThat(destination.get("name").asString()).isEqualTo("Events to Segment");
            assertThat(destination.get("kind").asString()).isEqualTo("segment");
            assertThat(destination.get("on").asBoolean()).isTrue();
        });
        assertThat(lastPost("/api/v2/destinations/mobile-app/production")).contains("wk-fixture-secret-1");
        assertThat(outcome(id)).isEqualTo("SUCCEEDED");
    }

    @Test
    void subscriptionWhenStoredInFormatOneThenOpensAndIsCreatedWithItsPolicy() throws Exception {
        long id = stored("subscription-format-1.json", ResourceType.AUDIT_LOG_SUBSCRIPTION,
                Place.integration("log-stream"), "Audit to logs", null);

        openAndApprove(id, TestUsers.user("rita", "Rita Release", TestUsers.EDITOR_GROUP, "release-managers"));

        assertThat(sandbox.subscriptions("log-stream")).singleElement().satisfies(subscription -> {
            assertThat(subscription.get("name").asString()).isEqualTo("Audit to logs");
            assertThat(subscription.get("tags").toString()).isEqualTo("[\"audit\"]");
            assertThat(subscription.get("statements").toString()).contains("proj/*:env/production");
            assertThat(subscription.get("config").get("base-url").asString()).isEqualTo("https://logs.example.com");
        });
        assertThat(lastPost("/api/v2/integrations/log-stream")).contains("log-fixture-secret-1");
        assertThat(outcome(id)).isEqualTo("SUCCEEDED");
    }

    /**
     * A request kept as an earlier release kept it: its payload exactly as that release
     * wrote it.
     */
    @Test
    void environmentWithADayWhenApprovedThenCreatedAndTheDayKeptForTheRequester() throws Exception {
        LocalDate day = LocalDate.now(ZoneOffset.UTC).plusDays(10);
        long id = requested(environmentWithADay("prod-demo-later", day), "prod-demo-later");

        openAndApprove(id, TestUsers.admin());

        assertThat(outcome(id)).isEqualTo("SUCCEEDED");
        Map<String, Object> kept = jdbc
            .sql("SELECT delete_on, owner_subject FROM environment_lifetime WHERE environment_key = 'prod-demo-later'")
            .query()
            .singleRow();
        assertThat(kept.get("owner_subject")).isEqualTo("eddie");
        assertThat(String.valueOf(kept.get("delete_on"))).isEqualTo(day.toString());
    }

    @Test
    void environmentWhoseDayPassedBeforeApprovalThenRefusedNotCreated() throws Exception {
        long id = requested(environmentWithADay("prod-demo-past", LocalDate.now(ZoneOffset.UTC)), "prod-demo-past");

        openAndApprove(id, TestUsers.admin());

        assertThat(outcome(id)).isEqualTo("REJECTED");
        assertThat(sandbox.environmentsOf("mobile-app"))
            .noneSatisfy(environment -> assertThat(environment.get("key").asString()).isEqualTo("prod-demo-past"));
    }

    /** A request in format 3, as the form writes it with a "delete after" day. */
    private static String environmentWithADay(String key, LocalDate day) {
        return "{\"format\":3,\"projectKey\":\"mobile-app\",\"name\":\"Demo " + key + "\",\"key\":\"" + key
                + "\",\"color\":\"417505\",\"defaultTtl\":0,\"secureMode\":false,\"defaultTrackEvents\":false,"
                + "\"requireComments\":false,\"confirmChanges\":false,\"critical\":false,\"tags\":null,"
                + "\"sourceKey\":null,\"deleteAfter\":\"" + day + "\"}";
    }

    private long requested(String payload, String key) {
        PendingChange change = PendingChange.create(ResourceType.ENVIRONMENT, Place.environment("mobile-app", key),
                "Demo " + key, key, false, payload);
        Review review = new Review("Create " + key, List.of(new Review.Line("Name", key)), List.of(), "POST",
                "/api/v2/x", "{}", List.of());
        return approvals
            .request(UUID.randomUUID().toString().replace("-", ""), EDDIE, change,
                    approvals.required(change).orElseThrow(), review)
            .getAsLong();
    }

    private long stored(String fixture, ResourceType type, Place place, String name, String key) throws Exception {
        String payload = new ClassPathResource("stored-requests/" + fixture).getContentAsString(StandardCharsets.UTF_8);
        PendingChange change = PendingChange.create(type, place, name, key, false, payload);
        Review review = new Review("Create " + name, List.of(new Review.Line("Name", name)), List.of(), "POST",
                "/api/v2/x", "{}", List.of());
        return approvals
            .request(UUID.randomUUID().toString().replace("-", ""), EDDIE, change,
                    approvals.required(change).orElseThrow(), review)
            .getAsLong();
    }

    private void openAndApprove(long id, RequestPostProcessor approver) throws Exception {
        mvc.perform(get("/requests/" + id).with(approver)).andExpect(status().isOk());
        mvc.perform(post("/requests/" + id + "/approve").with(csrf()).with(approver))
            .andExpect(status().is3xxRedirection());
    }

    private String lastPost(String pathStart) {
        List<String> bodies = sandbox.requests()
            .stream()
            .filter(request -> request.method().equals("POST") && request.path().startsWith(pathStart))
            .map(request -> request.body())
            .toList();
        assertThat(bodies).as("a POST to %s", pathStart).isNotEmpty();
        return bodies.get(bodies.size() - 1);
    }

    private String outcome(long id) {
        Map<String, Object> row = jdbc.sql("SELECT outcome FROM approval_request WHERE id = :id")
            .param("id", id)
            .query()
            .singleRow();
        return (String) row.get("outcome");
    }

}
