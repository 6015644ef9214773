package org.ldportal.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ldportal.audit.AuditAttempt;
import org.ldportal.audit.AuditOutcome;
import org.ldportal.audit.AuditTrail;
import org.ldportal.resource.ChangeAction;
import org.ldportal.resource.Place;
import org.ldportal.resource.ResourceType;
import org.ldportal.sandbox.LaunchDarklySandbox;
import org.ldportal.security.AccessProperties;
import org.ldportal.security.AccessRule;
import org.ldportal.security.CurrentUser;
import org.ldportal.security.PortalRole;
import org.ldportal.testsupport.FormTokens;
import org.ldportal.testsupport.PortalIntegrationTest;
import org.ldportal.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Project-scoped access on the running portal: what each person is offered, and every
 * POST and fragment refusing a project, environment or the account's integrations outside
 * their scope with a plain 403 and a REJECTED entry, nothing sent to LaunchDarkly.
 */
@WithMobileTeamRules
class ProjectScopeTests extends PortalIntegrationTest {

    /**
     * The same rules as the properties above, for signing people in as the portal would.
     */
    static final AccessProperties RULES = new AccessProperties(List.of(
            new AccessRule("Mobile team", List.of("team-mobile"), PortalRole.EDITOR, List.of("mobile-*"), List.of("*"),
                    List.of("production"), false),
            new AccessRule("Mobile auditors", List.of("team-mobile"), PortalRole.VIEWER, List.of("mobile-app"),
                    List.of("*"), List.of(), false),
            new AccessRule("Platform", List.of("platform"), PortalRole.EDITOR, List.of(), List.of("*"), List.of(),
                    true),
            new AccessRule("QA admins", List.of("qa-admins"), PortalRole.ADMIN, List.of("web-store"),
                    List.of("test", "qa-*"), List.of(), false)));

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditTrail trail;

    private static RequestPostProcessor mo() {
        return TestUsers.user(RULES, "mo", "Mo Mobile", "team-mobile");
    }

    private static RequestPostProcessor pat() {
        return TestUsers.user(RULES, "pat", "Pat Platform", "platform");
    }

    @Test
    void formsWhenScopedThenOnlyPermittedProjectsAndEnvironmentsOffered() throws Exception {
        mvc.perform(get("/destinations/new").with(mo()))
            .andExpect(status().isOk())
            .andExpect(content()
                .string(allOf(containsString("value=\"mobile-app\""), not(containsString("value=\"web-store\"")))))
            .andExpect(content().string(containsString("Editor in some projects")));
        mvc.perform(post("/destinations/new/environments").with(mo()).with(csrf()).param("projectKey", "mobile-app"))
            .andExpect(status().isOk())
            .andExpect(content()
                .string(allOf(containsString("value=\"test\""), not(containsString("value=\"production\"")))));
        mvc.perform(get("/environments/new").with(mo()))
            .andExpect(status().isOk())
            .andExpect(content()
                .string(allOf(containsString("value=\"mobile-app\""), not(containsString("value=\"web-store\"")))));
    }

    @Test
    void destinationWhenProjectOrEnvironmentOutsideScopeThenForbiddenOnEveryRequestAndRecorded() throws Exception {
        List<MockHttpServletRequestBuilder> tampered = List.of(destination("web-store", "test"),
                destination("mobile-app", "production"), destination("web-store", "test").param("refresh", ""),
                post("/destinations/new/fields").with(csrf()).param("projectKey", "web-store").param("kind", "segment"),
                post("/destinations/new/environments").with(csrf()).param("projectKey", "web-store"),
                get("/destinations/new").param("project", "web-store"));
        for (MockHttpServletRequestBuilder request : tampered) {
            mvc.perform(request.with(mo()))
                .andExpect(status().isForbidden())
                .andExpect(header().string("X-Portal-Refusal", "not-allowed"))
                .andExpect(content().string(containsString("You are not allowed")));
        }

        // Five: the page opened (GET) is refused alike but is no attempt, so not recorded
        // (a link another site planted would otherwise write refusals in mo's name).
        assertThat(rejectionsOf("mo", "destination")).containsExactly("Not allowed in project web-store",
                "Not allowed in environment production of project mobile-app", "Not allowed in project web-store",
                "Not allowed in project web-store", "Not allowed in project web-store");
        assertNothingSent();
    }

    @Test
    void destinationWhenInScopeThenCreated() throws Exception {
        mvc.perform(destination("mobile-app", "test").with(mo())).andExpect(status().is3xxRedirection());

        assertThat(LaunchDarklySandbox.shared().requests()).anyMatch(request -> request.method().equals("POST")
                && request.path().equals("/api/v2/destinations/mobile-app/test"));
    }

    @Test
    void environmentWhenProjectOrNewKeyOutsideScopeThenForbiddenOnEveryRequestAndRecorded() throws Exception {
        List<MockHttpServletRequestBuilder> tampered = List.of(environment("web-store", "qa-europe"),
                environment("mobile-app", "production"), environment("web-store", "qa-europe").param("refresh", ""),
                post("/environments/new/sources").with(csrf()).param("projectKey", "web-store"),
                get("/environments/new").param("project", "web-store"));
        for (MockHttpServletRequestBuilder request : tampered) {
            mvc.perform(request.with(mo()))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("You are not allowed")));
        }

        // Four: the page opened (GET) is refused alike but not recorded.
        assertThat(rejectionsOf("mo", "environment")).hasSize(4)
            .contains("Not allowed in environment production of project mobile-app");
        // Copying reads the source's flag settings: not from an environment outside the
        // scope, nor offered.
        mvc.perform(environment("mobile-app", "qa-copy").param("sourceKey", "production").with(mo()))
            .andExpect(status().isForbidden());
        mvc.perform(post("/environments/new/sources").with(csrf()).param("projectKey", "mobile-app").with(mo()))
            .andExpect(status().isOk())
            .andExpect(content()
                .string(allOf(containsString("value=\"test\""), not(containsString("value=\"production\"")))));
        assertNothingSent();
        mvc.perform(environment("mobile-app", "qa-europe").with(mo())).andExpect(status().is3xxRedirection());
    }

    @Test
    void integrationsWhenNoAccountRuleThenCatalogSaysSoAndEveryRequestForbidden() throws Exception {
        mvc.perform(get("/integrations").with(mo()))
            .andExpect(status().isOk())
            .andExpect(content().string(allOf(containsString("data-testid=\"account-rule-needed\""),
                    not(containsString("/integrations/log-stream/new")))));
        List<MockHttpServletRequestBuilder> refused = List.of(
                get("/integrations/log-stream/new").param("type", "subscription"), subscription(),
                subscription().param("editPolicy", "add"), subscription().param("refresh", "review"));
        for (MockHttpServletRequestBuilder request : refused) {
            mvc.perform(request.with(mo()))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("to change the account&#39;s integrations")));
            // A global editor has no account rule either, once rules exist.
            mvc.perform(request.with(TestUsers.editor())).andExpect(status().isForbidden());
        }
        assertNothingSent();
    }

    @Test
    void integrationsWhenAccountRuleThenOffered() throws Exception {
        mvc.perform(get("/integrations").with(pat()))
            .andExpect(status().isOk())
            .andExpect(content().string(
                    allOf(containsString("/integrations/log-stream/new"), not(containsString("account-rule-needed")))));
        mvc.perform(get("/integrations/log-stream/new").param("type", "subscription").with(pat()))
            .andExpect(status().isOk());
        // An integration's environment choice offers only what the person may use in
        // projects: pat has no project.
        mvc.perform(get("/integrations/pager-alerts/new").param("type", "configuration").with(pat()))
            .andExpect(status().isOk())
            .andExpect(content().string(not(containsString("value=\"mobile-app/test\""))));
        mvc.perform(get("/integrations/pager-alerts/new").param("type", "configuration").with(TestUsers.admin()))
            .andExpect(content().string(containsString("value=\"mobile-app/test\"")));
        mvc.perform(get("/destinations/new").param("project", "mobile-app").with(pat()))
            .andExpect(status().isForbidden());
    }

    @Test
    void auditWhenViewerRuleThenEntriesOfItsProjectButNotOthers() throws Exception {
        CurrentUser ada = new CurrentUser("ada", "Ada Admin", null, EnumSet.allOf(PortalRole.class));
        long inScope = trail
            .record(AuditAttempt.by(ada, ChangeAction.CREATE, ResourceType.ENVIRONMENT)
                .at(Place.project("mobile-app"))
                .withResource("Scoped QA", "scoped-qa", null)
                .withOutcome(AuditOutcome.SUCCEEDED, 201, null, null, null))
            .id();
        long outOfScope = trail
            .record(AuditAttempt.by(ada, ChangeAction.CREATE, ResourceType.ENVIRONMENT)
                .at(Place.project("web-store"))
                .withResource("Unscoped QA", "unscoped-qa", null)
                .withOutcome(AuditOutcome.SUCCEEDED, 201, null, null, null))
            .id();

        mvc.perform(get("/audit").with(mo()))
            .andExpect(status().isOk())
            .andExpect(content().string(allOf(containsString("Scoped QA"), not(containsString("Unscoped QA")),
                    containsString("in the projects your access lets you read"))));
        mvc.perform(get("/audit/" + inScope).with(mo())).andExpect(status().isOk());
        mvc.perform(get("/audit/" + outOfScope).with(mo())).andExpect(status().isNotFound());
        mvc.perform(get("/audit/export.csv").with(mo()))
            .andExpect(status().isOk())
            .andExpect(content().string(allOf(containsString("Scoped QA"), not(containsString("Unscoped QA")))));
        // Reading someone's attempt is not settling it.
        mvc.perform(post("/audit/" + inScope + "/check").with(mo()).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(get("/audit").with(pat()))
            .andExpect(status().isOk())
            .andExpect(content().string(not(containsString("Scoped QA"))));
    }

    @Test
    void whoMayDoWhatWhenGroupsTypedThenRolePerEnvironmentAndTheRuleThatGaveIt() throws Exception {
        mvc.perform(
                get("/access").param("user", "Mo").param("groups", "team-mobile, unrelated").with(TestUsers.admin()))
            .andExpect(status().isOk())
            .andExpect(content().string(allOf(containsString("What Mo may do"),
                    containsString("data-place=\"mobile-app/test\""), containsString("rule \u201cMobile team\u201d"),
                    containsString("rule \u201cMobile auditors\u201d"),
                    containsString("No role: cannot set up integrations"))));
        String page = mvc.perform(get("/access").param("groups", "team-mobile").with(TestUsers.admin()))
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(row(page, "mobile-app/test")).contains("<strong>Editor</strong>");
        assertThat(row(page, "mobile-app/production")).contains("<strong>Viewer</strong>");
        assertThat(row(page, "web-store/production")).contains("<strong>none</strong>", "no rule covers it");
        mvc.perform(get("/access").param("groups", "platform").with(TestUsers.admin()))
            .andExpect(content().string(containsString("from\n        <span>rule \u201cPlatform\u201d</span>")));
        mvc.perform(get("/access").with(mo())).andExpect(status().isForbidden());
        mvc.perform(get("/access").with(TestUsers.editor())).andExpect(status().isForbidden());
    }

    private static String row(String page, String place) {
        int start = page.indexOf("data-place=\"" + place + "\"");
        assertThat(start).as("a row for " + place).isNotNegative();
        return page.substring(start, page.indexOf("</tr>", start));
    }

    private List<String> rejectionsOf(String actor, String resourceType) {
        return jdbc
            .sql("SELECT error_message FROM audit_entry WHERE actor_subject = :actor AND resource_type = :type"
                    + " AND outcome = 'REJECTED' AND error_code = 'not-allowed' ORDER BY id")
            .params(Map.of("actor", actor, "type", resourceType))
            .query(String.class)
            .list();
    }

    private static void assertNothingSent() {
        assertThat(LaunchDarklySandbox.shared().requests()).noneMatch(request -> !request.method().equals("GET"));
    }

    private static MockHttpServletRequestBuilder destination(String project, String environment) {
        return post("/destinations/new").with(FormTokens.fresh())
            .with(csrf())
            .param("projectKey", project)
            .param("environmentKey", environment)
            .param("name", "Hub")
            .param("kind", "azure-event-hubs")
            .param("on", "true")
            .param("config[namespace]", "ns")
            .param("config[name]", "hub")
            .param("config[policyName]", "send")
            .param("config[policyKey]", "pk");
    }

    private static MockHttpServletRequestBuilder environment(String project, String key) {
        return post("/environments/new").with(FormTokens.fresh())
            .with(csrf())
            .param("projectKey", project)
            .param("name", "QA Europe")
            .param("key", key)
            .param("color", "417505")
            .param("defaultTtl", "0");
    }

    private static MockHttpServletRequestBuilder subscription() {
        return post("/integrations/log-stream/new").with(FormTokens.fresh())
            .param("type", "subscription")
            .with(csrf())
            .param("name", "Logs")
            .param("config[base-url]", "https://logs.example.com")
            .param("config[token]", "tok")
            .param("statements[0].effect", "allow")
            .param("statements[0].resources", "proj/*")
            .param("statements[0].actions", "*");
    }

    @Test
    void integrationWhenAnAccountEditorWithNoProjectChoosesAnEnvironmentThenRefusedAtTheFieldAndNothingSent()
            throws Exception {
        // Pat keeps the account's integrations but may use no project's environment: the
        // form lists none, and a value typed in is not taken for one.
        mvc.perform(post("/integrations/pager-alerts/new").with(FormTokens.fresh())
            .param("type", "configuration")
            .with(pat())
            .with(csrf())
            .param("name", "Pages")
            .param("config[routingKey]", "rk-scope-1")
            .param("config[severity]", "error")
            .param("config[projectAndEnv]", "web-store/production"))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("Choose one of the environments listed")));

        assertThat(LaunchDarklySandbox.shared().integrationConfigurations("pager-alerts")).isEmpty();
    }

}
