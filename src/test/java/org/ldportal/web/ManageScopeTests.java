package org.ldportal.web;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ldportal.sandbox.LaunchDarklySandbox;
import org.ldportal.testsupport.FormTokens;
import org.ldportal.testsupport.PortalIntegrationTest;
import org.ldportal.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The access rules on what exists (the same rules as {@link ProjectScopeTests}, so the
 * same context): lists show only what the person's scope covers, pages outside it are
 * refused, and a change outside it is a 403 with a REJECTED entry and nothing sent,
 * though the person may change the same kind of thing where their scope allows.
 */
@WithMobileTeamRules
class ManageScopeTests extends PortalIntegrationTest {

    private final LaunchDarklySandbox sandbox = LaunchDarklySandbox.shared();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    private static RequestPostProcessor mo() {
        return TestUsers.user(ProjectScopeTests.RULES, "mo", "Mo Mobile", "team-mobile");
    }

    @Test
    void listsWhenScopedThenOnlyWhatTheRulesCover() throws Exception {
        sandbox.seedDestination("mobile-app", "test", "Mobile test events", "segment", Map.of("writeKey", "wk-1"));
        sandbox.seedDestination("web-store", "test", "Store events", "segment", Map.of("writeKey", "wk-2"));

        mvc.perform(get("/destinations").with(mo()))
            .andExpect(status().isOk())
            .andExpect(
                    content().string(allOf(containsString("Mobile test events"), not(containsString("Store events")))));
        mvc.perform(get("/environments").param("project", "web-store").with(mo())).andExpect(status().isForbidden());
        mvc.perform(get("/environments").param("project", "mobile-app").with(mo()))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("<code>production</code>")));
    }

    @Test
    void changeWhenOutsideTheScopeThenForbiddenRecordedAndNothingSentElseDone() throws Exception {
        ObjectNode production = sandbox.seedDestination("mobile-app", "production", "Mobile prod events", "segment",
                Map.of("writeKey", "wk-3"));
        ObjectNode test = sandbox.seedDestination("mobile-app", "test", "Mobile test events", "segment",
                Map.of("writeKey", "wk-4"));
        String productionPath = "/destinations/mobile-app/production/" + production.get("_id").asString();

        mvc.perform(get(productionPath).with(mo()))
            .andExpect(status().isOk())
            .andExpect(content().string(not(containsString("data-testid=\"turn\""))));
        mvc.perform(post(productionPath + "/turn-off").with(FormTokens.fresh())
            .param("version", "1")
            .with(mo())
            .with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/environments/mobile-app/production/delete").with(FormTokens.fresh())
            .param("confirmation", "production")
            .with(mo())
            .with(csrf())).andExpect(status().isForbidden());
        assertThat(sandbox.requests())
            .noneMatch(request -> request.method().equals("PATCH") || request.method().equals("DELETE"));
        assertThat(jdbc
            .sql("SELECT error_message FROM audit_entry WHERE action = 'turn-off' AND outcome = 'REJECTED' "
                    + "ORDER BY id DESC")
            .query(String.class)
            .list()).contains("Not allowed in environment production of project mobile-app");

        mvc.perform(post("/destinations/mobile-app/test/" + test.get("_id").asString() + "/turn-off")
            .with(FormTokens.fresh())
            .param("version", "1")
            .with(mo())
            .with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(sandbox.destinations()).filteredOn(d -> d.get("name").asString().equals("Mobile test events"))
            .singleElement()
            .satisfies(d -> assertThat(d.get("on").asBoolean()).isFalse());
    }

    @Test
    void changeWhenAimedWhereThePersonMayNotEvenSeeThenForbiddenRecordedWithItsActionAndNothingSent() throws Exception {
        // Mo sees nothing of web-store, nor the account's integrations: each address
        // below was changed by hand.
        String destination = "/destinations/web-store/test/"
                + sandbox.seedDestination("web-store", "test", "Store events", "segment", Map.of("writeKey", "wk-5"))
                    .get("_id")
                    .asString();
        String subscription = "/integrations/log-stream/subscriptions/"
                + sandbox
                    .seedSubscription("log-stream", "Audit to logs", Map.of("base-url", "https://logs.example.com",
                            "token", "log-token", "skip-ca-verification", false), 0, 0)
                    .get("_id")
                    .asString();
        jdbc.sql("DELETE FROM audit_entry").update();

        for (String path : List.of(destination + "/turn-off", destination + "/turn-on", destination + "/edit",
                destination + "/delete", "/environments/web-store/test/edit", "/environments/web-store/test/delete",
                subscription + "/turn-off", subscription + "/edit", subscription + "/delete")) {
            mvc.perform(post(path).with(FormTokens.fresh())
                .param("version", "1")
                .param("name", "Renamed")
                .param("confirmation", "test")
                .with(mo())
                .with(csrf())).andExpect(status().isForbidden());
        }

        assertThat(sandbox.requests()).noneMatch(request -> !request.method().equals("GET"));
        assertThat(jdbc
            .sql("SELECT action || ' ' || resource_type FROM audit_entry WHERE outcome = 'REJECTED' ORDER BY id")
            .query(String.class)
            .list()).containsExactly("turn-off destination", "turn-on destination", "update destination",
                    "delete destination", "update environment", "delete environment", "turn-off audit-log-subscription",
                    "update audit-log-subscription", "delete audit-log-subscription");
        assertThat(jdbc.sql("SELECT DISTINCT error_message FROM audit_entry").query(String.class).list())
            .containsExactlyInAnyOrder("Not allowed in project web-store",
                    "Not allowed to see the account's integrations");
    }

    @Test
    void severalWhenOneIsOutsideWhereThePersonMayChangeThenSaidAndNothingSent() throws Exception {
        String production = "mobile-app/production/" + sandbox
            .seedDestination("mobile-app", "production", "Mobile prod events", "segment", Map.of("writeKey", "wk-6"))
            .get("_id")
            .asString();
        String test = "mobile-app/test/" + sandbox
            .seedDestination("mobile-app", "test", "Mobile test events", "segment", Map.of("writeKey", "wk-7"))
            .get("_id")
            .asString();

        String page = mvc
            .perform(post("/plans/change").param("type", "destination")
                .param("action", "turn-off")
                .param("subject", production, test)
                .with(FormTokens.unreviewed())
                .with(csrf())
                .with(mo()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();

        assertThat(HtmlUtils.htmlUnescape(page)).contains("Nothing was sent", "Mobile prod events",
                "You may not change it");
        assertThat(sandbox.requests()).noneMatch(r -> r.method().equals("PATCH"));
        assertThat(sandbox.destinations()).allMatch(d -> d.get("on").asBoolean());
    }

}
