package org.ldportal.integration;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;

import org.jspecify.annotations.Nullable;
import org.ldportal.change.ChangeFlow;
import org.ldportal.change.pages.ChangeForm;
import org.ldportal.change.pages.ChangePages;
import org.ldportal.change.KeptSecrets;
import org.ldportal.change.Submission;
import org.ldportal.form.FormValidation;
import org.ldportal.form.FormValues;
import org.ldportal.security.CurrentUser;
import org.ldportal.security.PortalRole;
import org.ldportal.access.ProjectAccess;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The integration catalog, and the forms rendered from each manifest, sent through the
 * change flow.
 */
@Controller
@RequestMapping("/integrations")
class IntegrationController {

    private final ManifestCatalog catalog;

    private final IntegrationFormPage page;

    private final IntegrationService integrations;

    private final ProjectAccess access;

    private final ChangeFlow flow;

    private final ChangePages pages;

    IntegrationController(ManifestCatalog catalog, IntegrationFormPage page, IntegrationService integrations,
            ProjectAccess access, ChangeFlow flow, ChangePages pages) {
        this.catalog = catalog;
        this.page = page;
        this.integrations = integrations;
        this.access = access;
        this.flow = flow;
        this.pages = pages;
    }

    @InitBinder("integrationForm")
    void allowedFields(WebDataBinder binder) {
        IntegrationFormPage.allowedFields(binder);
    }

    @GetMapping
    String list(@RequestParam(name = "q", required = false) String query, Model model, CurrentUser user) {
        // Integrations belong to the whole account: with access rules, setting one up
        // needs an account rule.
        model.addAttribute("mayCreate", access.mayInAccount(user, PortalRole.EDITOR));
        model.addAttribute("accountRuleNeeded", user.canCreate() && !access.mayInAccount(user, PortalRole.EDITOR));
        List<Manifest> matching = catalog.all().stream().filter(manifest -> manifest.matches(query)).toList();
        model.addAttribute("q", query);
        model.addAttribute("configurations",
                matching.stream()
                    .filter(m -> m.allowsConfigurations() && m.configurationBlockedBecause() == null)
                    .toList());
        model.addAttribute("subscriptions",
                matching.stream().filter(m -> m.hasAuditLogHook() && m.configurationBlockedBecause() == null).toList());
        List<Manifest> elsewhere = matching.stream().filter(m -> m.configurationBlockedBecause() != null).toList();
        model.addAttribute("elsewhere", elsewhere);
        model.addAttribute("elsewhereLinks", elsewhereLinks(elsewhere));
        model.addAttribute("problem", catalog.problem());
        model.addAttribute("loadedAt", catalog.loadedAt());
        return "integrations/list";
    }

    @PostMapping("/manifests/refresh")
    String refresh(RedirectAttributes redirect) {
        catalog.refresh();
        redirect.addFlashAttribute("refreshed", true);
        return "redirect:/integrations";
    }

    @GetMapping("/{key}/new")
    String initCreationForm(@PathVariable String key, @RequestParam(name = "type", required = false) String type,
            Model model, HttpServletRequest request, CurrentUser user) {
        IntegrationFormPage.Form form = page.allowed(key, type, user);
        IntegrationForm integrationForm = IntegrationFormPage.fresh(form.manifest());
        model.addAttribute("integrationForm", integrationForm);
        return page.show(form, page.restored(request, form, integrationForm, model), Map.of(), model);
    }

    /**
     * "Change something" on the review page: the form again, filled, its secrets still
     * kept.
     */
    @PostMapping(value = "/{key}/new", params = "refresh")
    String revise(@PathVariable String key, @RequestParam(name = "type", required = false) String type,
            @ModelAttribute IntegrationForm integrationForm, Submission submission, Model model, HttpSession session) {
        IntegrationFormPage.Form form = page.allowed(key, type, submission.user());
        return page.show(form, page.kept(session, submission.draft(), form.spec(), submission.parameters(), model),
                Map.of(), model);
    }

    /**
     * The policy editor's buttons, which work without JavaScript: add a row, remove one,
     * apply a preset.
     */
    @PostMapping(value = "/{key}/new", params = "editPolicy")
    String editPolicy(@PathVariable String key, @RequestParam(name = "type", required = false) String type,
            @RequestParam("editPolicy") String edit, @ModelAttribute IntegrationForm integrationForm,
            Submission submission, Model model, HttpSession session) {
        IntegrationFormPage.Form form = page.allowed(key, type, submission.user());
        PolicyPresets.applyPolicyEdit(integrationForm.getStatements(), edit);
        return page.show(form, page.kept(session, submission.draft(), form.spec(), submission.parameters(), model),
                Map.of(), model);
    }

    @PostMapping("/{key}/new")
    @Nullable String processCreationForm(@PathVariable String key, @RequestParam(name = "type", required = false) String type,
            @Valid @ModelAttribute IntegrationForm integrationForm, BindingResult result, Submission submission,
            Model model, RedirectAttributes redirect, HttpSession session) {
        IntegrationFormPage.Form form = page.allowed(key, type, submission.user());
        FormValues values = page.kept(session, submission.draft(), form.spec(), submission.parameters(), model);
        Optional<FormValidation> valid = page.check(form, integrationForm, values, result);
        if (valid.isEmpty()) {
            return page.show(form, values, page.errors(form, values), model);
        }
        Submission sent = submission.with(KeptSecrets.DRAFT, (String) model.getAttribute(KeptSecrets.DRAFT));
        return pages.show(
                flow.submit(sent,
                        integrations.creation(form.manifest(), form.type(), integrationForm, form.spec(),
                                valid.get().cleaned(), values.secretValues(form.spec()))),
                sent, new CreationPage(form, values, model), result, model, redirect);
    }

    @GetMapping("/created")
    String showCreated(Model model) {
        return model.containsAttribute("created") ? "integrations/created" : "redirect:/integrations";
    }

    /**
     * Where to set up each integration the portal cannot: its own page, on LaunchDarkly's
     * host for a relative one.
     */
    private Map<String, String> elsewhereLinks(List<Manifest> elsewhere) {
        Map<String, String> links = new HashMap<>();
        elsewhere.stream()
            .filter(m -> m.setUpElsewhereUrl() != null)
            .forEach(m -> links.put(m.key(), m.setUpElsewhereUrl().startsWith("/")
                    ? integrations.page(m.setUpElsewhereUrl()) : m.setUpElsewhereUrl()));
        return links;
    }

    /** The form page as the change flow's steps need it. */
    private final class CreationPage implements ChangeForm {

        private final IntegrationFormPage.Form form;

        private final FormValues values;

        private final Model model;

        CreationPage(IntegrationFormPage.Form form, FormValues values, Model model) {
            this.form = form;
            this.values = values;
            this.model = model;
        }

        @Override
        public String again(Map<String, String> configErrors) {
            return page.show(form, values, configErrors, model);
        }

        @Override
        public String shown(Object created, RedirectAttributes redirect) {
            return ChangeForm.flashed("created", "/integrations/created", created, redirect);
        }

        @Override
        public ReviewPost review(MultiValueMap<String, String> parameters) {
            return page.review(form, parameters, (String) model.getAttribute(KeptSecrets.DRAFT));
        }

    }

}
