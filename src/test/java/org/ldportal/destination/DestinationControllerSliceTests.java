package org.ldportal.destination;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.ldportal.change.ChangeFlow;
import org.ldportal.change.pages.ChangePages;
import org.ldportal.change.KeptSecrets;
import org.ldportal.change.PreparedChange;
import org.ldportal.change.pages.SignedOutForms;
import org.ldportal.change.Step;
import org.ldportal.change.Submission;
import org.ldportal.form.FieldSpec;
import org.ldportal.form.FieldType;
import org.ldportal.form.FormSpec;
import org.ldportal.form.FormValidation;
import org.ldportal.form.FormValues;
import org.ldportal.launchdarkly.Destination;
import org.ldportal.testsupport.FormTokens;
import org.ldportal.testsupport.TestUsers;
import org.ldportal.testsupport.WebSliceTest;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.hasProperty;
import static org.hamcrest.Matchers.is;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doReturn;
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
 * The "new Data Export destination" controller alone: the form page (who may use it, the
 * values with their kept secrets, the checks beyond Bean Validation, the page's model),
 * the destination service, the change flow and the pages of its steps are mocked. What is
 * tested is what the controller does: fill the form from the address, bind and validate
 * what is sent, show the form again with the checks' errors, and hand a checked form to
 * the flow with its config, its secrets and its draft. What the form page, the service
 * and the flow do is tested in their own tests and, with all of them real and only
 * LaunchDarkly's client mocked, in {@code DestinationControllerTests}.
 */
@WebMvcTest(controllers = DestinationController.class)
@WebSliceTest
class DestinationControllerSliceTests {

    private static final FormSpec KINESIS_FORM = new FormSpec(
            List.of(FieldSpec.builder("streamName", "Stream name", FieldType.TEXT).required(true).build(),
                    FieldSpec.builder("secretKey", "Secret key", FieldType.TEXT).secret(true).build()));

    private static final DestinationKind KINESIS = new DestinationKind("kinesis", "Amazon Kinesis",
            "Events to a Kinesis stream.", DestinationKind.Flow.DIRECT, null, KINESIS_FORM, Set.of("streamName"));

    @Autowired
    MockMvc mvc;

    @MockitoBean
    DestinationFormPage page;

    @MockitoBean
    DestinationService destinations;

    @MockitoBean
    SignedOutForms signedOut;

    @MockitoBean
    ChangeFlow flow;

    @MockitoBean
    ChangePages pages;

    @Test
    void newFormWhenOpenedThenTheProjectAndKindOfTheAddressAndTheFormPageShownEmpty() throws Exception {
        when(page.allowed(any(), any())).thenAnswer(call -> call.getArgument(1));
        when(page.show(any(), any(), any(), any(), any())).thenReturn(DestinationController.FORM);

        mvc.perform(get("/destinations/new").param("project", "mobile-app")
            .param("kind", "kinesis")
            .with(TestUsers.editor()))
            .andExpect(status().isOk())
            .andExpect(view().name("destinations/new"))
            .andExpect(model().attribute("destinationForm",
                    allOf(hasProperty("projectKey", is("mobile-app")), hasProperty("kind", is("kinesis")))))
            .andExpect(model().attributeDoesNotExist(SignedOutForms.RESTORED));

        verify(page).show(any(), eq(FormValues.empty()), eq(Map.of()), any(), any());
        verifyNoInteractions(flow, pages, destinations);
    }

    @Test
    void createWhenTheFormIsInvalidThenTheFormAgainWithItsErrorsAndNothingGoesToTheFlow() throws Exception {
        FormValues typed = new FormValues(Map.of("streamName", List.of("")));
        when(page.allowed(any(), any())).thenAnswer(call -> call.getArgument(1));
        when(page.kept(any(), any(), any(), any(), any())).thenReturn(typed);
        when(page.check(any(), eq(typed), any(), any())).thenAnswer(call -> {
            Map<String, String> configErrors = call.getArgument(3);
            configErrors.put("streamName", "Stream name: fill it in.");
            return Optional.empty();
        });
        when(page.show(any(), any(), any(), any(), any())).thenReturn(DestinationController.FORM);

        mvc.perform(post("/destinations/new").with(FormTokens.fresh())
            .with(csrf())
            .with(TestUsers.editor())
            .param("projectKey", "mobile-app")
            .param("environmentKey", "production")
            .param("name", "")
            .param("kind", "kinesis")
            .param("config[streamName]", ""))
            .andExpect(status().isOk())
            .andExpect(view().name("destinations/new"))
            .andExpect(model().attributeHasFieldErrors("destinationForm", "name"));

        verify(page).show(any(), eq(typed), eq(Map.of("streamName", "Stream name: fill it in.")), any(), any());
        verifyNoInteractions(flow, pages, destinations);
    }

    @Test
    void createWhenCheckedThenItsConfigItsSecretsAndItsDraftGoToTheFlowAndItsStepIsShown() throws Exception {
        FormValues typed = new FormValues(Map.of("streamName", List.of("events"), "secretKey", List.of("s3cr3t-key")));
        Map<String, Object> cleaned = Map.of("streamName", "events");
        @SuppressWarnings("unchecked")
        PreparedChange<Destination> prepared = mock(PreparedChange.class);
        Step<Destination> requested = new Step.Requested<>(7);
        ArgumentCaptor<DestinationForm> bound = ArgumentCaptor.forClass(DestinationForm.class);
        ArgumentCaptor<Submission> sent = ArgumentCaptor.forClass(Submission.class);
        when(page.allowed(any(), any())).thenAnswer(call -> call.getArgument(1));
        when(page.kept(any(), any(), any(), any(), any())).thenAnswer(call -> {
            // As the kept secrets do: the form's draft, normalised, goes into the model.
            call.<Model>getArgument(4).addAttribute(KeptSecrets.DRAFT, "kept-draft-0123456789");
            return typed;
        });
        when(page.check(any(), eq(typed), any(), any()))
            .thenReturn(Optional.of(new DestinationFormPage.Checked(KINESIS, new FormValidation(Map.of(), cleaned))));
        doReturn(prepared).when(destinations)
            .creation(bound.capture(), eq(KINESIS), eq(cleaned), eq(List.of("s3cr3t-key")));
        when(flow.submit(sent.capture(), eq(prepared))).thenReturn(requested);
        when(pages.show(eq(requested), any(), any(), any(BindingResult.class), any(), any()))
            .thenReturn("redirect:/requests/7");

        mvc.perform(post("/destinations/new").with(FormTokens.fresh())
            .with(csrf())
            .with(TestUsers.editor())
            .param("projectKey", "mobile-app")
            .param("environmentKey", "production")
            .param("name", "Events to Kinesis")
            .param("kind", "kinesis")
            .param("on", "false")
            .param(KeptSecrets.DRAFT, "as-the-page-sent-it")
            .param("config[streamName]", "events")
            .param("config[secretKey]", "s3cr3t-key")).andExpect(redirectedUrl("/requests/7"));

        DestinationForm form = bound.getValue();
        assertThat(form.getProjectKey()).isEqualTo("mobile-app");
        assertThat(form.getEnvironmentKey()).isEqualTo("production");
        assertThat(form.getName()).isEqualTo("Events to Kinesis");
        assertThat(form.isOn()).isFalse();
        assertThat(sent.getValue().draft()).as("the draft the kept secrets belong to")
            .isEqualTo("kept-draft-0123456789");
        assertThat(sent.getValue().user().subject()).isEqualTo("eddie");
    }

    @Test
    void refreshWhenAskedThenTheFormAgainForTheChosenKindAndNothingIsChecked() throws Exception {
        when(page.allowed(any(), any())).thenAnswer(call -> call.getArgument(1));
        when(page.kept(any(), any(), any(), any(), any())).thenReturn(FormValues.empty());
        when(page.show(any(), any(), any(), any(), any())).thenReturn(DestinationController.FORM);

        mvc.perform(post("/destinations/new").with(csrf())
            .with(TestUsers.editor())
            .param("refresh", "true")
            .param("projectKey", "mobile-app")
            .param("kind", "kinesis"))
            .andExpect(status().isOk())
            .andExpect(view().name("destinations/new"))
            .andExpect(model().attribute("destinationForm", hasProperty("kind", is("kinesis"))))
            .andExpect(model().hasNoErrors());

        verify(page).show(any(), eq(FormValues.empty()), eq(Map.of()), any(), any());
        verify(page, never()).check(any(), any(), any(), any());
        verifyNoInteractions(flow, pages, destinations);
    }

    @Test
    void createWhenAViewerSendsTheFormThenForbiddenAndTheFormPageIsNeverAsked() throws Exception {
        mvc.perform(post("/destinations/new").with(FormTokens.fresh())
            .with(csrf())
            .with(TestUsers.viewer())
            .param("projectKey", "mobile-app")
            .param("environmentKey", "production")
            .param("name", "Events")
            .param("kind", "kinesis")).andExpect(status().isForbidden());

        verifyNoInteractions(page, flow, pages, destinations);
    }

}
