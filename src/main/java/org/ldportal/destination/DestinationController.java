package org.ldportal.destination;

import java.util.LinkedHashMap;
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
import org.ldportal.form.FormValues;
import org.ldportal.security.CurrentUser;
import org.ldportal.change.pages.SignedOutForms;
import org.springframework.beans.MutablePropertyValues;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Data Export destination form: one form whose fields follow the chosen kind, sent
 * through the change flow; a warehouse kind's set-up goes to a page of its own
 * ({@link WarehouseSetupController}).
 */
@Controller
@RequestMapping("/destinations")
class DestinationController {

    static final String FORM = "destinations/new";

    private final DestinationFormPage page;

    private final DestinationService destinations;

    private final SignedOutForms signedOut;

    private final ChangeFlow flow;

    private final ChangePages pages;

    DestinationController(DestinationFormPage page, DestinationService destinations, SignedOutForms signedOut,
            ChangeFlow flow, ChangePages pages) {
        this.page = page;
        this.destinations = destinations;
        this.signedOut = signedOut;
        this.flow = flow;
        this.pages = pages;
    }

    @InitBinder("destinationForm")
    void allowedFields(WebDataBinder binder) {
        binder.setAllowedFields("projectKey", "environmentKey", "name", "kind", "on");
    }

    @GetMapping("/new")
    String initCreationForm(@RequestParam(name = "project", required = false) String project,
            @RequestParam(name = "kind", required = false) String kind, Model model, HttpServletRequest request,
            CurrentUser user) {
        DestinationForm form = new DestinationForm();
        form.setProjectKey(project);
        form.setKind(kind);
        model.addAttribute("destinationForm", form);
        FormValues values = FormValues.empty();
        Optional<MultiValueMap<String, String>> sent = signedOut.take(request);
        if (sent.isPresent()) {
            WebDataBinder binder = new WebDataBinder(form, "destinationForm");
            allowedFields(binder);
            binder.bind(new MutablePropertyValues(sent.get().toSingleValueMap()));
            FormValues typed = FormValues.fromParameters(sent.get(), DestinationFormPage.CONFIG);
            values = page.kind(form).map(chosen -> typed.withoutSecrets(chosen.form())).orElse(FormValues.empty());
            model.addAttribute(SignedOutForms.RESTORED, true);
        }
        return page.show(form, values, Map.of(), model, page.allowed(form, user));
    }

    /**
     * Without JavaScript, "Show fields" re-renders the page for the chosen project and
     * kind; nothing is sent.
     */
    @PostMapping(value = "/new", params = "refresh")
    String refreshCreationForm(@ModelAttribute DestinationForm destinationForm, Submission submission, Model model,
            HttpSession session) {
        CurrentUser user = page.allowed(destinationForm, submission.user());
        FormValues values = page.kept(session, submission.draft(), destinationForm, submission.parameters(), model);
        return page.show(destinationForm, values, Map.of(), model, user);
    }

    @PostMapping("/new")
    @Nullable String processCreationForm(@Valid @ModelAttribute DestinationForm destinationForm, BindingResult result,
            Submission submission, Model model, RedirectAttributes redirect, HttpSession session) {
        CurrentUser user = page.allowed(destinationForm, submission.user());
        FormValues values = page.kept(session, submission.draft(), destinationForm, submission.parameters(), model);
        Map<String, String> configErrors = new LinkedHashMap<>();
        Optional<DestinationFormPage.Checked> checked = page.check(destinationForm, values, result, configErrors);
        if (checked.isEmpty()) {
            return page.show(destinationForm, values, configErrors, model, user);
        }
        DestinationKind kind = checked.get().kind();
        Submission sent = submission.with(KeptSecrets.DRAFT, (String) model.getAttribute(KeptSecrets.DRAFT));
        return pages.show(
                flow.submit(sent,
                        destinations.creation(destinationForm, kind, checked.get().validation().cleaned(),
                                values.secretValues(kind.form()))),
                sent, new CreationPage(destinationForm, kind, values, model, session, user), result, model, redirect);
    }

    /** The kind's field block, swapped in by the page's script when the kind changes. */
    @PostMapping("/new/fields")
    String kindFieldsFragment(@ModelAttribute DestinationForm destinationForm,
            @RequestParam MultiValueMap<String, String> parameters, Model model, CurrentUser user) {
        page.allowed(destinationForm, user);
        page.addKind(destinationForm, FormValues.fromParameters(parameters, DestinationFormPage.CONFIG), Map.of(),
                model);
        return FORM + " :: kindFields";
    }

    /** The environment select, swapped in when the project changes. */
    @PostMapping("/new/environments")
    String environmentsFragment(@ModelAttribute DestinationForm destinationForm, Model model, CurrentUser user) {
        page.environments(destinationForm, model, page.allowed(destinationForm, user));
        return FORM + " :: environments";
    }

    @GetMapping("/created")
    String showCreated(Model model) {
        return model.containsAttribute("created") ? "destinations/created" : "redirect:/destinations/new";
    }

    /** The form page as the change flow's steps need it. */
    private final class CreationPage implements ChangeForm {

        private final DestinationForm form;

        private final DestinationKind kind;

        private final FormValues values;

        private final Model model;

        private final HttpSession session;

        private final CurrentUser user;

        CreationPage(DestinationForm form, DestinationKind kind, FormValues values, Model model, HttpSession session,
                CurrentUser user) {
            this.form = form;
            this.kind = kind;
            this.values = values;
            this.model = model;
            this.session = session;
            this.user = user;
        }

        @Override
        public String again(Map<String, String> configErrors) {
            return page.show(form, values, configErrors, model, user);
        }

        @Override
        public String shown(Object resultPage, RedirectAttributes redirect) {
            // A warehouse kind's set-up is its own page; a destination made, the result
            // page.
            return resultPage instanceof Long setup ? "redirect:/destinations/setups/" + setup
                    : ChangeForm.flashed("created", "/destinations/created", resultPage, redirect);
        }

        @Override
        public ReviewPost review(MultiValueMap<String, String> parameters) {
            return page.review(kind, values, parameters, session, (String) model.getAttribute(KeptSecrets.DRAFT));
        }

    }

}
