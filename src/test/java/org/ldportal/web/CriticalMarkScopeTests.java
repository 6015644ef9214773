package org.ldportal.web;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.ldportal.audit.AuditEntry;
import org.ldportal.audit.AuditFilter;
import org.ldportal.audit.AuditOutcome;
import org.ldportal.audit.AuditQueries;
import org.ldportal.sandbox.LaunchDarklySandbox;
import org.ldportal.sandbox.SandboxRequest;
import org.ldportal.testsupport.FormTokens;
import org.ldportal.testsupport.PortalIntegrationTest;
import org.ldportal.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * "Critical" is for admins of the environment itself: an admin rule narrowed to some of a
 * project's environments (qa-admins: web-store's test and qa-*) lets its holder mark or
 * unmark those, on create and on edit, and no other environment of the project, whose
 * critical-only approval rules would otherwise be switched off by clearing the mark.
 */
@WithMobileTeamRules
class CriticalMarkScopeTests extends PortalIntegrationTest {

    private final LaunchDarklySandbox sandbox = LaunchDarklySandbox.shared();

    @Autowired
    MockMvc mvc;

    @Autowired
    AuditQueries audit;

    /**
     * An editor of the account, and an admin of web-store's test and qa-* environments.
     */
    private static RequestPostProcessor quinn() {
        return TestUsers.user(ProjectScopeTests.RULES, "quinn", "Quinn QA", TestUsers.EDITOR_GROUP, "qa-admins");
    }

    @Test
    void editWhenTheEnvironmentIsCoveredByTheNarrowedAdminRuleThenTheMarkIsOfferedAndSent() throws Exception {
        mvc.perform(get("/environments/web-store/test/edit").with(quinn()))
            .andExpect(content().string(containsString("id=\"critical\"")));

        mvc.perform(edit("test", "Test", false).param("critical", "true"))
            .andExpect(redirectedUrl("/environments/web-store/test"));

        assertThat(lastPatch().body()).contains("\"/critical\"");
        assertThat(sandbox.environmentsOf("web-store")).filteredOn(e -> e.get("key").asString().equals("test"))
            .singleElement()
            .satisfies(e -> assertThat(e.get("critical").asBoolean()).isTrue());
    }

    @Test
    void editWhenAnotherEnvironmentOfTheProjectThenNoMarkOfferedAndItStaysAsItWas() throws Exception {
        sandbox.markCritical("web-store", "production");
        mvc.perform(get("/environments/web-store/production/edit").with(quinn()))
            .andExpect(content().string(not(containsString("id=\"critical\""))));

        // The box is not on the page: what arrives without it (or forged) leaves the mark
        // alone.
        mvc.perform(edit("production", "Production EU", true))
            .andExpect(redirectedUrl("/environments/web-store/production"));

        assertThat(lastPatch().body()).contains("\"/name\"").doesNotContain("critical");
        assertThat(sandbox.environmentsOf("web-store")).filteredOn(e -> e.get("key").asString().equals("production"))
            .singleElement()
            .satisfies(e -> assertThat(e.get("critical").asBoolean()).as("still critical").isTrue());
    }

    @Test
    void createWhenCriticalThenAllowedForACoveredKeyAndRefusedAtTheFieldForAnother() throws Exception {
        mvc.perform(create("qa-nordics").param("critical", "true")).andExpect(redirectedUrl("/environments/created"));
        assertThat(sandbox.environmentsOf("web-store")).filteredOn(e -> e.get("key").asString().equals("qa-nordics"))
            .singleElement()
            .satisfies(e -> assertThat(e.get("critical").asBoolean()).isTrue());

        mvc.perform(create("prod-eu").param("critical", "true"))
            .andExpect(model().attributeHasFieldErrors("environmentForm", "critical"));
        assertThat(sandbox.environmentsOf("web-store")).noneMatch(e -> e.get("key").asString().equals("prod-eu"));
        List<AuditEntry> refused = audit.page(AuditFilter.none().withAction("create"), null, null, 50)
            .entries()
            .stream()
            .filter(entry -> entry.outcome() == AuditOutcome.REJECTED)
            .toList();
        assertThat(refused).singleElement().satisfies(entry -> assertThat(entry.resourceKey()).isEqualTo("prod-eu"));
    }

    private MockHttpServletRequestBuilder create(String key) {
        return post("/environments/new").with(FormTokens.fresh())
            .with(csrf())
            .with(quinn())
            .param("projectKey", "web-store")
            .param("name", key)
            .param("key", key)
            .param("color", "417505")
            .param("defaultTtl", "0");
    }

    private static MockHttpServletRequestBuilder edit(String key, String name, boolean critical) {
        return post("/environments/web-store/" + key + "/edit").with(FormTokens.fresh())
            .with(csrf())
            .with(quinn())
            .param("seen",
                    seen(key.equals("test") ? "Test" : "Production", key.equals("test") ? "417505" : "3a3af0",
                            critical))
            .param("name", name)
            .param("color", key.equals("test") ? "417505" : "3a3af0")
            .param("defaultTtl", "0")
            .param("tags", "")
            .param("_secureMode", "on")
            .param("_defaultTrackEvents", "on")
            .param("_requireComments", "on")
            .param("_confirmChanges", "on")
            .param("_critical", "on");
    }

    private static String seen(String name, String color, boolean critical) {
        return "{\"name\":\"" + name + "\",\"color\":\"" + color + "\",\"defaultTtl\":0,\"secureMode\":false,"
                + "\"defaultTrackEvents\":false,\"requireComments\":false,\"confirmChanges\":false,\"critical\":"
                + critical + ",\"tags\":[]}";
    }

    private SandboxRequest lastPatch() {
        List<SandboxRequest> patches = sandbox.requests().stream().filter(r -> r.method().equals("PATCH")).toList();
        assertThat(patches).as("a PATCH was sent").isNotEmpty();
        return patches.get(patches.size() - 1);
    }

}
