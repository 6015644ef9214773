package org.ldportal.integration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
import org.ldportal.change.PatchPlan;
import org.ldportal.change.Step;
import org.ldportal.change.Submission;
import org.ldportal.change.pages.SubmissionPages;
import org.ldportal.form.FormSpec;
import org.ldportal.form.FormValues;
import org.ldportal.form.FormView;
import org.ldportal.launchdarkly.ExistingResources;
import org.ldportal.launchdarkly.LaunchDarklyException;
import org.ldportal.launchdarkly.NotAKeyException;
import org.ldportal.resource.ChangeAction;
import org.ldportal.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An integration's page of what exists (its configurations and audit-log subscriptions,
 * with the delivery status LaunchDarkly reports), one of them with its values and
 * history, turning it on or off, editing it and deleting it after its name is typed, each
 * change through the change flow. Paths: {@code /integrations/{key}},
 * {@code /integrations/{key}/configurations/{id}},
 * {@code /integrations/{key}/subscriptions/{id}}.
 */
@Controller
@RequestMapping("/integrations/{key}")
class IntegrationManageController {

    private final ManifestCatalog catalog;

    private final IntegrationManagement management;

    private final IntegrationApprovals changes;

    private final ApiFailureTranslator failures;

    private final ChangeFlow flow;

    private final ChangePages pages;

    IntegrationManageController(ManifestCatalog catalog, IntegrationManagement management, IntegrationApprovals changes,
            ApiFailureTranslator failures, ChangeFlow flow, ChangePages pages) {
        this.catalog = catalog;
        this.management = management;
        this.changes = changes;
        this.failures = failures;
        this.flow = flow;
        this.pages = pages;
    }

    @InitBinder("integrationForm")
    void allowedFields(WebDataBinder binder) {
        // The name, tags and policy bind to the form object; the manifest's values are
        // read
        // as parameters.
        binder.setAllowedFields("name", "tags", "statements*");
        binder.setAutoGrowCollectionLimit(PolicyCheck.MAX_STATEMENTS + 1);
    }

    @GetMapping
    String integration(@PathVariable String key, CurrentUser user, Model model) {
        Manifest manifest = manifest(key);
        model.addAttribute("manifest", manifest);
        model.addAttribute("mayChange", management.mayChange(user));
        // Several may be turned on or off at once, as one plan, from the lists: each
        // list's
        // form its own submit.
        model.addAttribute(SubmissionPages.TOKEN, SubmissionPages.newToken());
        model.addAttribute("subscriptionsToken", SubmissionPages.newToken());
        try {
            ExistingResources.OfIntegration lists = management.lists(user, manifest);
            model.addAttribute("configurations",
                    lists.configurations().stream().map(IntegrationManagement.Item::of).toList());
            model.addAttribute("subscriptions",
                    lists.subscriptions().stream().map(IntegrationManagement.Item::of).toList());
        }
        catch (LaunchDarklyException e) {
            model.addAttribute("configurations", List.of());
            model.addAttribute("subscriptions", List.of());
            model.addAttribute("readProblem", failures.readProblem(e));
        }
        return "integrations/integration";
    }

    @GetMapping("/{kind:configurations|subscriptions}/{id}")
    String detail(@PathVariable String key, @PathVariable String kind, @PathVariable String id, CurrentUser user,
            Model model) {
        Manifest manifest = manifest(key);
        return detailPage(user, manifest, management.find(user, manifest, type(kind), id), model);
    }

    @PostMapping("/{kind:configurations|subscriptions}/{id}/{switch:turn-on|turn-off}")
    @Nullable String turn(@PathVariable String key, @PathVariable String kind, @PathVariable String id,
            @PathVariable("switch") String turn, @RequestParam(required = false) Integer version, Submission submission,
            Model model, RedirectAttributes redirect) {
        Manifest manifest = manifest(key);
        boolean on = turn.equals(ChangeAction.TURN_ON.key());
        IntegrationManagement.Item current = management.findToChange(submission.user(),
                on ? ChangeAction.TURN_ON : ChangeAction.TURN_OFF, manifest, type(kind), id);
        // The change applies only to the version the person saw; the page sent it.
        IntegrationManagement.Item seen = version == null ? current : current.withVersion(version);
        management.requireAllowed(submission.user(), manifest, seen, on ? ChangeAction.TURN_ON : ChangeAction.TURN_OFF);
        return pages.showManaged(flow.submit(submission, changes.turning(manifest, seen, on)), ManagePage
            .detail(current.path(manifest.key()), model, () -> detailPage(submission.user(), manifest, current, model)),
                model, redirect);
    }

    @GetMapping("/{kind:configurations|subscriptions}/{id}/edit")
    String edit(@PathVariable String key, @PathVariable String kind, @PathVariable String id, CurrentUser user,
            Model model) {
        Manifest manifest = manifest(key);
        IntegrationManagement.Item item = management.find(user, manifest, type(kind), id);
        management.requireAllowed(user, manifest, item, ChangeAction.UPDATE);
        FormSpec form = management.configForm(manifest, user);
        Map<String, String> shown = IntegrationManagement.editableValues(form, item);
        IntegrationForm edited = formOf(item, shown);
        model.addAttribute(edited);
        return new EditPage(manifest, item, form,
                new Shown(IntegrationManagement.formValuesOf(form, item), management.seen(shown)),
                new BeanPropertyBindingResult(edited, "integrationForm"), model)
            .show(Map.of());
    }

    /**
     * Without JavaScript, the policy's buttons (add, remove, a preset): the form again,
     * nothing sent.
     */
    @PostMapping(value = "/{kind:subscriptions}/{id}/edit", params = "editPolicy")
    String editPolicy(@PathVariable String key, @PathVariable String kind, @PathVariable String id,
            @RequestParam("editPolicy") String edit, @ModelAttribute IntegrationForm integrationForm,
            BindingResult binding, @RequestParam(defaultValue = "{}") String seen, Submission submission, Model model) {
        Manifest manifest = manifest(key);
        IntegrationManagement.Item current = management.findToChange(submission.user(), ChangeAction.UPDATE, manifest,
                type(kind), id);
        management.requireAllowed(submission.user(), manifest, current, ChangeAction.UPDATE);
        PolicyPresets.applyPolicyEdit(integrationForm.getStatements(), edit);
        return new EditPage(manifest, current, management.configForm(manifest, submission.user()),
                new Shown(FormValues.fromParameters(submission.parameters(), "config"), seen), binding, model)
            .show(Map.of());
    }

    @PostMapping("/{kind:configurations|subscriptions}/{id}/edit")
    @Nullable String update(@PathVariable String key, @PathVariable String kind, @PathVariable String id,
            @RequestParam(defaultValue = "{}") String seen, @RequestParam(required = false) Integer version,
            @Validated IntegrationForm integrationForm, BindingResult binding, Submission submission, Model model,
            RedirectAttributes redirect) {
        Manifest manifest = manifest(key);
        IntegrationManagement.Item current = management.findToChange(submission.user(), ChangeAction.UPDATE, manifest,
                type(kind), id);
        management.requireAllowed(submission.user(), manifest, current, ChangeAction.UPDATE);
        FormSpec form = management.configForm(manifest, submission.user());
        FormValues values = FormValues.fromParameters(submission.parameters(), "config");
        IntegrationManagement.Edit edit = management.edit(manifest, form, current, version, integrationForm, seen,
                values, binding);
        EditPage page = new EditPage(manifest, current, form, new Shown(values, seen), binding, model);
        if (edit.plan() == null) {
            return page.show(edit.errors());
        }
        if (edit.plan().isEmpty()) {
            binding.reject("unchanged", "Nothing was changed: change a field, or go back.");
            return page.show(Map.of());
        }
        return pages.showManaged(
                flow.submit(submission, changes.updating(manifest, current, integrationForm.getName(), edit.plan())),
                page, model, redirect);
    }

    @GetMapping("/{kind:configurations|subscriptions}/{id}/delete")
    String confirmDelete(@PathVariable String key, @PathVariable String kind, @PathVariable String id, CurrentUser user,
            Model model) {
        Manifest manifest = manifest(key);
        IntegrationManagement.Item item = management.find(user, manifest, type(kind), id);
        management.requireAllowed(user, manifest, item, ChangeAction.DELETE);
        return deletion(manifest, item).show(model, "", null, null);
    }

    @PostMapping("/{kind:configurations|subscriptions}/{id}/delete")
    @Nullable String delete(@PathVariable String key, @PathVariable String kind, @PathVariable String id,
            @RequestParam(defaultValue = "") String confirmation, Submission submission, Model model,
            RedirectAttributes redirect) {
        // A repeat of a delete that was sent: its subject is gone, so the first submit's
        // outcome is the answer.
        Optional<Step.Repeated<?>> repeat = flow.alreadySubmitted(submission, String.class);
        if (repeat.isPresent()) {
            return pages.showRepeatedDelete(repeat.get(), "/integrations/" + key, model, redirect);
        }
        Manifest manifest = manifest(key);
        IntegrationManagement.Item item = management.findToChange(submission.user(), ChangeAction.DELETE, manifest,
                type(kind), id);
        DeleteConfirmation page = deletion(manifest, item);
        String mismatch = page.mismatch(confirmation);
        if (mismatch != null) {
            return page.show(model, confirmation, mismatch, null);
        }
        management.requireAllowed(submission.user(), manifest, item, ChangeAction.DELETE);
        return pages.showManaged(flow.submit(submission, changes.deleting(manifest, item)),
                page.managed(model, confirmation, "/integrations/" + key), model, redirect);
    }

    /**
     * What the person asked for could not be read from LaunchDarkly: gone (404), or
     * LaunchDarkly could not tell just now. Changes never end here: the audited call
     * answers their failures on the page of the change.
     */
    @ExceptionHandler({ LaunchDarklyException.class, NotAKeyException.class })
    String gone(RuntimeException e, Model model, HttpServletResponse response, CurrentUser user) {
        return new GonePage("integrations", "/integrations",
                "This is not in LaunchDarkly (any more): it may have been " + "deleted.")
            .show(e, model, response, user, failures);
    }

    /**
     * The fixed part of the edit form as it is: name and tags as the page shows them, and
     * a subscription's policy (a configuration has none).
     */
    private static IntegrationForm formOf(IntegrationManagement.Item item, Map<String, String> shown) {
        IntegrationForm form = new IntegrationForm();
        form.setName(shown.get("name"));
        form.setTags(shown.get("tags"));
        form.setStatements(new ArrayList<>(item.statements().stream().map(StatementRow::of).toList()));
        return form;
    }

    private DeleteConfirmation deletion(Manifest manifest, IntegrationManagement.Item item) {
        return new DeleteConfirmation("integrations", item.type().words(), item.name(), "name",
                item.type() == IntegrationType.SUBSCRIPTION
                        ? List.of(
                                "LaunchDarkly stops sending audit-log events to " + manifest.name() + " through this "
                                        + "subscription.",
                                "Its settings and secrets, and the delivery status LaunchDarkly kept of it.")
                        : List.of("What " + manifest.name() + " does through this configuration stops.",
                                "Its settings and secrets: setting it up again means typing them again."),
                item.path(manifest.key()),
                flow.approvalNeeded(changes.deleting(manifest, item).pending()).orElse(null));
    }

    private Manifest manifest(String key) {
        return catalog.find(key).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static IntegrationType type(String kind) {
        return kind.equals("configurations") ? IntegrationType.CONFIGURATION : IntegrationType.SUBSCRIPTION;
    }

    /** The page of one configuration or subscription. */
    private String detailPage(CurrentUser user, Manifest manifest, IntegrationManagement.Item item, Model model) {
        model.addAttribute("manifest", manifest);
        model.addAttribute("item", item);
        model.addAttribute("values", management.shownValues(manifest, item));
        model.addAttribute("mayChange", management.mayChange(user));
        model.addAttribute("history", management.history(user, item));
        pages.showCode(model, IntegrationManagement.asCreate(manifest, item));
        model.addAttribute(SubmissionPages.TOKEN, SubmissionPages.newToken());
        model.addAttribute("approvalNeeded",
                flow.approvalNeeded(changes.turning(manifest, item, !item.on()).pending()).orElse(null));
        return "integrations/item";
    }

    /**
     * What an edit page shows of the manifest's fields (as typed, or as they are), and
     * what the page showed when it was opened.
     */
    private record Shown(FormValues values, String seen) {
    }

    /** The edit page, as it is shown and as an edit's steps need it. */
    private final class EditPage implements ManagePage {

        private final Manifest manifest;

        private final IntegrationManagement.Item item;

        private final FormSpec form;

        private final Shown shown;

        private final BindingResult binding;

        private final Model model;

        EditPage(Manifest manifest, IntegrationManagement.Item item, FormSpec form, Shown shown, BindingResult binding,
                Model model) {
            this.manifest = manifest;
            this.item = item;
            this.form = form;
            this.shown = shown;
            this.binding = binding;
            this.model = model;
        }

        /** The page, with the errors at the manifest's fields ({@code configErrors}). */
        String show(Map<String, String> configErrors) {
            model.addAttribute("manifest", manifest);
            model.addAttribute("item", item);
            model.addAttribute("seen", shown.seen());
            model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "integrationForm", binding);
            model.addAttribute("configForm",
                    FormView.of(form, "config", shown.values().withoutSecrets(form), configErrors));
            model.addAttribute("showPolicy", item.type() == IntegrationType.SUBSCRIPTION);
            model.addAttribute("presets", PolicyPresets.PRESETS_JSON);
            model.addAttribute(SubmissionPages.TOKEN, SubmissionPages.newToken());
            model.addAttribute("approvalNeeded",
                    flow.approvalNeeded(changes.updating(manifest, item, item.name(), new PatchPlan()).pending())
                        .orElse(null));
            return "integrations/edit";
        }

        @Override
        public String failed(ChangeResult<?> result) {
            Map<String, String> configErrors = FormRefusals.apply(result, binding, model);
            if (configErrors.isEmpty() && !binding.hasFieldErrors()) {
                model.addAttribute("reload", item.path(manifest.key()) + "/edit");
            }
            return show(configErrors);
        }

        @Override
        public String outOfDate() {
            binding.reject("out-of-date", ChangePages.OUT_OF_DATE);
            return show(Map.of());
        }

        @Override
        public String shown(Object notice, RedirectAttributes redirect) {
            return ManagePage.noticed(item.path(manifest.key()), notice, redirect);
        }

    }

}
