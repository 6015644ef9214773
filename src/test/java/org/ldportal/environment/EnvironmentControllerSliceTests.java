package org.ldportal.environment;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.ldportal.access.PermittedPlaces;
import org.ldportal.change.ChangeFlow;
import org.ldportal.change.pages.ChangePages;
import org.ldportal.change.pages.PageLookups;
import org.ldportal.change.PreparedChange;
import org.ldportal.change.pages.SignedOutForms;
import org.ldportal.change.Step;
import org.ldportal.launchdarkly.Project;
import org.ldportal.testsupport.FormTokens;
import org.ldportal.testsupport.TestUsers;
import org.ldportal.testsupport.WebSliceTest;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasProperty;
import static org.hamcrest.Matchers.is;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * The "new environment" controller alone, as petclinic tests its controllers: the change
 * flow, the pages that show its steps and the environment service are mocked, so what is
 * tested is what the controller does: bind what the description allows, validate, hand a
 * valid form to the flow and show the step it answers. What the flow and the service do
 * is tested in their own tests and, end to end, in {@code EnvironmentControllerTests}.
 */
@WebMvcTest(controllers = EnvironmentController.class)
@WebSliceTest
class EnvironmentControllerSliceTests {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    EnvironmentService environments;

    @MockitoBean
    PageLookups lookups;

    @MockitoBean
    SignedOutForms signedOut;

    @MockitoBean
    PermittedPlaces places;

    @MockitoBean
    ChangeFlow flow;

    @MockitoBean
    ChangePages pages;

    @Test
    void newFormWhenOpenedThenTheProjectsTheServiceDefaultColourAndNoApprovalFields() throws Exception {
        when(environments.defaultColor()).thenReturn("417505");
        when(lookups.listOrWarn(any(), any()))
            .thenReturn(List.of(new Project("p1", "mobile-app", "Mobile App", List.of())));

        mvc.perform(get("/environments/new").param("project", "mobile-app").with(TestUsers.editor()))
            .andExpect(status().isOk())
            .andExpect(view().name("environments/new"))
            .andExpect(model().attribute("environmentForm", hasProperty("color", is("417505"))))
            .andExpect(
                    model().attribute("projects", List.of(new Project("p1", "mobile-app", "Mobile App", List.of()))));
        verifyNoInteractions(flow);
    }

    @Test
    void createWhenTheFormIsInvalidThenTheFormAgainWithItsErrorsAndNothingGoesToTheFlow() throws Exception {
        mvc.perform(post("/environments/new").with(FormTokens.fresh())
            .with(csrf())
            .with(TestUsers.editor())
            .param("projectKey", "mobile-app")
            .param("name", "")
            .param("color", "green"))
            .andExpect(status().isOk())
            .andExpect(view().name("environments/new"))
            .andExpect(model().attributeHasFieldErrors("environmentForm", "name", "color"));

        verifyNoInteractions(flow, pages);
    }

    @Test
    void createWhenValidThenTheFormBoundAsDescribedGoesToTheFlowAndItsStepIsShown() throws Exception {
        @SuppressWarnings("unchecked")
        PreparedChange<CreatedEnvironment> prepared = mock(PreparedChange.class);
        Step<CreatedEnvironment> requested = new Step.Requested<>(7);
        ArgumentCaptor<EnvironmentForm> bound = ArgumentCaptor.forClass(EnvironmentForm.class);
        when(environments.creation(bound.capture())).thenReturn(prepared);
        when(flow.submit(any(), eq(prepared))).thenReturn(requested);
        when(pages.show(eq(requested), any(), any(), any(), any(), any())).thenReturn("redirect:/requests/7");

        mvc.perform(post("/environments/new").with(FormTokens.fresh())
            .with(csrf())
            .with(TestUsers.editor())
            .param("projectKey", "mobile-app")
            .param("name", "QA Europe")
            .param("color", "#417505")
            .param("defaultTtl", "5")
            .param("secureMode", "true")
            .param("tags", "team-a, beta")
            .param("minNumApprovals", "3")
            .param("approvalsRequired", "true")).andExpect(redirectedUrl("/requests/7"));

        EnvironmentForm form = bound.getValue();
        assertThat(form.getName()).isEqualTo("QA Europe");
        assertThat(form.getColor()).as("the hash dropped").isEqualTo("417505");
        assertThat(form.getDefaultTtl()).isEqualTo(5);
        assertThat(form.isSecureMode()).isTrue();
        assertThat(form.tagList()).containsExactly("team-a", "beta");
        assertThat(form.getMinNumApprovals()).as("a create binds no approval setting").isNull();
        assertThat(form.getApprovalsRequired()).isNull();
        verify(environments).requireAllowed(any(), any());
    }

}
