package org.ldportal.integration;

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
import org.ldportal.form.FormSpec;
import org.ldportal.form.FormValidation;
import org.ldportal.form.FormValidator;
import org.ldportal.form.FormValues;
import org.ldportal.form.FormView;
import org.ldportal.launchdarkly.ExistingResources;
import org.ldportal.launchdarkly.LaunchDarklyException;
import org.ldportal.resource.ChangeAction;
import org.ldportal.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tools.jackson.databind.ObjectMapper;

/**
 * An integration's page of what exists (its configurations and audit-log subscriptions, with the delivery status
 * LaunchDarkly reports), one of them with its values and history, turning it on or off, and deleting it after its name
 * is typed. Paths: {@code /integrations/{key}}, {@code /integrations/{key}/configurations/{id}},
 * {@code /integrations/{key}/subscriptions/{id}}.
 */
@Controller
@RequestMapping("/integrations/{key}")
class IntegrationManageController {


    private static final String OUT_OF_DATE = "This page was open too long to make a request for approval from. Reload "
            + "it and try again.";

    private final ManifestCatalog catalog;
    private final IntegrationManagement management;
    private final ResourceHistory history;
    private final ApiFailureTranslator failures;
    private final Approvals approvals;
    private final IntegrationApprovals approvalRequests;
    private final IntegrationService integrations;
    private final FormValidator validator;
    private final ObjectMapper json;

    IntegrationManageController(ManifestCatalog catalog, IntegrationManagement management, ResourceHistory history,
            ApiFailureTranslator failures, Approvals approvals, IntegrationApprovals approvalRequests,
            IntegrationService integrations, FormValidator validator, ObjectMapper json) {
        this.integrations = integrations;
        this.validator = validator;
        this.json = json;
        this.approvals = approvals;
        this.approvalRequests = approvalRequests;
        this.catalog = catalog;
        this.management = management;
        this.history = history;
        this.failures = failures;
    }

    @org.springframework.web.bind.annotation.InitBinder("integrationForm")
    void allowedFields(org.springframework.web.bind.WebDataBinder binder) {
        // Only the policy binds to the form object here; name, tags and values are read as parameters.
        binder.setAllowedFields("statements*");
        binder.setAutoGrowCollectionLimit(PolicyCheck.MAX_STATEMENTS + 1);
    }

    @GetMapping
    String integration(@PathVariable String key, Authentication authentication, Model model) {
        CurrentUser user = CurrentUser.from(authentication);
        Manifest manifest = manifest(key);
        model.addAttribute("manifest", manifest);
        model.addAttribute("mayChange", management.mayChange(user));
        try {
            ExistingResources.OfIntegration lists = management.lists(user, manifest);
            model.addAttribute("configurations", lists.configurations().stream().map(IntegrationManagement.Item::of).toList());
            model.addAttribute("subscriptions", lists.subscriptions().stream().map(IntegrationManagement.Item::of).toList());
        }
        catch (LaunchDarklyException e) {
            model.addAttribute("configurations", List.of());
            model.addAttribute("subscriptions", List.of());
            model.addAttribute("readProblem", failures.readProblem(e));
        }
        return "integrations/integration";
    }

    @GetMapping("/{kind:configurations|subscriptions}/{id}")
    String detail(@PathVariable String key, @PathVariable String kind, @PathVariable String id,
            Authentication authentication, Model model) {
        CurrentUser user = CurrentUser.from(authentication);
        Manifest manifest = manifest(key);
        IntegrationManagement.Item item = management.find(user, manifest, type(kind), id);
        return detailPage(user, manifest, item, model);
    }

    @PostMapping("/{kind:configurations|subscriptions}/{id}/{switch:turn-on|turn-off}")
    String turn(@PathVariable String key, @PathVariable String kind, @PathVariable String id,
            @PathVariable("switch") String turn, @RequestParam(required = false) Integer version,
            @RequestParam(name = SubmissionPages.TOKEN, required = false) String token, Authentication authentication,
            Model model, RedirectAttributes redirect) {
        CurrentUser user = CurrentUser.from(authentication);
        Manifest manifest = manifest(key);
        IntegrationManagement.Item current = management.find(user, manifest, type(kind), id);
        boolean on = turn.equals("turn-on");
        // The change applies only to the version the person saw; the page sent it.
        IntegrationManagement.Item seen = version == null ? current : current.withVersion(version);
        ChangeAction action = on ? ChangeAction.TURN_ON : ChangeAction.TURN_OFF;
        management.requireAllowed(user, manifest, seen, action);
        Approvals.Hold hold = approvals.hold(token, user, approvalRequests.pending(manifest, seen, action),
                management.review(manifest, seen, action));
        if (hold.needed()) {
            if (hold.requestId().isPresent()) {
                return ApprovalPages.requested(hold.requestId().getAsLong(), redirect);
            }
            model.addAttribute("problem", OUT_OF_DATE);
            model.addAttribute("reload", current.path(key));
            return detailPage(user, manifest, current, model);
        }
        ChangeResult<IntegrationManagement.Item> result = management.turn(user, manifest, seen, on, ChangeOrigin.DIRECT);
        if (result instanceof ChangeResult.Succeeded<IntegrationManagement.Item>) {
            redirect.addFlashAttribute("notice", "The " + current.type().words() + " " + current.name() + " is now "
                    + (on ? "on." : "off."));
            return "redirect:" + current.path(key);
        }
        model.addAttribute("problem", result.problem());
        model.addAttribute("reload", current.path(key));
        return detailPage(user, manifest, current, model);
    }

    @GetMapping("/{kind:configurations|subscriptions}/{id}/edit")
    String edit(@PathVariable String key, @PathVariable String kind, @PathVariable String id,
            Authentication authentication, Model model) {
        CurrentUser user = CurrentUser.from(authentication);
        Manifest manifest = manifest(key);
        IntegrationManagement.Item item = management.find(user, manifest, type(kind), id);
        management.requireAllowed(user, manifest, item, ChangeAction.UPDATE);
        FormSpec form = integrations.configForm(manifest, user);
        Map<String, String> shown = IntegrationManagement.editableValues(form, item);
        FormValues values = org.ldportal.form.EditedValues.configOf(shown);
        model.addAttribute("integrationForm", policyForm(item));
        return editPage(user, manifest, item, form, shown.get("name"), shown.get("tags"), values, Map.of(),
                json.writeValueAsString(shown), null, model);
    }

    /** Without JavaScript, the policy's buttons (add, remove, a preset): the form again, nothing sent. */
    @PostMapping(value = "/{kind:subscriptions}/{id}/edit", params = "editPolicy")
    String editPolicy(@PathVariable String key, @PathVariable String kind, @PathVariable String id,
            @RequestParam("editPolicy") String edit, @ModelAttribute IntegrationForm integrationForm,
            @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String tags,
            @RequestParam(defaultValue = "{}") String seen, @RequestParam MultiValueMap<String, String> parameters,
            Authentication authentication, Model model) {
        CurrentUser user = CurrentUser.from(authentication);
        Manifest manifest = manifest(key);
        IntegrationManagement.Item current = management.find(user, manifest, type(kind), id);
        management.requireAllowed(user, manifest, current, ChangeAction.UPDATE);
        IntegrationController.applyPolicyEdit(integrationForm.getStatements(), edit);
        FormSpec form = integrations.configForm(manifest, user);
        return editPage(user, manifest, current, form, name, tags, FormValues.fromParameters(parameters, "config"),
                Map.of(), seen, null, model);
    }

    /** The policy form of a subscription as it is (a configuration has none). */
    private static IntegrationForm policyForm(IntegrationManagement.Item item) {
        IntegrationForm form = new IntegrationForm();
        form.setStatements(new java.util.ArrayList<>(item.statements().stream().map(StatementRow::of).toList()));
        return form;
    }

    @PostMapping("/{kind:configurations|subscriptions}/{id}/edit")
    String update(@PathVariable String key, @PathVariable String kind, @PathVariable String id,
            @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String tags,
            @RequestParam(defaultValue = "{}") String seen, @RequestParam(required = false) Integer version,
            @RequestParam(name = SubmissionPages.TOKEN, required = false) String token,
            @ModelAttribute IntegrationForm integrationForm, BindingResult policyErrors,
            @RequestParam MultiValueMap<String, String> parameters, Authentication authentication, Model model,
            RedirectAttributes redirect) {
        CurrentUser user = CurrentUser.from(authentication);
        Manifest manifest = manifest(key);
        IntegrationManagement.Item current = management.find(user, manifest, type(kind), id);
        management.requireAllowed(user, manifest, current, ChangeAction.UPDATE);
        FormSpec form = integrations.configForm(manifest, user);
        boolean withPolicy = current.type() == IntegrationType.SUBSCRIPTION;
        if (withPolicy) {
            integrationForm.getStatements().removeIf(StatementRow::isEmpty);
            if (integrationForm.getStatements().isEmpty()) {
                policyErrors.rejectValue("statements", "statements", "Add at least one statement: which resources' "
                        + "changes are sent.");
            }
            else {
                PolicyCheck.check(integrationForm.getStatements(), policyErrors);
            }
        }
        FormValues values = FormValues.fromParameters(parameters, "config");
        // A secret left empty keeps the current one: it is not required again, and it is not sent.
        org.ldportal.form.EditedValues edited = org.ldportal.form.EditedValues.of(form, values);
        Map<String, String> typedSecrets = edited.typedSecrets();
        FormValidation validation = validator.validate(edited.spec(), values);
        Map<String, String> errors = new java.util.LinkedHashMap<>(validation.errors());
        org.ldportal.launchdarkly.Tags.Parsed parsedTags = org.ldportal.launchdarkly.Tags.parse(tags);
        model.addAttribute("nameError", name.isBlank() ? "Give it a name." : null);
        model.addAttribute("tagsError", parsedTags.problem());
        if (!name.isBlank() && parsedTags.problem() == null && errors.isEmpty() && !policyErrors.hasErrors()) {
            Map<String, Object> cleaned = new java.util.LinkedHashMap<>(validation.cleaned());
            form.secretKeys().forEach(cleaned::remove);
            // The patch tests the version the page showed: a change meanwhile refuses it.
            IntegrationManagement.Item seenItem = version == null ? current : current.withVersion(version);
            org.ldportal.change.PatchPlan plan = IntegrationManagement.plan(form, values, seenItem, seenValues(seen, form, current),
                    name.strip(), parsedTags.tags(), cleaned, typedSecrets, withPolicy ? integrationForm.getStatements() : null);
            if (plan.isEmpty()) {
                return editPage(user, manifest, current, form, name, tags, values, errors, seen,
                        "Nothing was changed: change a field, or go back.", model);
            }
            Approvals.Hold hold = approvals.hold(token, user, approvalRequests.pending(manifest, current, ChangeAction.UPDATE,
                    plan.operations(), name.strip(), plan.secretValues()), management.editReview(manifest, current, plan));
            if (hold.needed()) {
                if (hold.requestId().isPresent()) {
                    return ApprovalPages.requested(hold.requestId().getAsLong(), redirect);
                }
                return editPage(user, manifest, current, form, name, tags, values, errors, seen, OUT_OF_DATE, model);
            }
            ChangeResult<IntegrationManagement.Item> changed = management.update(user, manifest, current, name.strip(),
                    plan.operations(), plan.secretValues(), ChangeOrigin.DIRECT);
            if (changed instanceof ChangeResult.Succeeded<IntegrationManagement.Item>) {
                redirect.addFlashAttribute("notice", "The " + current.type().words() + " " + name.strip() + " was changed.");
                return "redirect:" + current.path(key);
            }
            model.addAttribute("reload", current.path(key) + "/edit");
            return editPage(user, manifest, current, form, name, tags, values, errors, seen, changed.problem(), model);
        }
        return editPage(user, manifest, current, form, name, tags, values, errors, seen, null, model);
    }

    @GetMapping("/{kind:configurations|subscriptions}/{id}/delete")
    String confirmDelete(@PathVariable String key, @PathVariable String kind, @PathVariable String id,
            Authentication authentication, Model model) {
        CurrentUser user = CurrentUser.from(authentication);
        Manifest manifest = manifest(key);
        IntegrationManagement.Item item = management.find(user, manifest, type(kind), id);
        management.requireAllowed(user, manifest, item, ChangeAction.DELETE);
        return deletion(manifest, item).show(model, "", null, null);
    }

    @PostMapping("/{kind:configurations|subscriptions}/{id}/delete")
    String delete(@PathVariable String key, @PathVariable String kind, @PathVariable String id,
            @RequestParam(defaultValue = "") String confirmation,
            @RequestParam(name = SubmissionPages.TOKEN, required = false) String token, Authentication authentication,
            Model model, RedirectAttributes redirect) {
        CurrentUser user = CurrentUser.from(authentication);
        Manifest manifest = manifest(key);
        IntegrationManagement.Item item = management.find(user, manifest, type(kind), id);
        DeleteConfirmation page = deletion(manifest, item);
        String mismatch = page.mismatch(confirmation);
        if (mismatch != null) {
            return page.show(model, confirmation, mismatch, null);
        }
        management.requireAllowed(user, manifest, item, ChangeAction.DELETE);
        Approvals.Hold hold = approvals.hold(token, user, approvalRequests.pending(manifest, item, ChangeAction.DELETE),
                management.review(manifest, item, ChangeAction.DELETE));
        if (hold.needed()) {
            if (hold.requestId().isPresent()) {
                return ApprovalPages.requested(hold.requestId().getAsLong(), redirect);
            }
            return page.show(model, confirmation, null, OUT_OF_DATE);
        }
        ChangeResult<Boolean> result = management.delete(user, manifest, item, ChangeOrigin.DIRECT);
        if (result instanceof ChangeResult.Succeeded<Boolean>) {
            redirect.addFlashAttribute("notice", "The " + item.type().words() + " " + item.name() + " was deleted.");
            return "redirect:/integrations/" + key;
        }
        return page.show(model, confirmation, null, result.problem());
    }

    private String detailPage(CurrentUser user, Manifest manifest, IntegrationManagement.Item item, Model model) {
        model.addAttribute("manifest", manifest);
        model.addAttribute("item", item);
        model.addAttribute("values", IntegrationManagement.shownValues(manifest, item));
        model.addAttribute("mayChange", management.mayChange(user));
        model.addAttribute("history", history.of(user, item.id()));
        model.addAttribute(SubmissionPages.TOKEN, SubmissionPages.newToken());
        model.addAttribute("approvalNeeded", approvals.required(approvalRequests.pending(manifest, item,
                item.on() ? ChangeAction.TURN_OFF : ChangeAction.TURN_ON)).map(ApprovalRules.Requirement::inWords).orElse(null));
        return "integrations/item";
    }

    private DeleteConfirmation deletion(Manifest manifest, IntegrationManagement.Item item) {
        return new DeleteConfirmation("integrations", item.type().words(), item.name(), "name",
                item.type() == IntegrationType.SUBSCRIPTION
                        ? List.of("LaunchDarkly stops sending audit-log events to " + manifest.name() + " through this "
                                + "subscription.", "Its settings and secrets, and the delivery status LaunchDarkly kept of it.")
                        : List.of("What " + manifest.name() + " does through this configuration stops.",
                                "Its settings and secrets: setting it up again means typing them again."),
                item.path(manifest.key()), approvals.required(approvalRequests.pending(manifest, item, ChangeAction.DELETE))
                        .map(ApprovalRules.Requirement::inWords).orElse(null));
    }


    private Map<String, String> seenValues(String seen, FormSpec form, IntegrationManagement.Item current) {
        return org.ldportal.form.EditedValues.seen(json, seen, () -> IntegrationManagement.editableValues(form, current));
    }

    private String editPage(CurrentUser user, Manifest manifest, IntegrationManagement.Item item, FormSpec form, String name,
            String tags, FormValues values, Map<String, String> errors, String seen, String problem, Model model) {
        model.addAttribute("manifest", manifest);
        model.addAttribute("item", item);
        model.addAttribute("name", name);
        model.addAttribute("tags", tags);
        model.addAttribute("seen", seen);
        model.addAttribute("problem", problem);
        model.addAttribute("configForm", FormView.of(form, "config", values.withoutSecrets(form), errors));
        if (!model.containsAttribute("integrationForm")) {
            model.addAttribute("integrationForm", policyForm(item));
        }
        model.addAttribute("showPolicy", item.type() == IntegrationType.SUBSCRIPTION);
        model.addAttribute("presets", IntegrationController.PRESETS_JSON);
        model.addAttribute(SubmissionPages.TOKEN, SubmissionPages.newToken());
        model.addAttribute("approvalNeeded", approvals.required(approvalRequests.pending(manifest, item, ChangeAction.UPDATE))
                .map(ApprovalRules.Requirement::inWords).orElse(null));
        return "integrations/edit";
    }
    /**
     * What the person asked for could not be read from LaunchDarkly: gone (404), or LaunchDarkly could not tell just
     * now. Changes never end here: the audited call answers their failures on the page of the change.
     */
    @ExceptionHandler({ LaunchDarklyException.class, org.ldportal.launchdarkly.NotAKeyException.class })
    String gone(RuntimeException e, Model model, HttpServletResponse response, Authentication authentication) {
        return new GonePage("integrations", "/integrations", "This is not in LaunchDarkly (any more): it may have been deleted."
               ).show(e, model, response,
                CurrentUser.from(authentication), failures);
    }

    private Manifest manifest(String key) {
        return catalog.find(key).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static IntegrationType type(String kind) {
        return kind.equals("configurations") ? IntegrationType.CONFIGURATION : IntegrationType.SUBSCRIPTION;
    }
}
