package org.ldportal.plan;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpSession;

import org.jspecify.annotations.Nullable;
import org.ldportal.change.ChangeFlow;
import org.ldportal.change.KeptSecrets;
import org.ldportal.change.Submission;
import org.ldportal.change.pages.ChangeForm;
import org.ldportal.change.pages.ChangePages;
import org.ldportal.change.pages.SubmissionPages;
import org.ldportal.form.FormSpec;
import org.ldportal.form.FormValues;
import org.ldportal.form.FormView;
import org.ldportal.security.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Using a template: the list of those offered, its one short form, the review of the
 * whole plan and its run, through the change flow.
 */
@Controller
@RequestMapping("/templates")
class TemplateUseController {

    static final String FORM = "plan/use";

    private final TemplateUse use;

    private final Plans plans;

    private final ChangeFlow flow;

    private final ChangePages pages;

    TemplateUseController(TemplateUse use, Plans plans, ChangeFlow flow, ChangePages pages) {
        this.use = use;
        this.plans = plans;
        this.flow = flow;
        this.pages = pages;
    }

    @GetMapping
    String list(CurrentUser user, Model model) {
        model.addAttribute("templates", use.offered(user));
        model.addAttribute("plans", plans.of(user.subject()));
        return "plan/use-list";
    }

    @GetMapping("/{key}")
    String initUseForm(@PathVariable String key, CurrentUser user, Model model) {
        TemplateUse.Offered template = use.find(key, user);
        model.addAttribute("useForm", new UseForm());
        return showForm(template, use.form(template, user), FormValues.empty(), Map.of(), model);
    }

    /**
     * Back from the review ("Change something"): the form as it was, secrets kept
     * server-side.
     */
    @PostMapping(value = "/{key}", params = "refresh")
    String refreshUseForm(@PathVariable String key, @ModelAttribute UseForm useForm, Submission submission, Model model,
            HttpSession session) {
        TemplateUse.Offered template = use.find(key, submission.user());
        FormSpec form = use.form(template, submission.user());
        FormValues values = use.kept(session, submission.draft(), form, submission.parameters(), model);
        return showForm(template, form, values, Map.of(), model);
    }

    @PostMapping("/{key}")
    @Nullable String processUseForm(@PathVariable String key, @ModelAttribute UseForm useForm, BindingResult result,
            @RequestParam(required = false) @Nullable Integer templateVersion, Submission submission, Model model,
            RedirectAttributes redirect, HttpSession session) {
        TemplateUse.Offered template = use.find(key, submission.user());
        FormSpec form = use.form(template, submission.user());
        FormValues values = use.kept(session, submission.draft(), form, submission.parameters(), model);
        if (templateVersion != null && templateVersion != template.version().version()) {
            // What was reviewed is not what would run.
            result.reject("template", "The template was changed while you were filling it in: check your answers "
                    + "against version " + template.version().version() + ", then review the plan again.");
            return showForm(template, form, values, Map.of(), model);
        }
        TemplateUse.Made made = use.make(template, form, values, submission.user());
        if (made instanceof TemplateUse.Made.Invalid invalid) {
            invalid.problems().forEach(problem -> result.reject("template", problem));
            return showForm(template, form, values, invalid.errors(), model);
        }
        Submission sent = submission.with(KeptSecrets.DRAFT, (String) model.getAttribute(KeptSecrets.DRAFT));
        return pages.show(flow.submit(sent, ((TemplateUse.Made.Ready) made).change()), sent,
                new UsePage(template, form, values, model), result, model, redirect);
    }

    private String showForm(TemplateUse.Offered template, FormSpec form, FormValues values, Map<String, String> errors,
            Model model) {
        KeptSecrets.newDraft(model);
        model.addAttribute(SubmissionPages.TOKEN, SubmissionPages.newToken());
        model.addAttribute("template", template);
        model.addAttribute("valuesForm",
                FormView.of(form, TemplateUse.PREFIX, values, errors, KeptSecrets.keysIn(model)));
        return FORM;
    }

    /** The form page as the change flow's steps need it. */
    private final class UsePage implements ChangeForm {

        private final TemplateUse.Offered template;

        private final FormSpec form;

        private final FormValues values;

        private final Model model;

        UsePage(TemplateUse.Offered template, FormSpec form, FormValues values, Model model) {
            this.template = template;
            this.form = form;
            this.values = values;
            this.model = model;
        }

        @Override
        public String again(Map<String, String> configErrors) {
            return showForm(template, form, values, configErrors, model);
        }

        @Override
        public String shown(Object resultPage, RedirectAttributes redirect) {
            return "redirect:" + ((PlanRun) resultPage).path();
        }

        @Override
        public ReviewPost review(MultiValueMap<String, String> parameters) {
            MultiValueMap<String, String> carried = new LinkedMultiValueMap<>(parameters);
            carried.set(KeptSecrets.DRAFT, (String) model.getAttribute(KeptSecrets.DRAFT));
            Set<String> secrets = form.secretKeys()
                .stream()
                .map(key -> TemplateUse.PREFIX + "[" + key + "]")
                .collect(Collectors.toSet());
            return new ReviewPost("/templates/" + template.key(), carried, secrets);
        }

    }

}
