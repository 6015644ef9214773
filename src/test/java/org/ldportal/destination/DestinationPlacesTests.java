package org.ldportal.destination;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ldportal.sandbox.LaunchDarklySandbox;
import org.ldportal.testsupport.FormTokens;
import org.ldportal.testsupport.PortalIntegrationTest;
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
 * Destinations found where they are whichever shape LaunchDarkly answers: the documented
 * one (project and environment only in {@code self}, as the spec's example) and the older
 * one ({@code parent} naming them).
 */
class DestinationPlacesTests extends PortalIntegrationTest {

    private final LaunchDarklySandbox sandbox = LaunchDarklySandbox.shared();

    @Autowired
    MockMvc mvc;

    @ParameterizedTest(name = "parent names the place: {0}")
    @ValueSource(booleans = { false, true })
    void listWhenEitherShapeThenEachDestinationUnderItsProjectAndEnvironment(boolean parentNamesPlace)
            throws Exception {
        shape(parentNamesPlace);
        sandbox.seedDestination("web-store", "staging", "Store events", "segment", Map.of("writeKey", "wk-1"));

        mvc.perform(get("/destinations").with(TestUsers.viewer()))
            .andExpect(status().isOk())
            .andExpect(content().string(allOf(containsString("Store events"), containsString("web-store / staging"))));
        mvc.perform(get("/destinations").param("environment", "staging").with(TestUsers.viewer()))
            .andExpect(content().string(containsString("Store events")));
    }

    @ParameterizedTest(name = "parent names the place: {0}")
    @ValueSource(booleans = { false, true })
    void createWhenTheEnvironmentHasOneAlreadyThenTheConflictNamesAndLinksIt(boolean parentNamesPlace)
            throws Exception {
        shape(parentNamesPlace);
        sandbox.seedDestination("web-store", "staging", "Store events", "segment", Map.of("writeKey", "wk-1"));

        mvc.perform(segment("web-store", "staging"))
            .andExpect(status().isOk())
            .andExpect(content()
                .string(allOf(containsString("This environment already has a Data Export destination: Store events."),
                        containsString("See the existing destination in LaunchDarkly"))));
        assertThat(sandbox.destinations()).hasSize(1);
    }

    private void shape(boolean parentNamesPlace) {
        if (parentNamesPlace) {
            sandbox.answerDestinationParentsWithTheirPlace();
        }
    }

    static MockHttpServletRequestBuilder segment(String project, String environment) {
        return post("/destinations/new").with(TestUsers.editor())
            .with(csrf())
            .with(FormTokens.fresh())
            .param("projectKey", project)
            .param("environmentKey", environment)
            .param("name", "Second")
            .param("kind", "segment")
            .param("on", "true")
            .param("config[writeKey]", "wk-second");
    }

}
