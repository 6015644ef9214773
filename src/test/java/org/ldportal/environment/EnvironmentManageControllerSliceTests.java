package org.ldportal.environment;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ldportal.access.PermittedPlaces;
import org.ldportal.change.ApiFailureTranslator;
import org.ldportal.change.ChangeFlow;
import org.ldportal.change.pages.ChangePages;
import org.ldportal.change.PreparedChange;
import org.ldportal.change.Step;
import org.ldportal.launchdarkly.Environment;
import org.ldportal.resource.ChangeAction;
import org.ldportal.testsupport.FormTokens;
import org.ldportal.testsupport.TestUsers;
import org.ldportal.testsupport.WebSliceTest;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.validation.BindingResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
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
 * The controller of the environments that exist alone: the environment management (read,
 * check, who may do what), the changes it prepares, the permitted places, the failure
 * translator, the change flow and the pages of its steps are mocked. What is tested is
 * what the controller does: put what the management answers into the detail page, bind
 * only what an edit may change, show the edit again with the checks' errors, hand a
 * checked edit to the flow and show the step it answers, and refuse a delete whose key
 * was mistyped before anything is sent. What the management, the changes and the flow do
 * is tested in their own tests and, end to end, in {@code EnvironmentManageTests}.
 */
@WebMvcTest(controllers = EnvironmentManageController.class)
@WebSliceTest
class EnvironmentManageControllerSliceTests {

    private static final Environment QA = new Environment("env-id-1", "qa", "QA Europe", "417505", 0, false, false,
            false, false, false, List.of("team-a"));

    @Autowired
    MockMvc mvc;

    @MockitoBean
    EnvironmentManagement management;

    @MockitoBean
    EnvironmentApprovals changes;

    @MockitoBean
    PermittedPlaces places;

    @MockitoBean
    ApiFailureTranslator failures;

    @MockitoBean
    ChangeFlow flow;

    @MockitoBean
    ChangePages pages;

    @Test
    void detailWhenAViewerOpensItThenTheEnvironmentItsLinkAndWhatTheyMayDoAsTheManagementSays() throws Exception {
        when(management.find(any(), eq("mobile-app"), eq("qa"))).thenReturn(QA);
        when(management.rows(QA)).thenReturn(List.of(new EnvironmentSettings.Row("color", "Colour", "#417505")));
        when(management.link("mobile-app", "qa")).thenReturn("https://app.launchdarkly.com/mobile-app/qa");
        when(management.mayEdit(any(), eq("mobile-app"), eq("qa"))).thenReturn(true);
        when(management.mayDelete(any(), eq("mobile-app"), eq("qa"))).thenReturn(false);

        mvc.perform(get("/environments/mobile-app/qa").with(TestUsers.viewer()))
            .andExpect(status().isOk())
            .andExpect(view().name("environments/detail"))
            .andExpect(model().attribute("projectKey", "mobile-app"))
            .andExpect(model().attribute("environment", QA))
            .andExpect(model().attribute("rows", List.of(new EnvironmentSettings.Row("color", "Colour", "#417505"))))
            .andExpect(model().attribute("link", "https://app.launchdarkly.com/mobile-app/qa"))
            .andExpect(model().attribute("mayEdit", true))
            .andExpect(model().attribute("mayDelete", false));
        verify(pages).showCode(any(), eq(EnvironmentManagement.asCreate("mobile-app", QA)));
        verifyNoInteractions(flow);
    }

    @Test
    void updateWhenTheChecksFindErrorsThenTheEditAgainWithThemAndNothingGoesToTheFlow() throws Exception {
        when(management.findToChange(any(), eq(ChangeAction.UPDATE), eq("mobile-app"), eq("qa"))).thenReturn(QA);
        when(changes.updating(any(), any(), any(), any())).thenReturn(preparedChange());
        doAnswer(call -> {
            call.<BindingResult>getArgument(1)
                .rejectValue("color", "pattern", "Enter the colour as 6 hexadecimal digits, like 417505.");
            return null;
        }).when(management).check(any(), any(), any(), any(), eq("mobile-app"), eq(QA));

        mvc.perform(post("/environments/mobile-app/qa/edit").with(FormTokens.fresh())
            .with(csrf())
            .with(TestUsers.editor())
            .param("name", "QA Europe")
            .param("color", "green"))
            .andExpect(status().isOk())
            .andExpect(view().name("environments/edit"))
            .andExpect(model().attributeHasFieldErrors("environmentForm", "color"))
            .andExpect(model().attribute("environment", QA));

        verify(management).requireAllowed(any(), eq("mobile-app"), eq(QA), eq(ChangeAction.UPDATE));
        verify(flow, never()).submit(any(), any());
        verifyNoInteractions(pages);
    }

    @Test
    void updateWhenCheckedThenOnlyTheEditableFieldsAreBoundTheEditGoesToTheFlowAndItsStepIsShown() throws Exception {
        Map<String, Object> seen = Map.of("name", "QA Europe");
        Map<String, Object> values = Map.of("name", "QA Europe 2");
        PreparedChange<Environment> prepared = preparedChange();
        Step<Environment> requested = new Step.Requested<>(3);
        ArgumentCaptor<EnvironmentForm> bound = ArgumentCaptor.forClass(EnvironmentForm.class);
        when(management.findToChange(any(), eq(ChangeAction.UPDATE), eq("mobile-app"), eq("qa"))).thenReturn(QA);
        when(management.seen("{\"name\":\"QA Europe\"}", QA, "mobile-app")).thenReturn(seen);
        when(management.values(bound.capture())).thenReturn(values);
        when(changes.updating("mobile-app", QA, seen, values)).thenReturn(prepared);
        when(flow.submit(any(), eq(prepared))).thenReturn(requested);
        when(pages.showManaged(eq(requested), any(), any(), any())).thenReturn("redirect:/requests/3");

        mvc.perform(post("/environments/mobile-app/qa/edit").with(FormTokens.fresh())
            .with(csrf())
            .with(TestUsers.editor())
            .param("seen", "{\"name\":\"QA Europe\"}")
            .param("projectKey", "another-project")
            .param("key", "renamed")
            .param("sourceKey", "production")
            .param("name", "QA Europe 2")
            .param("color", "417505")
            .param("minNumApprovals", "2")).andExpect(redirectedUrl("/requests/3"));

        EnvironmentForm form = bound.getValue();
        assertThat(form.getName()).isEqualTo("QA Europe 2");
        assertThat(form.getMinNumApprovals()).as("an edit binds the approval settings").isEqualTo(2);
        assertThat(form.getProjectKey()).as("the project comes from the path").isNull();
        assertThat(form.getKey()).as("an edit never renames the key").isNull();
        assertThat(form.getSourceKey()).isNull();
    }

    @Test
    void deleteWhenTheKeyTypedIsNotTheEnvironmentsThenTheConfirmationAgainAndNothingGoesToTheFlow() throws Exception {
        when(management.findToChange(any(), eq(ChangeAction.DELETE), eq("mobile-app"), eq("qa"))).thenReturn(QA);
        when(changes.deleting("mobile-app", QA)).thenReturn(preparedChange());

        mvc.perform(post("/environments/mobile-app/qa/delete").with(FormTokens.fresh())
            .with(csrf())
            .with(TestUsers.editor())
            .param("confirmation", "production"))
            .andExpect(status().isOk())
            .andExpect(view().name("manage/delete"))
            .andExpect(model().attribute("confirmation", "production"))
            .andExpect(model().attribute("confirmationError",
                    "This is not the environment's key. Type qa exactly as shown."))
            .andExpect(model().attribute("action", "/environments/mobile-app/qa/delete"));

        verify(flow, never()).submit(any(), any());
        verifyNoInteractions(pages);
    }

    @Test
    void deleteWhenAViewerSendsItThenForbiddenAndNothingIsReadOrSent() throws Exception {
        mvc.perform(post("/environments/mobile-app/qa/delete").with(FormTokens.fresh())
            .with(csrf())
            .with(TestUsers.viewer())
            .param("confirmation", "qa")).andExpect(status().isForbidden());

        verifyNoInteractions(management, changes, flow, pages);
    }

    @SuppressWarnings("unchecked")
    private static <T> PreparedChange<T> preparedChange() {
        return mock(PreparedChange.class);
    }

}
