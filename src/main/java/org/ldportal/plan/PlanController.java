package org.ldportal.plan;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.ldportal.change.ChangeFlow;
import org.ldportal.change.PreparedChange;
import org.ldportal.change.Submission;
import org.ldportal.change.pages.ChangeForm;
import org.ldportal.change.pages.ChangePages;
import org.ldportal.change.pages.SubmissionPages;
import org.ldportal.security.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A plan's page: each step's outcome, and resuming or undoing it through the change flow.
 */
@Controller
@RequestMapping("/plans")
class PlanController {

    private final PlanPages plans;

    private final ChangeFlow flow;

    private final ChangePages pages;

    PlanController(PlanPages plans, ChangeFlow flow, ChangePages pages) {
        this.plans = plans;
        this.flow = flow;
        this.pages = pages;
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, CurrentUser user, Model model) {
        model.addAttribute("useForm", new UseForm());
        return showPlan(plans.visible(id, user), user, model);
    }

    @PostMapping("/{id}/resume")
    @Nullable String resume(@PathVariable long id, @ModelAttribute UseForm useForm, BindingResult result, Submission submission,
            Model model, RedirectAttributes redirect) {
        Plan plan = plans.actionable(id, submission.user());
        return send(plans.resuming(plan), plan, submission, result, model, redirect);
    }

    @PostMapping("/{id}/undo")
    @Nullable String undo(@PathVariable long id, @ModelAttribute UseForm useForm, BindingResult result, Submission submission,
            Model model, RedirectAttributes redirect) {
        Plan plan = plans.actionable(id, submission.user());
        return send(plans.undoing(plan, submission.user()), plan, submission, result, model, redirect);
    }

    private @Nullable String send(PreparedChange<PlanRun> change, Plan plan, Submission submission,
            BindingResult result, Model model, RedirectAttributes redirect) {
        return pages.show(flow.submit(submission, change), submission, new ChangeForm() {
            @Override
            public String again(Map<String, String> configErrors) {
                return showPlan(plan, submission.user(), model);
            }

            @Override
            public String shown(Object resultPage, RedirectAttributes attributes) {
                return "redirect:" + ((PlanRun) resultPage).path();
            }
        }, result, model, redirect);
    }

    private String showPlan(Plan plan, CurrentUser user, Model model) {
        model.addAttribute(SubmissionPages.TOKEN, SubmissionPages.newToken());
        model.addAttribute("plan", plan);
        model.addAttribute("mayAct", plans.mayAct(plan, user));
        model.addAttribute("resumable", plans.resumable(plan));
        return "plan/plan";
    }

}
