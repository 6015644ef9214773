package org.ldportal.destination;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.ldportal.audit.ResourceHistory;
import org.ldportal.change.ApiFailureTranslator;
import org.ldportal.change.ChangeFlow;
import org.ldportal.change.pages.ChangePages;
import org.ldportal.change.ChangeResult;
import org.ldportal.change.pages.DeleteConfirmation;
import org.ldportal.change.pages.GonePage;
import org.ldportal.change.pages.ManagePage;
import org.ldportal.change.PatchPlan;
import org.ldportal.change.pages.FormRefusals;
import org.ldportal.change.Step;
import org.ldportal.change.Submission;
import org.ldportal.change.pages.SubmissionPages;
import org.ldportal.form.EditedValues;
import org.ldportal.form.FormValues;
import org.ldportal.form.FormView;
import org.ldportal.launchdarkly.LaunchDarklyException;
import org.ldportal.launchdarkly.NotAKeyException;
import org.ldportal.resource.ChangeAction;
import org.ldportal.security.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The Data Export destinations that exist: the list (filtered by project, environment and
 * kind), one destination with its non-secret config and its history in the audit trail,
 * turning it on or off, editing it, and deleting it after the person types its name, each
 * change through the change flow. Problems are shown on the page they concern, with a
 * link to reload when it changed meanwhile.
 */
@Controller
@RequestMapping("/destinations")
class DestinationManageController {

    private final DestinationManagement management;

    private final DestinationApprovals changes;

    private final ResourceHistory history;

    private final ApiFailureTranslator failures;

    private final ChangeFlow flow;

    private final ChangePages pages;

    DestinationManageController(DestinationManagement management, DestinationApprovals changes, ResourceHistory history,
            ApiFailureTranslator failures, ChangeFlow flow, ChangePages pages) {
        this.management = management;
        this.changes = changes;
        this.history = history;
        this.failures = failures;
        this.flow = flow;
        this.pages = pages;
    }

    @InitBinder("destinationForm")
    void allowedFields(WebDataBinder binder) {
        // The project, environment and kind come from the path: an edit changes the name
        // and the kind's values (read as parameters).
        binder.setAllowedFields("name");
    }

    @GetMapping
    String list(@RequestParam(required = false) String project, @RequestParam(required = false) String environment,
            @RequestParam(required = false) String kind, CurrentUser user, Model model) {
        model.addAttribute("project", project);
        model.addAttribute("environment", environment);
        model.addAttribute("kind", kind);
        // Several may be turned on or off at once, as one plan: the list is where they
        // are
        // chosen, and where "Change something" on its review comes back to.
        model.addAttribute(SubmissionPages.TOKEN, SubmissionPages.newToken());
        model.addAttribute("back", listPath(project, environment, kind));
        try {
            showRows(management.visible(user), new DestinationManagement.Filter(project, environment, kind), model);
        }
        catch (LaunchDarklyException e) {
            List.of("rows", "projects", "environments", "kinds").forEach(name -> model.addAttribute(name, List.of()));
            model.addAttribute("readProblem", failures.readProblem(e));
        }
        return "destinations/list";
    }

    /** The rows that pass the filters, and the filters' choices from all of them. */
    private static void showRows(List<DestinationManagement.Row> visible, DestinationManagement.Filter filter,
            Model model) {
        model.addAttribute("rows", visible.stream().filter(filter::accepts).toList());
        model.addAttribute("projects", visible.stream().map(DestinationManagement.Row::projectKey).distinct().toList());
        model.addAttribute("environments",
                visible.stream().map(DestinationManagement.Row::environmentKey).distinct().sorted().toList());
        model.addAttribute("kinds", visible.stream().map(row -> row.destination().kind()).distinct().sorted().toList());
    }

    /** The list as filtered, to come back to. */
    private static String listPath(@Nullable String project, @Nullable String environment, @Nullable String kind) {
        UriComponentsBuilder path = UriComponentsBuilder.fromPath("/destinations");
        filter(path, "project", project);
        filter(path, "environment", environment);
        filter(path, "kind", kind);
        return path.encode().toUriString();
    }

    private static void filter(UriComponentsBuilder path, String name, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            path.queryParam(name, value);
        }
    }

    @GetMapping("/{projectKey}/{environmentKey}/{id}")
    String detail(@PathVariable String projectKey, @PathVariable String environmentKey, @PathVariable String id,
            CurrentUser user, Model model) {
        return detailPage(user, management.find(user, projectKey, environmentKey, id), model);
    }

    @PostMapping("/{projectKey}/{environmentKey}/{id}/turn-on")
    @Nullable String turnOn(@PathVariable String projectKey, @PathVariable String environmentKey, @PathVariable String id,
            @RequestParam(required = false) Integer version, Submission submission, Model model,
            RedirectAttributes redirect) {
        return turn(management.findToChange(submission.user(), ChangeAction.TURN_ON, projectKey, environmentKey, id),
                version, true, submission, model, redirect);
    }

    @PostMapping("/{projectKey}/{environmentKey}/{id}/turn-off")
    @Nullable String turnOff(@PathVariable String projectKey, @PathVariable String environmentKey, @PathVariable String id,
            @RequestParam(required = false) Integer version, Submission submission, Model model,
            RedirectAttributes redirect) {
        return turn(management.findToChange(submission.user(), ChangeAction.TURN_OFF, projectKey, environmentKey, id),
                version, false, submission, model, redirect);
    }

    @GetMapping("/{projectKey}/{environmentKey}/{id}/edit")
    String edit(@PathVariable String projectKey, @PathVariable String environmentKey, @PathVariable String id,
            CurrentUser user, Model model) {
        DestinationManagement.Row row = management.find(user, projectKey, environmentKey, id);
        management.requireAllowed(user, row, ChangeAction.UPDATE);
        Map<String, String> shown = management.editableValues(row);
        DestinationForm form = new DestinationForm();
        form.setName(shown.get("name"));
        model.addAttribute(form);
        return new EditPage(row, EditedValues.configOf(shown), management.seen(shown),
                new BeanPropertyBindingResult(form, "destinationForm"), model)
            .show(Map.of());
    }

    @PostMapping("/{projectKey}/{environmentKey}/{id}/edit")
    @Nullable String update(@PathVariable String projectKey, @PathVariable String environmentKey, @PathVariable String id,
            @Validated(DestinationForm.Edited.class) DestinationForm form, BindingResult binding,
            @RequestParam(required = false) Integer version, @RequestParam(defaultValue = "{}") String seen,
            Submission submission, Model model, RedirectAttributes redirect) {
        DestinationManagement.Row current = management.findToChange(submission.user(), ChangeAction.UPDATE, projectKey,
                environmentKey, id);
        management.requireAllowed(submission.user(), current, ChangeAction.UPDATE);
        FormValues values = FormValues.fromParameters(submission.parameters(), "config");
        // The kind's fields are checked even when the name is not, so every error shows
        // at once.
        DestinationManagement.Edit edit = management.edit(current, version, binding.hasErrors() ? null : form.getName(),
                values, seen);
        EditPage page = new EditPage(current, values, seen, binding, model);
        if (edit.plan() == null) {
            return page.show(edit.errors());
        }
        if (edit.plan().isEmpty()) {
            binding.reject("unchanged", "Nothing was changed: change a field, or go back to the destination.");
            return page.show(Map.of());
        }
        return pages.showManaged(flow.submit(submission, changes.updating(current, form.getName(), edit.plan())), page,
                model, redirect);
    }

    @GetMapping("/{projectKey}/{environmentKey}/{id}/delete")
    String confirmDelete(@PathVariable String projectKey, @PathVariable String environmentKey, @PathVariable String id,
            CurrentUser user, Model model) {
        DestinationManagement.Row row = management.find(user, projectKey, environmentKey, id);
        management.requireAllowed(user, row, ChangeAction.DELETE);
        return deletion(row).show(model, "", null, null);
    }

    @PostMapping("/{projectKey}/{environmentKey}/{id}/delete")
    @Nullable String delete(@PathVariable String projectKey, @PathVariable String environmentKey, @PathVariable String id,
            @RequestParam(defaultValue = "") String confirmation, Submission submission, Model model,
            RedirectAttributes redirect) {
        // A repeat of a delete that was sent: its subject is gone, so the first submit's
        // outcome is the answer.
        Optional<Step.Repeated<?>> repeat = flow.alreadySubmitted(submission, String.class);
        if (repeat.isPresent()) {
            return pages.showRepeatedDelete(repeat.get(), "/destinations", model, redirect);
        }
        DestinationManagement.Row row = management.findToChange(submission.user(), ChangeAction.DELETE, projectKey,
                environmentKey, id);
        DeleteConfirmation page = deletion(row);
        String mismatch = page.mismatch(confirmation);
        if (mismatch != null) {
            return page.show(model, confirmation, mismatch, null);
        }
        management.requireAllowed(submission.user(), row, ChangeAction.DELETE);
        return pages.showManaged(flow.submit(submission, changes.deleting(row)),
                page.managed(model, confirmation, "/destinations"), model, redirect);
    }

    /**
     * What the person asked for could not be read from LaunchDarkly: gone (404), or
     * LaunchDarkly could not tell just now. Changes never end here: the audited call
     * answers their failures on the page of the change.
     */
    @ExceptionHandler({ LaunchDarklyException.class, NotAKeyException.class })
    String gone(RuntimeException e, Model model, HttpServletResponse response, CurrentUser user) {
        return new GonePage("destinations", "/destinations",
                "This Data Export destination is not in LaunchDarkly (any more): " + "it may have been deleted.")
            .show(e, model, response, user, failures);
    }

    private @Nullable String turn(DestinationManagement.Row current, Integer version, boolean on, Submission submission,
            Model model, RedirectAttributes redirect) {
        // The change applies only to the version the person saw; the page sent it.
        DestinationManagement.Row seen = version == null ? current
                : DestinationManagement.withVersion(current, version);
        management.requireAllowed(submission.user(), seen, on ? ChangeAction.TURN_ON : ChangeAction.TURN_OFF);
        return pages.showManaged(flow.submit(submission, changes.turning(seen, on)),
                ManagePage.detail(current.path(), model, () -> detailPage(submission.user(), current, model)), model,
                redirect);
    }

    private String detailPage(CurrentUser user, DestinationManagement.Row row, Model model) {
        model.addAttribute("row", row);
        model.addAttribute(SubmissionPages.TOKEN, SubmissionPages.newToken());
        model.addAttribute("approvalNeeded",
                flow.approvalNeeded(changes.turning(row, !row.on()).pending()).orElse(null));
        model.addAttribute("config", management.shownConfig(row));
        model.addAttribute("mayChange", management.mayChange(user, row));
        model.addAttribute("history", history.of(user, row.destination().id()));
        pages.showCode(model, management.asCreate(row));
        model.addAttribute("trailUrl",
                UriComponentsBuilder.fromPath("/audit")
                    .queryParam("type", "destination")
                    .queryParam("project", row.projectKey())
                    .queryParam("environment", row.environmentKey())
                    .toUriString());
        return "destinations/detail";
    }

    private DeleteConfirmation deletion(DestinationManagement.Row row) {
        return new DeleteConfirmation("destinations", "destination", String.valueOf(row.destination().name()), "name",
                List.of("LaunchDarkly stops exporting the events of environment " + row.environmentKey()
                        + " of project " + row.projectKey() + " to this " + row.kindTitle() + " destination.",
                        "Its settings, secrets included: setting it up again means typing them again."),
                row.path(), flow.approvalNeeded(changes.deleting(row).pending()).orElse(null));
    }

    /** The edit page, as it is shown and as an edit's steps need it. */
    private final class EditPage implements ManagePage {

        private final DestinationManagement.Row row;

        private final FormValues values;

        private final String seen;

        private final BindingResult binding;

        private final Model model;

        EditPage(DestinationManagement.Row row, FormValues values, String seen, BindingResult binding, Model model) {
            this.row = row;
            this.values = values;
            this.seen = seen;
            this.binding = binding;
            this.model = model;
        }

        /** The page, with the errors at the kind's own fields ({@code configErrors}). */
        String show(Map<String, String> configErrors) {
            model.addAttribute("row", row);
            model.addAttribute("seen", seen);
            model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "destinationForm", binding);
            model.addAttribute("configEditable", management.configEditable(row));
            management.configForm(row)
                .ifPresent(form -> model.addAttribute("configForm",
                        FormView.of(form, "config", values.withoutSecrets(form), configErrors)));
            model.addAttribute(SubmissionPages.TOKEN, SubmissionPages.newToken());
            model.addAttribute("approvalNeeded",
                    flow.approvalNeeded(
                            changes.updating(row, String.valueOf(row.destination().name()), new PatchPlan()).pending())
                        .orElse(null));
            return "destinations/edit";
        }

        @Override
        public String failed(ChangeResult<?> result) {
            Map<String, String> configErrors = FormRefusals.apply(result, binding, model);
            if (configErrors.isEmpty() && !binding.hasFieldErrors()) {
                model.addAttribute("reload", row.path() + "/edit");
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
            return ManagePage.noticed(row.path(), notice, redirect);
        }

    }

}
