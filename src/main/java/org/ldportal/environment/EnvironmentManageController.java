package org.ldportal.environment;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.ldportal.change.ApiFailureTranslator;
import org.ldportal.change.ChangeFlow;
import org.ldportal.change.pages.ChangePages;
import org.ldportal.change.ChangeResult;
import org.ldportal.change.pages.DeleteConfirmation;
import org.ldportal.change.pages.FormRefusals;
import org.ldportal.change.pages.GonePage;
import org.ldportal.change.pages.ManagePage;
import org.ldportal.change.Step;
import org.ldportal.change.Submission;
import org.ldportal.change.pages.SubmissionPages;
import org.ldportal.launchdarkly.Environment;
import org.ldportal.launchdarkly.LaunchDarklyException;
import org.ldportal.launchdarkly.NotAKeyException;
import org.ldportal.resource.ChangeAction;
import org.ldportal.security.CurrentUser;
import org.ldportal.access.PermittedPlaces;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The environments that exist: a project's list, one environment with its settings and
 * history, editing it through the fields of the create form (only what changed is sent,
 * tested against what the page showed), and deleting it after its key is typed, each
 * change through the change flow. Problems appear at the field they concern, or above the
 * form with a link to reload.
 */
@Controller
@RequestMapping("/environments")
class EnvironmentManageController {

    private final EnvironmentManagement management;

    private final EnvironmentApprovals changes;

    private final PermittedPlaces places;

    private final ApiFailureTranslator failures;

    private final ChangeFlow flow;

    private final ChangePages pages;

    EnvironmentManageController(EnvironmentManagement management, EnvironmentApprovals changes, PermittedPlaces places,
            ApiFailureTranslator failures, ChangeFlow flow, ChangePages pages) {
        this.management = management;
        this.changes = changes;
        this.places = places;
        this.failures = failures;
        this.flow = flow;
        this.pages = pages;
    }

    @InitBinder("lifetimeForm")
    void lifetimeFields(WebDataBinder binder) {
        binder.setAllowedFields("deleteOn");
    }

    @InitBinder("environmentForm")
    void allowedFields(WebDataBinder binder) {
        // The project and key come from the path: an edit never moves or renames the
        // environment's key.
        binder.setAllowedFields(EnvironmentSetting.editFields());
    }

    /** The description the pages render the settings' fields and labels from. */
    @ModelAttribute("settings")
    List<EnvironmentSetting> settings() {
        return List.of(EnvironmentSetting.values());
    }

    @GetMapping
    String list(@RequestParam(required = false) String project, CurrentUser user, Model model) {
        model.addAttribute("project", project);
        try {
            model.addAttribute("projects", places.visibleProjects(user));
            List<Environment> rows = project == null || project.isBlank() ? List.of() : management.list(user, project);
            model.addAttribute("rows", rows);
            model.addAttribute("links",
                    rows.stream()
                        .collect(Collectors.toMap(Environment::key,
                                environment -> management.link(project, environment.key()))));
        }
        catch (LaunchDarklyException e) {
            model.addAttribute("projects", List.of());
            model.addAttribute("rows", List.of());
            model.addAttribute("links", Map.of());
            model.addAttribute("readProblem", failures.readProblem(e));
        }
        return "environments/list";
    }

    @GetMapping("/{projectKey}/{environmentKey}")
    String detail(@PathVariable String projectKey, @PathVariable String environmentKey, CurrentUser user, Model model) {
        Environment environment = management.find(user, projectKey, environmentKey);
        model.addAttribute("projectKey", projectKey);
        model.addAttribute("environment", environment);
        model.addAttribute("rows", management.rows(environment));
        model.addAttribute("link", management.link(projectKey, environment.key()));
        model.addAttribute("mayEdit", management.mayEdit(user, projectKey, environment.key()));
        model.addAttribute("mayDelete", management.mayDelete(user, projectKey, environment.key()));
        model.addAttribute("history", management.history(user, environment));
        pages.showCode(model, EnvironmentManagement.asCreate(projectKey, environment));
        management.lifetime(projectKey, environment).ifPresent(lifetime -> model.addAttribute("lifetime", lifetime));
        model.addAttribute("deleteDays", management.deleteDays());
        if (!model.containsAttribute("lifetimeForm")) {
            model.addAttribute("lifetimeForm", new LifetimeForm());
        }
        return "environments/detail";
    }

    /**
     * A time-limited environment's day moved; a day that cannot be is said at the field.
     */
    @PostMapping("/{projectKey}/{environmentKey}/lifetime")
    String extend(@PathVariable String projectKey, @PathVariable String environmentKey,
            @ModelAttribute("lifetimeForm") LifetimeForm form, BindingResult result, CurrentUser user, Model model,
            RedirectAttributes redirect) {
        Environment environment = management.find(user, projectKey, environmentKey);
        if (!management.extend(user, projectKey, environment, form.getDeleteOn(), result)) {
            return detail(projectKey, environmentKey, user, model);
        }
        return ManagePage.noticed("/environments/" + projectKey + "/" + environmentKey,
                "The portal now deletes it on " + form.getDeleteOn() + ".", redirect);
    }

    @GetMapping("/{projectKey}/{environmentKey}/edit")
    String edit(@PathVariable String projectKey, @PathVariable String environmentKey, CurrentUser user, Model model) {
        Environment environment = management.find(user, projectKey, environmentKey);
        // The form is for those who may send it; like the create forms, opening it
        // unpermitted is refused (403).
        management.requireAllowed(user, projectKey, environment, ChangeAction.UPDATE);
        EnvironmentForm form = management.formOf(projectKey, environment);
        model.addAttribute("environmentForm", form);
        return showEdit(user, projectKey, environment, management.carried(form), model);
    }

    @PostMapping("/{projectKey}/{environmentKey}/edit")
    @Nullable String update(@PathVariable String projectKey, @PathVariable String environmentKey,
            @ModelAttribute EnvironmentForm environmentForm, BindingResult result,
            @RequestParam(defaultValue = "{}") String seen, Submission submission, Model model,
            RedirectAttributes redirect) {
        Environment current = management.findToChange(submission.user(), ChangeAction.UPDATE, projectKey,
                environmentKey);
        management.requireAllowed(submission.user(), projectKey, current, ChangeAction.UPDATE);
        Map<String, Object> seenValues = management.seen(seen, current, projectKey);
        management.check(environmentForm, result, seenValues, submission.user(), projectKey, current);
        EditPage page = new EditPage(submission.user(), projectKey, current, seen, result, model);
        if (result.hasErrors()) {
            return page.show();
        }
        return pages.showManaged(
                flow.submit(submission,
                        changes.updating(projectKey, current, seenValues, management.values(environmentForm))),
                page, model, redirect);
    }

    @GetMapping("/{projectKey}/{environmentKey}/delete")
    String confirmDelete(@PathVariable String projectKey, @PathVariable String environmentKey, CurrentUser user,
            Model model) {
        Environment environment = management.find(user, projectKey, environmentKey);
        management.requireAllowed(user, projectKey, environment, ChangeAction.DELETE);
        return deletion(projectKey, environment).show(model, "", null, null);
    }

    @PostMapping("/{projectKey}/{environmentKey}/delete")
    @Nullable String delete(@PathVariable String projectKey, @PathVariable String environmentKey,
            @RequestParam(defaultValue = "") String confirmation, Submission submission, Model model,
            RedirectAttributes redirect) {
        String list = UriComponentsBuilder.fromPath("/environments").queryParam("project", projectKey).toUriString();
        // A repeat of a delete that was sent: its subject is gone, so the first submit's
        // outcome is the answer.
        Optional<Step.Repeated<?>> repeat = flow.alreadySubmitted(submission, String.class);
        if (repeat.isPresent()) {
            return pages.showRepeatedDelete(repeat.get(), list, model, redirect);
        }
        Environment environment = management.findToChange(submission.user(), ChangeAction.DELETE, projectKey,
                environmentKey);
        DeleteConfirmation page = deletion(projectKey, environment);
        String mismatch = page.mismatch(confirmation);
        if (mismatch != null) {
            return page.show(model, confirmation, mismatch, null);
        }
        management.requireAllowed(submission.user(), projectKey, environment, ChangeAction.DELETE);
        return pages.showManaged(flow.submit(submission, changes.deleting(projectKey, environment)),
                page.managed(model, confirmation, list), model, redirect);
    }

    /**
     * What the person asked for could not be read from LaunchDarkly: gone (404), or
     * LaunchDarkly could not tell just now. Changes never end here: the audited call
     * answers their failures on the page of the change.
     */
    @ExceptionHandler({ LaunchDarklyException.class, NotAKeyException.class })
    String gone(RuntimeException e, Model model, HttpServletResponse response, CurrentUser user) {
        return new GonePage("environments", "/environments",
                "This environment is not in LaunchDarkly (any more): it may "
                        + "have been deleted or its project renamed.")
            .show(e, model, response, user, failures);
    }

    private DeleteConfirmation deletion(String projectKey, Environment environment) {
        return new DeleteConfirmation("environments", "environment", environment.key(), "key",
                List.of("Every flag's targeting, rules and on/off state in " + environment.name()
                        + ": the flags stay, their " + "settings in this environment are gone.",
                        "Its SDK key, mobile key and client-side ID: applications using them stop getting flag values.",
                        "Its segments, approval settings and the history LaunchDarkly kept of it."),
                "/environments/" + projectKey + "/" + environment.key(),
                flow.approvalNeeded(changes.deleting(projectKey, environment).pending()).orElse(null));
    }

    /** The edit page as it is shown, before an edit and after one. */
    private String showEdit(CurrentUser user, String projectKey, Environment environment, String seen, Model model) {
        model.addAttribute("projectKey", projectKey);
        model.addAttribute("environment", environment);
        model.addAttribute("seen", seen);
        model.addAttribute("mayMarkCritical", management.mayMarkCritical(user, projectKey, environment.key()));
        model.addAttribute(SubmissionPages.TOKEN, SubmissionPages.newToken());
        model.addAttribute("approvalNeeded",
                flow.approvalNeeded(changes.updating(projectKey, environment, Map.of(), Map.of()).pending())
                    .orElse(null));
        return "environments/edit";
    }

    /** The edit page as an edit's steps need it. */
    private final class EditPage implements ManagePage {

        private final CurrentUser user;

        private final String projectKey;

        private final Environment environment;

        private final String seen;

        private final BindingResult result;

        private final Model model;

        EditPage(CurrentUser user, String projectKey, Environment environment, String seen, BindingResult result,
                Model model) {
            this.user = user;
            this.projectKey = projectKey;
            this.environment = environment;
            this.seen = seen;
            this.result = result;
            this.model = model;
        }

        String show() {
            return showEdit(user, projectKey, environment, seen, model);
        }

        @Override
        public String failed(ChangeResult<?> refused) {
            FormRefusals.apply(refused, result, model);
            model.addAttribute("reload", "/environments/" + projectKey + "/" + environment.key() + "/edit");
            return show();
        }

        @Override
        public String outOfDate() {
            result.reject("out-of-date", ChangePages.OUT_OF_DATE);
            return show();
        }

        @Override
        public String shown(Object notice, RedirectAttributes redirect) {
            return ManagePage.noticed("/environments/" + projectKey + "/" + environment.key(), notice, redirect);
        }

    }

}
