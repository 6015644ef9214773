package org.ldportal.web;

import org.junit.jupiter.api.Test;
import org.ldportal.sandbox.LaunchDarklySandbox;
import org.ldportal.testsupport.PortalIntegrationTest;
import org.ldportal.testsupport.FormTokens;
import org.ldportal.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Input no form sends, or that a person gets wrong in ways LaunchDarkly would accept or
 * misread: each answers with a message at the field (or a 4xx), never a 500, and nothing
 * of it reaches LaunchDarkly.
 */
class HostileInputTests extends PortalIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Test
    void destinationWhenProjectAndEnvironmentAreMadeUpPathsThenRefusedAtTheFieldAndNothingSent() throws Exception {
        mvc.perform(destination("..", "tokens"))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("Choose one of the projects listed.")));
        mvc.perform(destination("mobile-app", ".."))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("Choose one of the environments listed.")));
        mvc.perform(destination("mobile-app", "no-such-environment"))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("Choose one of the environments listed.")));

        assertNothingWritten();
        assertThat(LaunchDarklySandbox.shared().requests())
            .noneMatch(request -> request.path().contains("/tokens") || request.path().contains(".."));
    }

    @Test
    void environmentsFragmentWhenProjectIsAPathThenNoEnvironmentsAndNoRequestWithIt() throws Exception {
        mvc.perform(
                post("/destinations/new/environments").with(TestUsers.editor()).with(csrf()).param("projectKey", ".."))
            .andExpect(status().isOk());

        assertThat(LaunchDarklySandbox.shared().requests()).noneMatch(request -> request.path().contains(".."));
    }

    @Test
    void environmentWhenProjectUnknownOrTagsWouldBeSplitThenRefusedAtTheField() throws Exception {
        mvc.perform(environment("no-such-project", "team-a"))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("Choose one of the projects listed.")));
        mvc.perform(environment("mobile-app", "team a, beta"))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("The tag &quot;team a&quot; is not allowed")));

        assertNothingWritten();
    }

    @Test
    void policyWhenResourceIsNotASpecifierOrActionNotAnActionThenRefusedAtTheRow() throws Exception {
        mvc.perform(subscription("production flags", "*", ""))
            .andExpect(status().isOk())
            .andExpect(content().string(allOf(containsString("id=\"statements0.resources-error\""),
                    containsString("is not a resource LaunchDarkly knows"))));
        mvc.perform(subscription("proj/*:flag/*", "*", ""))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("flag cannot follow proj")));
        mvc.perform(subscription("proj/*:env/production:flag/*", "drop tables", ""))
            .andExpect(status().isOk())
            .andExpect(content()
                .string(allOf(containsString("id=\"statements0.actions-error\""), containsString("is not an action"))));

        assertNothingWritten();
    }

    @Test
    void policyWhenSpecifiersAsLaunchDarklyDocumentsThemThenCreated() throws Exception {
        mvc.perform(subscription("proj/*:env/*;qa_*:flag/*;tag1,tag2\nproj/mobile-app:env/production:segment/*",
                "updateOn\nupdate*", ""))
            .andExpect(status().is3xxRedirection());

        assertThat(LaunchDarklySandbox.shared().subscriptions("log-stream")).hasSize(1);
    }

    @Test
    void integrationTagsWhenATagHasASpaceOrBangThenRefusedNamingIt() throws Exception {
        mvc.perform(subscription("proj/*", "*", "needs review!"))
            .andExpect(status().isOk())
            .andExpect(content().string(allOf(containsString("id=\"tags-error\""),
                    containsString("The tag &quot;needs review!&quot; is not allowed"))));

        assertNothingWritten();
    }

    @Test
    void policyEditorWhenRowNumbersAreNotNumbersOrBeyondTheBoundThenNoServerError() throws Exception {
        mvc.perform(post("/integrations/log-stream/new").with(FormTokens.fresh())
            .param("type", "subscription")
            .with(TestUsers.editor())
            .with(csrf())
            .param("name", "Logs")
            .param("statements[0].resources", "proj/a")
            .param("editPolicy", "remove-x")).andExpect(status().isOk());
        mvc.perform(post("/integrations/log-stream/new").with(FormTokens.fresh())
            .param("type", "subscription")
            .with(TestUsers.editor())
            .with(csrf())
            .param("name", "Logs")
            .param("statements[300].effect", "allow"))
            .andExpect(status().isBadRequest())
            .andExpect(content().string(containsString("more rows than the form")));

        assertNothingWritten();
    }

    @Test
    void auditWhenDateBeyondAnyCalendarThenRefusedAtTheFilter() throws Exception {
        mvc.perform(get("/audit").param("to", "+999999999-12-31").with(TestUsers.admin()))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("Enter a date between the years 1970 and 9999.")));
        mvc.perform(get("/audit").param("from", "-000001-01-01").with(TestUsers.admin())).andExpect(status().isOk());
        mvc.perform(get("/audit").param("size", "9999999999").with(TestUsers.admin())).andExpect(status().isOk());
    }

    private static void assertNothingWritten() {
        assertThat(LaunchDarklySandbox.shared().requests()).as("requests that change something")
            .noneMatch(request -> !request.method().equals("GET"));
    }

    private static MockHttpServletRequestBuilder destination(String project, String environment) {
        return post("/destinations/new").with(FormTokens.fresh())
            .with(TestUsers.editor())
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

    private static MockHttpServletRequestBuilder environment(String project, String tags) {
        return post("/environments/new").with(FormTokens.fresh())
            .with(TestUsers.editor())
            .with(csrf())
            .param("projectKey", project)
            .param("name", "QA Europe")
            .param("key", "qa-europe")
            .param("color", "417505")
            .param("defaultTtl", "0")
            .param("tags", tags);
    }

    private static MockHttpServletRequestBuilder subscription(String resources, String actions, String tags) {
        return post("/integrations/log-stream/new").with(FormTokens.fresh())
            .param("type", "subscription")
            .with(TestUsers.editor())
            .with(csrf())
            .param("name", "Logs")
            .param("config[base-url]", "https://logs.example.com")
            .param("config[token]", "tok")
            .param("tags", tags)
            .param("statements[0].effect", "allow")
            .param("statements[0].resources", resources)
            .param("statements[0].actions", actions);
    }

}
