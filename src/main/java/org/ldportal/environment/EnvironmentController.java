package org.ldportal.environment;

import java.util.List;

import jakarta.validation.Valid;

import org.ldportal.change.ChangeResult;
import org.ldportal.change.FormRefusals;
import org.ldportal.security.CurrentUser;
import org.ldportal.web.PageLookups;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The "new environment" form: show, refresh (project changed), submit, and the result page. */
@Controller
@RequestMapping("/environments")
class EnvironmentController {

    static final String FORM = "environments/new";

    private final EnvironmentService environments;
    private final PageLookups lookups;

    EnvironmentController(EnvironmentService environments, PageLookups lookups) {
        this.environments = environments;
        this.lookups = lookups;
    }

    @InitBinder("environmentForm")
    void allowedFields(WebDataBinder binder) {
        binder.setAllowedFields("projectKey", "name", "key", "color", "defaultTtl", "secureMode", "defaultTrackEvents",
                "requireComments", "confirmChanges", "critical", "tags", "sourceKey");
    }

    @GetMapping("/new")
    String initCreationForm(@RequestParam(name = "project", required = false) String project, Model model,
            Authentication authentication) {
        EnvironmentForm form = new EnvironmentForm();
        form.setProjectKey(project);
        form.setColor(environments.defaultColor());
        model.addAttribute("environmentForm", form);
        return showForm(form, model, authentication);
    }

    /** Without JavaScript, "Show environments" re-renders the form for the chosen project; nothing is created. */
    @PostMapping(value = "/new", params = "refresh")
    String refreshCreationForm(@ModelAttribute EnvironmentForm environmentForm, Model model, Authentication authentication) {
        return showForm(environmentForm, model, authentication);
    }

    @PostMapping("/new")
    String processCreationForm(@Valid @ModelAttribute EnvironmentForm environmentForm, BindingResult result, Model model,
            Authentication authentication, RedirectAttributes redirect) {
        environments.validate(environmentForm, result);
        if (result.hasErrors()) {
            return showForm(environmentForm, model, authentication);
        }
        ChangeResult<CreatedEnvironment> creation = environments.create(environmentForm, CurrentUser.from(authentication));
        if (creation instanceof ChangeResult.Succeeded<CreatedEnvironment> succeeded) {
            redirect.addFlashAttribute("created", succeeded.resource());
            return "redirect:/environments/created";
        }
        FormRefusals.apply(creation, result, model);
        return showForm(environmentForm, model, authentication);
    }

    /** The "copy settings from" select for the chosen project, swapped in by the page's script. */
    @PostMapping("/new/sources")
    String sourcesFragment(@ModelAttribute EnvironmentForm environmentForm, Model model) {
        addSources(environmentForm, model);
        return FORM + " :: sources";
    }

    @GetMapping("/created")
    String showCreated(Model model) {
        // Post/redirect/get: the result comes as a flash attribute; a reload of the page has nothing to show.
        return model.containsAttribute("created") ? "environments/created" : "redirect:/environments/new";
    }

    private String showForm(EnvironmentForm form, Model model, Authentication authentication) {
        model.addAttribute("projects", lookups.listOrWarn(model, environments::projects));
        model.addAttribute("mayMarkCritical", environments.mayMarkCritical(CurrentUser.from(authentication)));
        addSources(form, model);
        return FORM;
    }

    private void addSources(EnvironmentForm form, Model model) {
        model.addAttribute("sources", lookups.listOrWarn(model, () -> environments.environments(form.getProjectKey())));
    }
}
