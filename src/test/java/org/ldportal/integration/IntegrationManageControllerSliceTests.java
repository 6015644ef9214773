package org.ldportal.integration;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.ldportal.change.ApiFailureTranslator;
import org.ldportal.change.ChangeFlow;
import org.ldportal.change.pages.ChangePages;
import org.ldportal.change.PatchPlan;
import org.ldportal.change.PreparedChange;
import org.ldportal.change.Step;
import org.ldportal.form.FormSpec;
import org.ldportal.launchdarkly.PolicyStatement;
import org.ldportal.resource.ChangeAction;
import org.ldportal.testsupport.FormTokens;
import org.ldportal.testsupport.TestUsers;
import org.ldportal.testsupport.WebSliceTest;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.hasProperty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.eq;
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
 * The controller of an integration's configurations and subscriptions that exist, alone:
 * the manifest catalog, the integration management (read, check an edit, who may do
 * what), the changes it prepares, the failure translator, the change flow and the pages
 * of its steps are mocked. What is tested is what the controller does: find the manifest
 * of the address (or answer 404), read what the path names as what it names, bind only
 * the policy into the form, show an edit again with its errors, hand a checked edit to
 * the flow and show the step it answers, and refuse a delete whose name was mistyped
 * before anything is sent. What the catalog, the management, the changes and the flow do
 * is tested in their own tests and, end to end, in {@code IntegrationManageTests}.
 */
@WebMvcTest(controllers = IntegrationManageController.class)
@WebSliceTest
class IntegrationManageControllerSliceTests {

    private static final Manifest LOG_STREAM = new Manifest("log-stream", "Log Stream", "Audit log to a stream.",
            List.of("monitoring"), "https://logs.example.com", "https://docs.example.com/log-stream", false, true,
            List.of(), false, null, null, List.of());

    private static final IntegrationManagement.Item AUDIT = new IntegrationManagement.Item(IntegrationType.SUBSCRIPTION,
            "sub-1", "Audit to logs", true, List.of("team-a"), Map.of(), 2, null,
            List.of(new PolicyStatement("allow", List.of("proj/*"), null, List.of("*"), null)));

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ManifestCatalog catalog;

    @MockitoBean
    IntegrationManagement management;

    @MockitoBean
    IntegrationApprovals changes;

    @MockitoBean
    ApiFailureTranslator failures;

    @MockitoBean
    ChangeFlow flow;

    @MockitoBean
    ChangePages pages;

    @Test
    void detailWhenOpenedThenTheSubscriptionThePathNamesWithWhatThePersonMayDo() throws Exception {
        when(catalog.find("log-stream")).thenReturn(Optional.of(LOG_STREAM));
        when(management.find(any(), eq(LOG_STREAM), eq(IntegrationType.SUBSCRIPTION), eq("sub-1"))).thenReturn(AUDIT);
        when(management.mayChange(any())).thenReturn(true);
        when(changes.turning(any(), any(), anyBoolean())).thenReturn(preparedChange());

        mvc.perform(get("/integrations/log-stream/subscriptions/sub-1").with(TestUsers.viewer()))
            .andExpect(status().isOk())
            .andExpect(view().name("integrations/item"))
            .andExpect(model().attribute("manifest", LOG_STREAM))
            .andExpect(model().attribute("item", AUDIT))
            .andExpect(model().attribute("mayChange", true));

        verify(changes).turning(LOG_STREAM, AUDIT, false);
        verify(flow, never()).submit(any(), any());
    }

    @Test
    void detailWhenTheIntegrationIsNotInTheCatalogThenNotFoundAndNothingIsRead() throws Exception {
        mvc.perform(get("/integrations/no-such-thing/subscriptions/sub-1").with(TestUsers.viewer()))
            .andExpect(status().isNotFound());

        verifyNoInteractions(management, changes, flow);
    }

    @Test
    void updateWhenCheckedThenThePolicyIsBoundTheNameStrippedAndTheEditGoesToTheFlowAndItsStepIsShown()
            throws Exception {
        FormSpec form = new FormSpec(List.of());
        PatchPlan plan = new PatchPlan().field("/name", "Name", "Audit to logs", "Audit to the stream");
        PreparedChange<IntegrationManagement.Item> prepared = preparedChange();
        Step<IntegrationManagement.Item> requested = new Step.Requested<>(9);
        ArgumentCaptor<IntegrationForm> fixed = ArgumentCaptor.forClass(IntegrationForm.class);
        when(catalog.find("log-stream")).thenReturn(Optional.of(LOG_STREAM));
        when(management.findToChange(any(), eq(ChangeAction.UPDATE), eq(LOG_STREAM), eq(IntegrationType.SUBSCRIPTION),
                eq("sub-1")))
            .thenReturn(AUDIT);
        when(management.configForm(eq(LOG_STREAM), any())).thenReturn(form);
        when(management.edit(eq(LOG_STREAM), eq(form), eq(AUDIT), eq(2), fixed.capture(), eq("{}"), any(), any()))
            .thenReturn(new IntegrationManagement.Edit(Map.of(), plan));
        when(changes.updating(LOG_STREAM, AUDIT, "Audit to the stream", plan)).thenReturn(prepared);
        when(flow.submit(any(), eq(prepared))).thenReturn(requested);
        when(pages.showManaged(eq(requested), any(), any(), any())).thenReturn("redirect:/requests/9");

        mvc.perform(post("/integrations/log-stream/subscriptions/sub-1/edit").with(FormTokens.fresh())
            .with(csrf())
            .with(TestUsers.editor())
            .param("name", " Audit to the stream ")
            .param("tags", "team-a")
            .param("version", "2")
            .param("statements[0].effect", "allow")
            .param("statements[0].resources", "proj/mobile-app:env/*:flag/*")
            .param("statements[0].actions", "*")).andExpect(redirectedUrl("/requests/9"));

        assertThat(fixed.getValue().getName()).isEqualTo("Audit to the stream");
        assertThat(fixed.getValue().getTags()).isEqualTo("team-a");
        assertThat(fixed.getValue().getStatements()).singleElement()
            .satisfies(row -> assertThat(row.getResources()).isEqualTo("proj/mobile-app:env/*:flag/*"));
        verify(management).requireAllowed(any(), eq(LOG_STREAM), eq(AUDIT), eq(ChangeAction.UPDATE));
    }

    @Test
    void updateWhenTheEditHasErrorsThenTheEditAgainWithThemOnlyNameTagsAndPolicyBoundAndNothingGoesToTheFlow()
            throws Exception {
        FormSpec form = new FormSpec(List.of());
        when(catalog.find("log-stream")).thenReturn(Optional.of(LOG_STREAM));
        when(management.findToChange(any(), eq(ChangeAction.UPDATE), eq(LOG_STREAM), eq(IntegrationType.SUBSCRIPTION),
                eq("sub-1")))
            .thenReturn(AUDIT);
        when(management.configForm(eq(LOG_STREAM), any())).thenReturn(form);
        when(management.edit(any(), any(), any(), any(), any(), any(), any(), any()))
            .thenReturn(new IntegrationManagement.Edit(Map.of(), null));
        when(changes.updating(any(), any(), any(), any())).thenReturn(preparedChange());

        mvc.perform(post("/integrations/log-stream/subscriptions/sub-1/edit").with(FormTokens.fresh())
            .with(csrf())
            .with(TestUsers.editor())
            .param("name", "")
            .param("enabled", "false")
            .param("additionalFormVariables", "[]")
            .param("statements[0].effect", "deny")
            .param("statements[0].resources", "proj/*"))
            .andExpect(status().isOk())
            .andExpect(view().name("integrations/edit"))
            .andExpect(model().attributeHasFieldErrorCode("integrationForm", "name", "NotBlank"))
            .andExpect(model().attribute("integrationForm", allOf(hasProperty("name", is("")),
                    hasProperty("enabled", is(true)), hasProperty("additionalFormVariables", nullValue()))));

        verify(flow, never()).submit(any(), any());
        verifyNoInteractions(pages);
    }

    @Test
    void deleteWhenTheNameTypedIsNotItsThenTheConfirmationAgainAndNothingGoesToTheFlow() throws Exception {
        when(catalog.find("log-stream")).thenReturn(Optional.of(LOG_STREAM));
        when(management.findToChange(any(), eq(ChangeAction.DELETE), eq(LOG_STREAM), eq(IntegrationType.SUBSCRIPTION),
                eq("sub-1")))
            .thenReturn(AUDIT);
        when(changes.deleting(LOG_STREAM, AUDIT)).thenReturn(preparedChange());

        mvc.perform(post("/integrations/log-stream/subscriptions/sub-1/delete").with(FormTokens.fresh())
            .with(csrf())
            .with(TestUsers.editor())
            .param("confirmation", "Audit"))
            .andExpect(status().isOk())
            .andExpect(view().name("manage/delete"))
            .andExpect(model().attribute("confirmationError",
                    "This is not the audit-log subscription's name. Type Audit to logs exactly as shown."))
            .andExpect(model().attribute("cancel", "/integrations/log-stream/subscriptions/sub-1"));

        verify(flow, never()).submit(any(), any());
        verifyNoInteractions(pages);
    }

    @SuppressWarnings("unchecked")
    private static <T> PreparedChange<T> preparedChange() {
        return mock(PreparedChange.class);
    }

}
