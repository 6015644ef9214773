package org.ldportal.environment;

import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.jspecify.annotations.Nullable;
import org.ldportal.change.ChangeFlow;
import org.ldportal.change.pages.ChangeForm;
import org.ldportal.change.pages.ChangePages;
import org.ldportal.change.Submission;
import org.ldportal.change.pages.SubmissionPages;
import org.ldportal.security.CurrentUser;
import org.ldportal.change.pages.PageLookups;
import org.ldportal.access.PermittedPlaces;
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
 * The "new environment" form: show, refresh (project changed), submit through the change
 * flow, and the result page.
 */
@Controller
@RequestMapping("/environments")
class EnvironmentController {

    static final String FORM = "environments/new";

    private final EnvironmentService environments;

    private final PageLookups lookups;

    private final SignedOutForms signedOut;

    private final PermittedPlaces places;

    private final ChangeFlow flow;

    private final ChangePages pages;

    EnvironmentController(EnvironmentService environments, PageLookups lookups, SignedOutForms signedOut,
            PermittedPlaces places, ChangeFlow flow, ChangePages pages) {
        this.environments = environments;
        this.lookups = lookups;
        this.signedOut = signedOut;
        this.places = places;
        this.flow = flow;
        this.pages = pages;
    }

    @InitBinder("environmentForm")
    void allowedFields(WebDataBinder binder) {
        binder.setAllowedFields(EnvironmentSetting.createFields("projectKey", "key", "sourceKey", "deleteAfter"));
    }

    /** The days the "delete after" field offers (min and max of its date input). */
    @ModelAttribute("deleteDays")
    TimeLimitedEnvironments.Days deleteDays() {
        return environments.deleteDays();
    }

    /** The description the pages render the settings' fields and labels from. */
    @ModelAttribute("settings")
    List<EnvironmentSetting> settings() {
        return List.of(EnvironmentSetting.values());
    }

    @GetMapping("/new")
    String initCreationForm(@RequestParam(name = "project", required = false) String project, Model model,
            CurrentUser user, HttpServletRequest request) {
        EnvironmentForm form = new EnvironmentForm();
        form.setProjectKey(project);
        form.setColor(environments.defaultColor());
        signedOut.take(request).ifPresent(sent -> {
            WebDataBinder binder = new WebDataBinder(form, "environmentForm");
            allowedFields(binder);
            binder.bind(new MutablePropertyValues(sent.toSingleValueMap()));
            model.addAttribute(SignedOutForms.RESTORED, true);
        });
        model.addAttribute("environmentForm", form);
        environments.requireAllowed(form, user);
        return showForm(form, model, user);
    }

    /**
     * Without JavaScript, "Show environments" re-renders the form for the chosen project;
     * nothing is created.
     */
    @PostMapping(value = "/new", params = "refresh")
    String refreshCreationForm(@ModelAttribute EnvironmentForm environmentForm, Model model, CurrentUser user) {
        environments.requireAllowed(environmentForm, user);
        return showForm(environmentForm, model, user);
    }

    @PostMapping("/new")
    @Nullable String processCreationForm(@Valid @ModelAttribute EnvironmentForm environmentForm, BindingResult result,
            Submission submission, Model model, RedirectAttributes redirect) {
        environments.requireAllowed(environmentForm, submission.user());
        environments.validate(environmentForm, result);
        if (result.hasErrors()) {
            return showForm(environmentForm, model, submission.user());
        }
        return pages.show(flow.submit(submission, environments.creation(environmentForm)), submission,
                new CreationPage(environmentForm, model, submission.user()), result, model, redirect);
    }

    /**
     * The "copy settings from" select for the chosen project, swapped in by the page's
     * script.
     */
    @PostMapping("/new/sources")
    String sourcesFragment(@ModelAttribute EnvironmentForm environmentForm, Model model, CurrentUser user) {
        environments.requireAllowed(environmentForm, user);
        addSources(environmentForm, model, user);
        return FORM + " :: sources";
    }

    @GetMapping("/created")
    String showCreated(Model model) {
        // Post/redirect/get: the result comes as a flash attribute; a reload of the page
        // has nothing to show.
        return model.containsAttribute("created") ? "environments/created" : "redirect:/environments/new";
    }

    /** The form page as the change flow's steps need it. */
    private final class CreationPage implements ChangeForm {

        private final EnvironmentForm form;

        private final Model model;

        private final CurrentUser user;

        CreationPage(EnvironmentForm form, Model model, CurrentUser user) {
            this.form = form;
            this.model = model;
            this.user = user;
        }

        @Override
        public String again(Map<String, String> configErrors) {
            return showForm(form, model, user);
        }

        @Override
        public String shown(Object created, RedirectAttributes redirect) {
            return ChangeForm.flashed("created", "/environments/created", created, redirect);
        }

        @Override
        public ReviewPost review(MultiValueMap<String, String> parameters) {
            return new ReviewPost("/environments/new", parameters, Set.of());
        }

    }

    private String showForm(EnvironmentForm form, Model model, CurrentUser user) {
        model.addAttribute(SubmissionPages.TOKEN, SubmissionPages.newToken());
        model.addAttribute("projects", lookups.listOrWarn(model, () -> places.projects(user)));
        model.addAttribute("mayMarkCritical",
                environments.mayMarkCritical(user, form.getProjectKey(), form.effectiveKey()));
        addSources(form, model, user);
        return FORM;
    }

    private void addSources(EnvironmentForm form, Model model, CurrentUser user) {
        model.addAttribute("sources", lookups.listOrWarn(model, () -> places.environments(user, form.getProjectKey())));
    }

}
