package org.ldportal.integration;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.ldportal.sandbox.LaunchDarklySandbox;
import org.ldportal.sandbox.SandboxRequest;
import org.ldportal.testsupport.FormTokens;
import org.ldportal.testsupport.PortalIntegrationTest;
import org.ldportal.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An edit of an integration configuration keeps every value it does not change: with the
 * repository's pager-alerts manifest, a configuration created with two events ticked and
 * an environment chosen opens its edit page with both ticked and the environment chosen,
 * a rename sends the name alone, a new environment is sent as the object a create sends,
 * and the detail page names the environment and the events in words.
 */
class IntegrationEditKeepsValuesTests extends PortalIntegrationTest {

    private static final Pattern SEEN = Pattern.compile("name=\"seen\" value=\"([^\"]*)\"");

    private final LaunchDarklySandbox sandbox = LaunchDarklySandbox.shared();

    @Autowired
    MockMvc mvc;

    @Test
    void editWhenCreatedWithChoicesAndAnEnvironmentThenShownAsChosenKeptByARenameAndChangedAsACreateSendsIt()
            throws Exception {
        mvc.perform(post("/integrations/pager-alerts/new").with(FormTokens.fresh())
            .param("type", "configuration")
            .with(TestUsers.editor())
            .with(csrf())
            .param("name", "Pages")
            .param("config[routingKey]", "rk-secret-2")
            .param("config[severity]", "error")
            .param("config[eventFilter]", "rollout-regression", "flag-archived")
            .param("config[projectAndEnv]", "mobile-app/production")).andExpect(redirectedUrl("/integrations/created"));
        JsonNode created = sandbox.integrationConfigurations("pager-alerts").get(0);
        assertThat(created.get("configValues").get("projectAndEnv").toString())
            .isEqualTo("{\"projectKey\":\"mobile-app\",\"environmentKey\":\"production\"}");
        String path = "/integrations/pager-alerts/configurations/" + created.get("_id").asString();

        String edit = page(path + "/edit");
        assertThat(edit).containsPattern("value=\"rollout-regression\"[^>]*checked")
            .containsPattern("value=\"flag-archived\"[^>]*checked")
            .doesNotContainPattern("value=\"rollout-reverted\"[^>]*checked")
            .containsPattern("value=\"mobile-app/production\"[^>]*selected");

        mvc.perform(asThePageSends(path, seenOn(edit), "Pages EU", "mobile-app/production"))
            .andExpect(redirectedUrl(path));
        assertThat(lastPatch()).contains("\"/name\"").doesNotContain("remove", "eventFilter", "projectAndEnv");

        mvc.perform(asThePageSends(path, seenOn(page(path + "/edit")), "Pages EU", "mobile-app/test"))
            .andExpect(redirectedUrl(path));
        assertThat(lastPatch())
            .contains("{\"op\":\"replace\",\"path\":\"/configValues/projectAndEnv\","
                    + "\"value\":{\"projectKey\":\"mobile-app\",\"environmentKey\":\"test\"}}")
            .doesNotContain("eventFilter", "\"/name\"");
        JsonNode values = sandbox.integrationConfigurations("pager-alerts").get(0).get("configValues");
        assertThat(values.get("eventFilter").toString()).isEqualTo("[\"rollout-regression\",\"flag-archived\"]");

        assertThat(page(path)).contains("Mobile App / Test", "Rollout regressed, Flag archived")
            .doesNotContain("{projectKey=", "rk-secret-2");
    }

    /**
     * The edit form as a browser sends it: the events left as they were ticked, the
     * routing key (a secret) left empty, so kept.
     */
    private static MockHttpServletRequestBuilder asThePageSends(String path, String seen, String name,
            String environment) {
        return post(path + "/edit").with(FormTokens.fresh())
            .with(TestUsers.editor())
            .with(csrf())
            .param("seen", seen)
            .param("name", name)
            .param("tags", "")
            .param("config[routingKey]", "")
            .param("config[severity]", "error")
            .param("config[eventFilter]", "rollout-regression", "flag-archived")
            .param("config[projectAndEnv]", environment)
            .param("config[region]", "us");
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path).with(TestUsers.editor()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    }

    private static String seenOn(String page) {
        Matcher seen = SEEN.matcher(page);
        assertThat(seen.find()).as("the page carries what it showed").isTrue();
        return HtmlUtils.htmlUnescape(seen.group(1));
    }

    private String lastPatch() {
        List<SandboxRequest> patches = sandbox.requests().stream().filter(r -> r.method().equals("PATCH")).toList();
        assertThat(patches).as("a PATCH was sent").isNotEmpty();
        return patches.get(patches.size() - 1).body();
    }

}
