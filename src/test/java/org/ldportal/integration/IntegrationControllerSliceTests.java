package org.ldportal.integration;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.ldportal.change.ChangeFlow;
import org.ldportal.change.pages.ChangePages;
import org.ldportal.change.KeptSecrets;
import org.ldportal.change.PreparedChange;
import org.ldportal.change.Step;
import org.ldportal.change.Submission;
import org.ldportal.form.FieldSpec;
import org.ldportal.form.FieldType;
import org.ldportal.form.FormSpec;
import org.ldportal.form.FormValidation;
import org.ldportal.form.FormValues;
import org.ldportal.security.PortalRole;
import org.ldportal.access.ProjectAccess;
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
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * The integration catalog and "new integration" controller alone: the manifest catalog,
 * the form page (the manifest and type asked for, who may use it, the values with their
 * kept secrets, the checks beyond Bean Validation), the integration service, the access
 * rules, the change flow and the pages of its steps are mocked; the form page's model is
 * its own (it reads nothing but what it is given), so the real template renders it. What
 * is tested is what the controller does: sort the catalog into what can be set up here
 * and elsewhere, refresh it, show a form again with its errors, and hand a checked form
 * to the flow. What the catalog, the form page, the service and the flow do is tested in
 * their own tests and, end to end, in {@code IntegrationPagesTests}.
 */
@WebMvcTest(controllers = IntegrationController.class)
@WebSliceTest
class IntegrationControllerSliceTests {

    private static final Manifest CHAT = manifest("chat", "Chat Alerts", true, false, null, null);

    private static final Manifest LOG_STREAM = manifest("log-stream", "Log Stream", false, true, null, null);

    private static final Manifest EDGE = manifest("edge", "Edge Store", true, false,
            "Its configuration needs LaunchDarkly's own set-up.", "/settings/integrations/edge");

    private static final FormSpec CHAT_FORM = new FormSpec(
            List.of(FieldSpec.builder("channel", "Channel", FieldType.TEXT).required(true).build(),
                    FieldSpec.builder("token", "Token", FieldType.TEXT).secret(true).build()));

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ManifestCatalog catalog;

    @MockitoBean
    IntegrationFormPage page;

    @MockitoBean
    IntegrationService integrations;

    @MockitoBean
    ProjectAccess access;

    @MockitoBean
    ChangeFlow flow;

    @MockitoBean
    ChangePages pages;

    @Test
    void listWhenAnEditorWithoutAnAccountRuleOpensItThenTheCatalogSortedAndAnAccountRuleSaidToBeNeeded()
            throws Exception {
        when(catalog.all()).thenReturn(List.of(CHAT, LOG_STREAM, EDGE));
        when(access.mayInAccount(any(), eq(PortalRole.EDITOR))).thenReturn(false);
        when(integrations.page("/settings/integrations/edge"))
            .thenReturn("https://app.launchdarkly.com/settings/integrations/edge");

        mvc.perform(get("/integrations").with(TestUsers.editor()))
            .andExpect(status().isOk())
            .andExpect(view().name("integrations/list"))
            .andExpect(model().attribute("configurations", List.of(CHAT)))
            .andExpect(model().attribute("subscriptions", List.of(LOG_STREAM)))
            .andExpect(model().attribute("elsewhere", List.of(EDGE)))
            .andExpect(model().attribute("elsewhereLinks",
                    Map.of("edge", "https://app.launchdarkly.com/settings/integrations/edge")))
            .andExpect(model().attribute("mayCreate", false))
            .andExpect(model().attribute("accountRuleNeeded", true));
        verifyNoInteractions(flow, page);
    }

    @Test
    void refreshWhenAnAdminAsksThenTheCatalogIsReadAgainAndTheListSaysSo() throws Exception {
        mvc.perform(post("/integrations/manifests/refresh").with(csrf()).with(TestUsers.admin()))
            .andExpect(redirectedUrl("/integrations"))
            .andExpect(flash().attribute("refreshed", true));

        verify(catalog).refresh();
    }

    @Test
    void refreshWhenAnEditorAsksThenForbiddenAndTheCatalogIsNotReadAgain() throws Exception {
        mvc.perform(post("/integrations/manifests/refresh").with(csrf()).with(TestUsers.editor()))
            .andExpect(status().isForbidden());

        verify(catalog, never()).refresh();
    }

    @Test
    void createWhenTheFormIsInvalidThenTheFormAgainWithItsErrorsAndNothingGoesToTheFlow() throws Exception {
        IntegrationFormPage.Form form = new IntegrationFormPage.Form(CHAT, IntegrationType.CONFIGURATION, CHAT_FORM,
                null);
        FormValues typed = new FormValues(Map.of("channel", List.of("")));
        when(page.allowed(eq("chat"), eq("configuration"), any())).thenReturn(form);
        when(page.kept(any(), any(), eq(CHAT_FORM), any(), any())).thenReturn(typed);
        when(page.check(eq(form), any(), eq(typed), any())).thenReturn(Optional.empty());
        when(page.errors(form, typed)).thenReturn(Map.of("channel", "Fill it in."));
        when(page.show(any(), any(), any(), any())).thenCallRealMethod();

        mvc.perform(post("/integrations/chat/new").param("type", "configuration")
            .with(FormTokens.fresh())
            .with(csrf())
            .with(TestUsers.editor())
            .param("name", "")
            .param("config[channel]", ""))
            .andExpect(status().isOk())
            .andExpect(view().name("integrations/new"))
            .andExpect(model().attributeHasFieldErrors("integrationForm", "name"))
            .andExpect(model().attribute("manifest", CHAT));

        verify(page).show(eq(form), eq(typed), eq(Map.of("channel", "Fill it in.")), any());
        verifyNoInteractions(flow, pages, integrations);
    }

    @Test
    void createWhenCheckedThenItsConfigItsSecretsAndItsDraftGoToTheFlowAndItsStepIsShown() throws Exception {
        IntegrationFormPage.Form form = new IntegrationFormPage.Form(CHAT, IntegrationType.CONFIGURATION, CHAT_FORM,
                null);
        FormValues typed = new FormValues(Map.of("channel", List.of("#releases"), "token", List.of("s3cr3t-token")));
        Map<String, Object> cleaned = Map.of("channel", "#releases");
        @SuppressWarnings("unchecked")
        PreparedChange<IntegrationService.Created> prepared = mock(PreparedChange.class);
        Step<IntegrationService.Created> requested = new Step.Requested<>(12);
        ArgumentCaptor<IntegrationForm> bound = ArgumentCaptor.forClass(IntegrationForm.class);
        ArgumentCaptor<Submission> sent = ArgumentCaptor.forClass(Submission.class);
        when(page.allowed(eq("chat"), eq("configuration"), any())).thenReturn(form);
        when(page.kept(any(), any(), eq(CHAT_FORM), any(), any())).thenAnswer(call -> {
            // As the kept secrets do: the form's draft, normalised, goes into the model.
            call.<Model>getArgument(4).addAttribute(KeptSecrets.DRAFT, "kept-draft-0123456789");
            return typed;
        });
        when(page.check(eq(form), any(), eq(typed), any()))
            .thenReturn(Optional.of(new FormValidation(Map.of(), cleaned)));
        when(integrations.creation(eq(CHAT), eq(IntegrationType.CONFIGURATION), bound.capture(), eq(CHAT_FORM),
                eq(cleaned), eq(List.of("s3cr3t-token"))))
            .thenReturn(prepared);
        when(flow.submit(sent.capture(), eq(prepared))).thenReturn(requested);
        when(pages.show(eq(requested), any(), any(), any(BindingResult.class), any(), any()))
            .thenReturn("redirect:/requests/12");

        mvc.perform(post("/integrations/chat/new").param("type", "configuration")
            .with(FormTokens.fresh())
            .with(csrf())
            .with(TestUsers.editor())
            .param("name", "Releases to chat")
            .param("enabled", "false")
            .param("tags", "team-a")
            .param(KeptSecrets.DRAFT, "as-the-page-sent-it")
            .param("config[channel]", "#releases")
            .param("config[token]", "s3cr3t-token")).andExpect(redirectedUrl("/requests/12"));

        IntegrationForm integrationForm = bound.getValue();
        assertThat(integrationForm.getName()).isEqualTo("Releases to chat");
        assertThat(integrationForm.isEnabled()).isFalse();
        assertThat(integrationForm.getTags()).isEqualTo("team-a");
        assertThat(sent.getValue().draft()).as("the draft the kept secrets belong to")
            .isEqualTo("kept-draft-0123456789");
        assertThat(sent.getValue().user().subject()).isEqualTo("eddie");
    }

    private static Manifest manifest(String key, String name, boolean configurations, boolean auditLogHook,
            String blockedBecause, String elsewhere) {
        return new Manifest(key, name, name + " for LaunchDarkly.", List.of("notifications"),
                "https://" + key + ".example.com", "https://docs.example.com/" + key, configurations, auditLogHook,
                List.of(), false, blockedBecause, elsewhere, List.of());
    }

}
