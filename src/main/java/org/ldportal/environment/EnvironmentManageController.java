package org.ldportal.environment;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.ldportal.approval.ApprovalPages;
import org.ldportal.approval.ApprovalRules;
import org.ldportal.approval.Approvals;
import org.ldportal.audit.ResourceHistory;
import org.ldportal.change.ApiFailureTranslator;
import org.ldportal.change.ChangeOrigin;
import org.ldportal.change.ChangeResult;
import org.ldportal.change.DeleteConfirmation;
import org.ldportal.change.FormRefusals;
import org.ldportal.change.GonePage;
import org.ldportal.change.SubmissionPages;
import org.ldportal.launchdarkly.Environment;
import org.ldportal.launchdarkly.LaunchDarklyException;
import org.ldportal.resource.ChangeAction;
import org.ldportal.security.CurrentUser;
import org.ldportal.web.PermittedPlaces;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.SmartValidator;
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

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * The environments that exist: a project's list, one environment with its settings and history, editing it through
 * the fields of the create form (only what changed is sent, tested against what the page showed), and deleting it
 * after its key is typed. Problems appear at the field they concern, or above the form with a link to reload.
 */
@Controller
@RequestMapping("/environments")
class EnvironmentManageController {

    private static final String OUT_OF_DATE = "This page was open too long to make a request for approval from. Reload "
            + "it and try again.";

    private static final TypeReference<Map<String, Object>> SEEN = new TypeReference<>() { };

    private final EnvironmentManagement management;
    private final PermittedPlaces places;
    private final ResourceHistory history;
    private final ApiFailureTranslator failures;
    private final SmartValidator validator;
    private final ObjectMapper json;
    private final Approvals approvals;
    private final EnvironmentApprovals approvalRequests;

    EnvironmentManageController(EnvironmentManagement management, PermittedPlaces places,
            ResourceHistory history, ApiFailureTranslator failures, SmartValidator validator, ObjectMapper json,
            Approvals approvals, EnvironmentApprovals approvalRequests) {
        this.approvals = approvals;
        this.approvalRequests = approvalRequests;
        this.management = management;
        this.places = places;
        this.history = history;
        this.failures = failures;
        this.validator = validator;
        this.json = json;
    }

    @InitBinder("environmentForm")
    void allowedFields(WebDataBinder binder) {
        // The project and key come from the path: an edit never moves or renames the environment's key.
        binder.setAllowedFields("name", "color", "defaultTtl", "secureMode", "defaultTrackEvents", "requireComments",
                "confirmChanges", "critical", "tags");
    }

    @GetMapping
    String list(@RequestParam(required = false) String project, Authentication authentication, Model model) {
        CurrentUser user = CurrentUser.from(authentication);
        model.addAttribute("project", project);
        try {
            model.addAttribute("projects", places.visibleProjects(user));
            List<Environment> rows = project == null || project.isBlank() ? List.of() : management.list(user, project);
            model.addAttribute("rows", rows);
            model.addAttribute("links", rows.stream().collect(java.util.stream.Collectors.toMap(Environment::key,
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
    String detail(@PathVariable String projectKey, @PathVariable String environmentKey, Authentication authentication,
            Model model) {
        CurrentUser user = CurrentUser.from(authentication);
        Environment environment = management.find(user, projectKey, environmentKey);
        return detailPage(user, projectKey, environment, model);
    }

    @GetMapping("/{projectKey}/{environmentKey}/edit")
    String edit(@PathVariable String projectKey, @PathVariable String environmentKey, Authentication authentication,
            Model model) {
        CurrentUser user = CurrentUser.from(authentication);
        Environment environment = management.find(user, projectKey, environmentKey);
        // The form is for those who may send it; like the create forms, opening it unpermitted is refused (403).
        management.requireAllowed(user, projectKey, environment, ChangeAction.UPDATE);
        EnvironmentForm form = EnvironmentManagement.formOf(projectKey, environment);
        model.addAttribute("environmentForm", form);
        return editPage(user, projectKey, environment, json.writeValueAsString(EnvironmentManagement.values(form)), model);
    }

    @PostMapping("/{projectKey}/{environmentKey}/edit")
    String update(@PathVariable String projectKey, @PathVariable String environmentKey,
            @ModelAttribute EnvironmentForm environmentForm, BindingResult result,
            @RequestParam(defaultValue = "{}") String seen,
            @RequestParam(name = SubmissionPages.TOKEN, required = false) String token, Authentication authentication,
            Model model, RedirectAttributes redirect) {
        CurrentUser user = CurrentUser.from(authentication);
        Environment current = management.find(user, projectKey, environmentKey);
        management.requireAllowed(user, projectKey, current, ChangeAction.UPDATE);
        environmentForm.setProjectKey(projectKey);
        environmentForm.setKey(current.key());
        validator.validate(environmentForm, result);
        String tagProblem = org.ldportal.launchdarkly.Tags.parse(environmentForm.getTags()).problem();
        if (tagProblem != null) {
            result.rejectValue("tags", "tag", tagProblem);
        }
        Map<String, Object> seenValues = seenValues(seen, current, projectKey);
        if (!management.mayMarkCritical(user, projectKey)) {
            // The form has no critical box for them: the mark stays as it was, neither set nor taken away.
            environmentForm.setCritical(Boolean.TRUE.equals(seenValues.get("critical")));
        }
        if (!result.hasErrors() && EnvironmentManagement.plan(seenValues, EnvironmentManagement.values(environmentForm))
                .isEmpty()) {
            result.reject("unchanged", "Nothing was changed: change a field, or go back to the environment.");
        }
        if (result.hasErrors()) {
            return editPage(user, projectKey, current, seen, model);
        }
        Map<String, Object> values = EnvironmentManagement.values(environmentForm);
        Approvals.Hold hold = approvals.hold(token, user, approvalRequests.pending(projectKey, current, ChangeAction.UPDATE,
                seenValues, values), management.review(projectKey, current, seenValues, values));
        if (hold.needed()) {
            if (hold.requestId().isPresent()) {
                return ApprovalPages.requested(hold.requestId().getAsLong(), redirect);
            }
            result.reject("out-of-date", OUT_OF_DATE);
            return editPage(user, projectKey, current, seen, model);
        }
        ChangeResult<Environment> changed = management.update(user, projectKey, current, seenValues, values,
                ChangeOrigin.DIRECT);
        if (changed instanceof ChangeResult.Succeeded<Environment>) {
            redirect.addFlashAttribute("notice", "The environment " + environmentForm.getName() + " was changed.");
            return "redirect:/environments/" + projectKey + "/" + environmentKey;
        }
        FormRefusals.apply(changed, result, model);
        model.addAttribute("reload", "/environments/" + projectKey + "/" + environmentKey + "/edit");
        return editPage(user, projectKey, current, seen, model);
    }

    @GetMapping("/{projectKey}/{environmentKey}/delete")
    String confirmDelete(@PathVariable String projectKey, @PathVariable String environmentKey,
            Authentication authentication, Model model) {
        CurrentUser user = CurrentUser.from(authentication);
        Environment environment = management.find(user, projectKey, environmentKey);
        management.requireAllowed(user, projectKey, environment, ChangeAction.DELETE);
        return deletion(projectKey, environment).show(model, "", null, null);
    }

    @PostMapping("/{projectKey}/{environmentKey}/delete")
    String delete(@PathVariable String projectKey, @PathVariable String environmentKey,
            @RequestParam(defaultValue = "") String confirmation,
            @RequestParam(name = SubmissionPages.TOKEN, required = false) String token, Authentication authentication,
            Model model, RedirectAttributes redirect) {
        CurrentUser user = CurrentUser.from(authentication);
        Environment environment = management.find(user, projectKey, environmentKey);
        DeleteConfirmation page = deletion(projectKey, environment);
        String mismatch = page.mismatch(confirmation);
        if (mismatch != null) {
            return page.show(model, confirmation, mismatch, null);
        }
        management.requireAllowed(user, projectKey, environment, ChangeAction.DELETE);
        Approvals.Hold hold = approvals.hold(token, user, approvalRequests.pending(projectKey, environment, ChangeAction.DELETE,
                Map.of(), Map.of()), management.deleteReview(projectKey, environment));
        if (hold.needed()) {
            if (hold.requestId().isPresent()) {
                return ApprovalPages.requested(hold.requestId().getAsLong(), redirect);
            }
            return page.show(model, confirmation, null, OUT_OF_DATE);
        }
        ChangeResult<Boolean> result = management.delete(user, projectKey, environment, ChangeOrigin.DIRECT);
        if (result instanceof ChangeResult.Succeeded<Boolean>) {
            redirect.addFlashAttribute("notice", "The environment " + environment.name() + " (" + environment.key()
                    + ") was deleted from project " + projectKey + ".");
            redirect.addAttribute("project", projectKey);
            return "redirect:/environments";
        }
        return page.show(model, confirmation, null, result.problem());
    }

    /** What the page showed when it was opened; when it sent nothing readable, what is there now (no test then). */
    private Map<String, Object> seenValues(String seen, Environment current, String projectKey) {
        try {
            Map<String, Object> values = json.readValue(seen, SEEN);
            if (!values.isEmpty()) {
                return values;
            }
        }
        catch (RuntimeException unreadable) {
            // fall through
        }
        return EnvironmentManagement.values(EnvironmentManagement.formOf(projectKey, current));
    }

    private String detailPage(CurrentUser user, String projectKey, Environment environment, Model model) {
        model.addAttribute("projectKey", projectKey);
        model.addAttribute("environment", environment);
        model.addAttribute("link", management.link(projectKey, environment.key()));
        model.addAttribute("mayEdit", management.mayEdit(user, projectKey, environment.key()));
        model.addAttribute("mayDelete", management.mayDelete(user, projectKey, environment.key()));
        model.addAttribute("history", history.of(user, environment.id()));
        return "environments/detail";
    }

    private String editPage(CurrentUser user, String projectKey, Environment environment, String seen, Model model) {
        model.addAttribute("projectKey", projectKey);
        model.addAttribute("environment", environment);
        model.addAttribute("seen", seen);
        model.addAttribute("mayMarkCritical", management.mayMarkCritical(user, projectKey));
        model.addAttribute(SubmissionPages.TOKEN, SubmissionPages.newToken());
        model.addAttribute("approvalNeeded", approvals.required(approvalRequests.pending(projectKey, environment,
                ChangeAction.UPDATE, Map.of(), Map.of())).map(ApprovalRules.Requirement::inWords).orElse(null));
        return "environments/edit";
    }

    private DeleteConfirmation deletion(String projectKey, Environment environment) {
        return new DeleteConfirmation("environments", "environment", environment.key(), "key", List.of(
                "Every flag's targeting, rules and on/off state in " + environment.name() + ": the flags stay, their "
                        + "settings in this environment are gone.",
                "Its SDK key, mobile key and client-side ID: applications using them stop getting flag values.",
                "Its segments, approval settings and the history LaunchDarkly kept of it."),
                "/environments/" + projectKey + "/" + environment.key(), approvals.required(approvalRequests.pending(
                        projectKey, environment, ChangeAction.DELETE, Map.of(), Map.of()))
                        .map(ApprovalRules.Requirement::inWords).orElse(null));
    }

    /**
     * What the person asked for could not be read from LaunchDarkly: gone (404), or LaunchDarkly could not tell just
     * now. Changes never end here: the audited call answers their failures on the page of the change.
     */
    @ExceptionHandler({ LaunchDarklyException.class, org.ldportal.launchdarkly.NotAKeyException.class })
    String gone(RuntimeException e, Model model, HttpServletResponse response, Authentication authentication) {
        return new GonePage("environments", "/environments", "This environment is not in LaunchDarkly (any more): it may have been "
                + "deleted or its project renamed.").show(e, model, response,
                CurrentUser.from(authentication), failures);
    }
}
