package org.ldportal.destination;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.ldportal.audit.ResourceHistory;
import org.ldportal.change.ApiFailureTranslator;
import org.ldportal.change.ChangeFlow;
import org.ldportal.change.pages.ChangePages;
import org.ldportal.change.PreparedChange;
import org.ldportal.change.Step;
import org.ldportal.launchdarkly.Destination;
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
import static org.hamcrest.Matchers.hasProperty;
import static org.hamcrest.Matchers.is;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
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
 * The controller of the Data Export destinations that exist alone: the destination
 * management (read, check an edit, who may do what), the changes it prepares, the
 * resource history, the failure translator, the change flow and the pages of its steps
 * are mocked. What is tested is what the controller does: put what they answer into the
 * detail page, offer the switch that turns it the other way, send a switch for the
 * version the page showed, show an edit again with its errors, and refuse a delete whose
 * name was mistyped before anything is sent. What the management, the changes and the
 * flow do is tested in their own tests and, end to end, in
 * {@code DestinationManageTests}.
 */
@WebMvcTest(controllers = DestinationManageController.class)
@WebSliceTest
class DestinationManageControllerSliceTests {

    private static final DestinationManagement.Row EVENTS = new DestinationManagement.Row(
            new Destination("dest-1", "Events", "kinesis", true, 0L, Map.of(), 4, Map.of("streamName", "events")),
            "mobile-app", "production", "Amazon Kinesis", "https://app.launchdarkly.com/mobile-app/production");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    DestinationManagement management;

    @MockitoBean
    DestinationApprovals changes;

    @MockitoBean
    ResourceHistory history;

    @MockitoBean
    ApiFailureTranslator failures;

    @MockitoBean
    ChangeFlow flow;

    @MockitoBean
    ChangePages pages;

    @Test
    void detailWhenOpenedThenTheDestinationItsConfigAndTheSwitchToTurnItOff() throws Exception {
        when(management.find(any(), eq("mobile-app"), eq("production"), eq("dest-1"))).thenReturn(EVENTS);
        when(management.shownConfig(EVENTS)).thenReturn(Map.of("Stream name", "events"));
        when(management.mayChange(any(), eq(EVENTS))).thenReturn(true);
        when(changes.turning(any(), anyBoolean())).thenReturn(preparedChange());
        when(flow.approvalNeeded(any())).thenReturn(Optional.of("One of the platform team approves it."));

        mvc.perform(get("/destinations/mobile-app/production/dest-1").with(TestUsers.viewer()))
            .andExpect(status().isOk())
            .andExpect(view().name("destinations/detail"))
            .andExpect(model().attribute("row", EVENTS))
            .andExpect(model().attribute("config", Map.of("Stream name", "events")))
            .andExpect(model().attribute("mayChange", true))
            .andExpect(model().attribute("approvalNeeded", "One of the platform team approves it."))
            .andExpect(
                    model().attribute("trailUrl", "/audit?type=destination&project=mobile-app&environment=production"));

        verify(changes).turning(EVENTS, false);
        verify(flow, never()).submit(any(), any());
    }

    @Test
    void turnOffWhenSentThenTheSwitchOfTheVersionThePageShowedGoesToTheFlowAndItsStepIsShown() throws Exception {
        PreparedChange<Destination> prepared = preparedChange();
        Step<Destination> requested = new Step.Requested<>(5);
        ArgumentCaptor<DestinationManagement.Row> seen = ArgumentCaptor.forClass(DestinationManagement.Row.class);
        when(management.findToChange(any(), eq(ChangeAction.TURN_OFF), eq("mobile-app"), eq("production"),
                eq("dest-1")))
            .thenReturn(EVENTS);
        when(changes.turning(seen.capture(), eq(false))).thenReturn(prepared);
        when(flow.submit(any(), eq(prepared))).thenReturn(requested);
        when(pages.showManaged(eq(requested), any(), any(), any())).thenReturn("redirect:/requests/5");

        mvc.perform(post("/destinations/mobile-app/production/dest-1/turn-off").with(FormTokens.fresh())
            .with(csrf())
            .with(TestUsers.editor())
            .param("version", "3")).andExpect(redirectedUrl("/requests/5"));

        assertThat(seen.getValue().destination().version()).as("the page's version, not the one read now").isEqualTo(3);
        verify(management).requireAllowed(any(), eq(seen.getValue()), eq(ChangeAction.TURN_OFF));
    }

    @Test
    void updateWhenTheEditHasErrorsThenTheEditAgainWithThemAndNothingGoesToTheFlow() throws Exception {
        when(management.findToChange(any(), eq(ChangeAction.UPDATE), eq("mobile-app"), eq("production"), eq("dest-1")))
            .thenReturn(EVENTS);
        // The name refused by the form's own check: the kind's fields are checked without
        // it.
        when(management.edit(eq(EVENTS), eq(4), isNull(), any(), eq("{}")))
            .thenReturn(new DestinationManagement.Edit(Map.of(), Map.of(), null));
        when(changes.updating(any(), any(), any())).thenReturn(preparedChange());

        mvc.perform(post("/destinations/mobile-app/production/dest-1/edit").with(FormTokens.fresh())
            .with(csrf())
            .with(TestUsers.editor())
            .param("name", "")
            .param("version", "4"))
            .andExpect(status().isOk())
            .andExpect(view().name("destinations/edit"))
            .andExpect(model().attribute("row", EVENTS))
            .andExpect(model().attribute("destinationForm", hasProperty("name", is(""))))
            .andExpect(model().attributeHasFieldErrorCode("destinationForm", "name", "NotBlank"));

        verify(management).requireAllowed(any(), eq(EVENTS), eq(ChangeAction.UPDATE));
        verify(flow, never()).submit(any(), any());
        verifyNoInteractions(pages);
    }

    @Test
    void deleteWhenNoNameIsTypedThenTheConfirmationAgainAskingForItAndNothingGoesToTheFlow() throws Exception {
        when(management.findToChange(any(), eq(ChangeAction.DELETE), eq("mobile-app"), eq("production"), eq("dest-1")))
            .thenReturn(EVENTS);
        when(changes.deleting(EVENTS)).thenReturn(preparedChange());

        mvc.perform(post("/destinations/mobile-app/production/dest-1/delete").with(FormTokens.fresh())
            .with(csrf())
            .with(TestUsers.editor())
            .param("confirmation", " "))
            .andExpect(status().isOk())
            .andExpect(view().name("manage/delete"))
            .andExpect(model().attribute("confirmationError", "Type the destination's name to confirm."))
            .andExpect(model().attribute("cancel", "/destinations/mobile-app/production/dest-1"));

        verify(flow, never()).submit(any(), any());
        verifyNoInteractions(pages);
    }

    @Test
    void turnOnWhenAViewerSendsItThenForbiddenAndNothingIsReadOrSent() throws Exception {
        mvc.perform(post("/destinations/mobile-app/production/dest-1/turn-on").with(FormTokens.fresh())
            .with(csrf())
            .with(TestUsers.viewer())
            .param("version", "4")).andExpect(status().isForbidden());

        verifyNoInteractions(management, changes, flow, pages);
    }

    @SuppressWarnings("unchecked")
    private static <T> PreparedChange<T> preparedChange() {
        return mock(PreparedChange.class);
    }

}
