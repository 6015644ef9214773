package org.ldportal.destination;

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
import org.ldportal.change.GonePage;
import org.ldportal.change.SubmissionPages;
import org.ldportal.form.FormValidation;
import org.ldportal.form.FormValidator;
import org.ldportal.form.FormValues;
import org.ldportal.form.FormView;
import org.ldportal.launchdarkly.Destination;
import org.ldportal.launchdarkly.LaunchDarklyException;
import org.ldportal.resource.ChangeAction;
import org.ldportal.security.CurrentUser;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import tools.jackson.databind.ObjectMapper;

/**
 * The Data Export destinations that exist: the list (filtered by project, environment and kind), one destination
 * with its non-secret config and its history in the audit trail, turning it on or off, and deleting it after the
 * person types its name. Problems are shown on the page they concern, with a link to reload when it changed meanwhile.
 */
@Controller
@RequestMapping("/destinations")
class DestinationManageController {


    static final String OUT_OF_DATE = "This page was open too long to make a request for approval from. Reload it and "
            + "try again.";

    private final DestinationManagement management;
    private final ResourceHistory history;
    private final ApiFailureTranslator failures;
    private final Approvals approvals;
    private final DestinationApprovals approvalRequests;
    private final FormValidator validator;
    private final ObjectMapper json;

    DestinationManageController(DestinationManagement management, ResourceHistory history, ApiFailureTranslator failures,
            Approvals approvals, DestinationApprovals approvalRequests, FormValidator validator, ObjectMapper json) {
        this.validator = validator;
        this.json = json;
        this.management = management;
        this.history = history;
        this.failures = failures;
        this.approvals = approvals;
        this.approvalRequests = approvalRequests;
    }

    @GetMapping
    String list(@RequestParam(required = false) String project, @RequestParam(required = false) String environment,
            @RequestParam(required = false) String kind, Authentication authentication, Model model) {
        CurrentUser user = CurrentUser.from(authentication);
        model.addAttribute("project", project);
        model.addAttribute("environment", environment);
        model.addAttribute("kind", kind);
        try {
            List<DestinationManagement.Row> visible = management.visible(user);
            DestinationManagement.Filter filter = new DestinationManagement.Filter(project, environment, kind);
            model.addAttribute("rows", visible.stream().filter(filter::accepts).toList());
            model.addAttribute("projects", visible.stream().map(DestinationManagement.Row::projectKey).distinct().toList());
            model.addAttribute("environments", visible.stream().map(DestinationManagement.Row::environmentKey).distinct()
                    .sorted().toList());
            model.addAttribute("kinds", visible.stream().map(row -> row.destination().kind()).distinct().sorted().toList());
        }
        catch (LaunchDarklyException e) {
            model.addAttribute("rows", List.of());
            model.addAttribute("projects", List.of());
            model.addAttribute("environments", List.of());
            model.addAttribute("kinds", List.of());
            model.addAttribute("readProblem", failures.readProblem(e));
        }
        return "destinations/list";
    }

    @GetMapping("/{projectKey}/{environmentKey}/{id}")
    String detail(@PathVariable String projectKey, @PathVariable String environmentKey, @PathVariable String id,
            Authentication authentication, Model model) {
        CurrentUser user = CurrentUser.from(authentication);
        DestinationManagement.Row row = management.find(user, projectKey, environmentKey, id);
        return detailPage(user, row, model);
    }

    @PostMapping("/{projectKey}/{environmentKey}/{id}/turn-on")
    String turnOn(@PathVariable String projectKey, @PathVariable String environmentKey, @PathVariable String id,
            @RequestParam(required = false) Integer version,
            @RequestParam(name = SubmissionPages.TOKEN, required = false) String token, Authentication authentication,
            Model model, RedirectAttributes redirect) {
        return turn(projectKey, environmentKey, id, version, token, true, authentication, model, redirect);
    }

    @PostMapping("/{projectKey}/{environmentKey}/{id}/turn-off")
    String turnOff(@PathVariable String projectKey, @PathVariable String environmentKey, @PathVariable String id,
            @RequestParam(required = false) Integer version,
            @RequestParam(name = SubmissionPages.TOKEN, required = false) String token, Authentication authentication,
            Model model, RedirectAttributes redirect) {
        return turn(projectKey, environmentKey, id, version, token, false, authentication, model, redirect);
    }

    @GetMapping("/{projectKey}/{environmentKey}/{id}/edit")
    String edit(@PathVariable String projectKey, @PathVariable String environmentKey, @PathVariable String id,
            Authentication authentication, Model model) {
        CurrentUser user = CurrentUser.from(authentication);
        DestinationManagement.Row row = management.find(user, projectKey, environmentKey, id);
        management.requireAllowed(user, row, ChangeAction.UPDATE);
        Map<String, String> shown = management.editableValues(row);
        FormValues values = org.ldportal.form.EditedValues.configOf(shown);
        return editPage(user, row, shown.get("name"), values, Map.of(), json.writeValueAsString(shown), null, model);
    }

    @PostMapping("/{projectKey}/{environmentKey}/{id}/edit")
    String update(@PathVariable String projectKey, @PathVariable String environmentKey, @PathVariable String id,
            @RequestParam(defaultValue = "") String name, @RequestParam(required = false) Integer version,
            @RequestParam(defaultValue = "{}") String seen,
            @RequestParam(name = SubmissionPages.TOKEN, required = false) String token,
            @RequestParam MultiValueMap<String, String> parameters, Authentication authentication, Model model,
            RedirectAttributes redirect) {
        CurrentUser user = CurrentUser.from(authentication);
        DestinationManagement.Row current = management.find(user, projectKey, environmentKey, id);
        management.requireAllowed(user, current, ChangeAction.UPDATE);
        FormValues values = FormValues.fromParameters(parameters, "config");
        Map<String, String> seenValues = seenValues(seen, current);
        Map<String, String> errors = new java.util.LinkedHashMap<>();
        Map<String, Object> cleaned = Map.of();
        Map<String, String> typedSecrets = new java.util.LinkedHashMap<>();
        java.util.Optional<org.ldportal.form.FormSpec> form = management.configForm(current);
        if (form.isPresent()) {
            // A secret left empty keeps the current one: it is not required again, and it is not sent.
            org.ldportal.form.EditedValues edited = org.ldportal.form.EditedValues.of(form.get(), values);
            typedSecrets.putAll(edited.typedSecrets());
            FormValidation validation = validator.validate(edited.spec(), values);
            errors.putAll(validation.errors());
            cleaned = validation.cleaned();
        }
        String nameError = name.isBlank() ? "Give the destination a name." : null;
        if (nameError == null && errors.isEmpty()) {
            org.ldportal.change.PatchPlan plan = management.plan(current, version, seenValues, name.strip(), cleaned,
                    typedSecrets);
            if (plan.isEmpty()) {
                return editPage(user, current, name, values, errors, seen, "Nothing was changed: change a field, or go back "
                        + "to the destination.", model);
            }
            Approvals.Hold hold = approvals.hold(token, user, approvalRequests.pending(current, ChangeAction.UPDATE,
                    plan.operations(), name.strip(), plan.secretValues()), management.editReview(current, plan));
            if (hold.needed()) {
                if (hold.requestId().isPresent()) {
                    return ApprovalPages.requested(hold.requestId().getAsLong(), redirect);
                }
                return editPage(user, current, name, values, errors, seen, OUT_OF_DATE, model);
            }
            ChangeResult<Destination> changed = management.update(user, current, name.strip(), plan.operations(),
                    plan.secretValues(), ChangeOrigin.DIRECT);
            if (changed instanceof ChangeResult.Succeeded<Destination>) {
                redirect.addFlashAttribute("notice", "The destination " + name.strip() + " was changed.");
                return "redirect:" + current.path();
            }
            if (changed instanceof ChangeResult.Refused<Destination> refused
                    && refused.target() instanceof org.ldportal.change.RefusalTarget.ConfigKey key) {
                errors.put(key.key(), refused.message());
                return editPage(user, current, name, values, errors, seen, null, model);
            }
            model.addAttribute("reload", current.path() + "/edit");
            return editPage(user, current, name, values, errors, seen, changed.problem(), model);
        }
        model.addAttribute("nameError", nameError);
        return editPage(user, current, name, values, errors, seen, null, model);
    }

    @GetMapping("/{projectKey}/{environmentKey}/{id}/delete")
    String confirmDelete(@PathVariable String projectKey, @PathVariable String environmentKey, @PathVariable String id,
            Authentication authentication, Model model) {
        CurrentUser user = CurrentUser.from(authentication);
        DestinationManagement.Row row = management.find(user, projectKey, environmentKey, id);
        management.requireAllowed(user, row, ChangeAction.DELETE);
        return deletion(row).show(model, "", null, null);
    }

    @PostMapping("/{projectKey}/{environmentKey}/{id}/delete")
    String delete(@PathVariable String projectKey, @PathVariable String environmentKey, @PathVariable String id,
            @RequestParam(defaultValue = "") String confirmation,
            @RequestParam(name = SubmissionPages.TOKEN, required = false) String token, Authentication authentication, Model model,
            RedirectAttributes redirect) {
        CurrentUser user = CurrentUser.from(authentication);
        DestinationManagement.Row row = management.find(user, projectKey, environmentKey, id);
        String name = String.valueOf(row.destination().name());
        DeleteConfirmation page = deletion(row);
        String mismatch = page.mismatch(confirmation);
        if (mismatch != null) {
            return page.show(model, confirmation, mismatch, null);
        }
        management.requireAllowed(user, row, ChangeAction.DELETE);
        Approvals.Hold hold = approvals.hold(token, user, approvalRequests.pending(row, ChangeAction.DELETE),
                management.review(row, ChangeAction.DELETE));
        if (hold.needed()) {
            if (hold.requestId().isEmpty()) {
                return page.show(model, confirmation, null, OUT_OF_DATE);
            }
            return ApprovalPages.requested(hold.requestId().getAsLong(), redirect);
        }
        ChangeResult<Boolean> result = management.delete(user, row);
        if (result instanceof ChangeResult.Succeeded<Boolean>) {
            redirect.addFlashAttribute("notice", "The Data Export destination " + name + " was deleted.");
            return "redirect:/destinations";
        }
        return page.show(model, confirmation, null, result.problem());
    }

    private String turn(String projectKey, String environmentKey, String id, Integer version, String token, boolean on,
            Authentication authentication, Model model, RedirectAttributes redirect) {
        CurrentUser user = CurrentUser.from(authentication);
        DestinationManagement.Row current = management.find(user, projectKey, environmentKey, id);
        // The change applies only to the version the person saw; the page sent it.
        DestinationManagement.Row seen = version == null ? current : DestinationManagement.withVersion(current, version);
        ChangeAction action = on ? ChangeAction.TURN_ON : ChangeAction.TURN_OFF;
        management.requireAllowed(user, seen, action);
        Approvals.Hold hold = approvals.hold(token, user, approvalRequests.pending(seen, action), management.review(seen, action));
        if (hold.needed()) {
            return held(hold, user, current, model, redirect);
        }
        ChangeResult<Destination> result = management.turn(user, seen, on);
        if (result instanceof ChangeResult.Succeeded<Destination>) {
            redirect.addFlashAttribute("notice", "The destination " + current.destination().name() + " is now "
                    + (on ? "on: LaunchDarkly exports this environment's events to it." : "off: nothing is exported to it."));
            return "redirect:" + current.path();
        }
        model.addAttribute("problem", result.problem());
        model.addAttribute("reload", current.path());
        return detailPage(user, current, model);
    }


    /** What the page showed when it was opened; when it sent nothing readable, what is there now. */
    private Map<String, String> seenValues(String seen, DestinationManagement.Row current) {
        return org.ldportal.form.EditedValues.seen(json, seen, () -> management.editableValues(current));
    }

    private String editPage(CurrentUser user, DestinationManagement.Row row, String name, FormValues values,
            Map<String, String> errors, String seen, String problem, Model model) {
        model.addAttribute("row", row);
        model.addAttribute("name", name);
        model.addAttribute("seen", seen);
        model.addAttribute("problem", problem);
        model.addAttribute("configEditable", management.configEditable(row));
        management.configForm(row).ifPresent(form -> model.addAttribute("configForm",
                FormView.of(form, "config", values.withoutSecrets(form), errors)));
        model.addAttribute(SubmissionPages.TOKEN, SubmissionPages.newToken());
        model.addAttribute("approvalNeeded", approvals.required(approvalRequests.pending(row, ChangeAction.UPDATE, List.of(),
                String.valueOf(row.destination().name()), List.of())).map(ApprovalRules.Requirement::inWords).orElse(null));
        return "destinations/edit";
    }

    /** The change was kept for approval (to its request's page), or the page was too old to make a request from. */
    private String held(Approvals.Hold hold, CurrentUser user, DestinationManagement.Row current, Model model,
            RedirectAttributes redirect) {
        if (hold.requestId().isEmpty()) {
            model.addAttribute("problem", OUT_OF_DATE);
            model.addAttribute("reload", current.path());
            return detailPage(user, current, model);
        }
        return ApprovalPages.requested(hold.requestId().getAsLong(), redirect);
    }

    private String detailPage(CurrentUser user, DestinationManagement.Row row, Model model) {
        model.addAttribute("row", row);
        model.addAttribute(SubmissionPages.TOKEN, SubmissionPages.newToken());
        model.addAttribute("approvalNeeded", approvals.required(approvalRequests.pending(row,
                row.on() ? ChangeAction.TURN_OFF : ChangeAction.TURN_ON)).map(ApprovalRules.Requirement::inWords).orElse(null));
        model.addAttribute("config", management.shownConfig(row));
        model.addAttribute("mayChange", management.mayChange(user, row));
        model.addAttribute("history", history.of(user, row.destination().id()));
        model.addAttribute("trailUrl", UriComponentsBuilder.fromPath("/audit").queryParam("type", "destination")
                .queryParam("project", row.projectKey()).queryParam("environment", row.environmentKey()).toUriString());
        return "destinations/detail";
    }

    private DeleteConfirmation deletion(DestinationManagement.Row row) {
        return new DeleteConfirmation("destinations", "destination", String.valueOf(row.destination().name()), "name",
                List.of("LaunchDarkly stops exporting the events of environment " + row.environmentKey() + " of project "
                        + row.projectKey() + " to this " + row.kindTitle() + " destination.",
                        "Its settings, secrets included: setting it up again means typing them again."),
                row.path(), approvals.required(approvalRequests.pending(row, ChangeAction.DELETE))
                        .map(ApprovalRules.Requirement::inWords).orElse(null));
    }

    /**
     * What the person asked for could not be read from LaunchDarkly: gone (404), or LaunchDarkly could not tell just
     * now. Changes never end here: the audited call answers their failures on the page of the change.
     */
    @ExceptionHandler({ LaunchDarklyException.class, org.ldportal.launchdarkly.NotAKeyException.class })
    String gone(RuntimeException e, Model model, HttpServletResponse response, Authentication authentication) {
        return new GonePage("destinations", "/destinations", "This Data Export destination is not in LaunchDarkly (any more): it may "
                + "have been deleted.").show(e, model, response,
                CurrentUser.from(authentication), failures);
    }

}
