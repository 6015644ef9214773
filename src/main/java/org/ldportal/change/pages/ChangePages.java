package org.ldportal.change.pages;

import org.ldportal.change.ChangeResult;
import org.ldportal.change.Step;
import org.ldportal.change.Submission;
import org.ldportal.change.Submissions;
import org.ldportal.launchdarkly.CreateCall;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The flow's steps as pages, once for every form: the review, a request kept, out of
 * date, a repeat, the outcome.
 */
@Component
public class ChangePages {

    /**
     * Why a page that changes something sent nothing: its token was missing or too old.
     */
    public static final String OUT_OF_DATE = "This page was open too long to make a request for approval from, or to send "
            + "from. Reload it and try again.";

    private final ReviewPages reviews;

    public ChangePages(ReviewPages reviews) {
        this.reviews = reviews;
    }

    /**
     * A resource's page offers it as code (Terraform, ldcli, curl): the create that would
     * make it again.
     */
    public void showCode(Model model, CreateCall call) {
        reviews.presentCode(model, call);
    }

    /**
     * The page of the step; null only for a repeat whose claim names no page
     * ({@link SubmissionPages#repeatedPage}).
     */
    public @Nullable String show(Step<?> step, Submission submission, ChangeForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        if (step instanceof Step.ShowReview<?> review) {
            ChangeForm.ReviewPost post = form.review(submission.parameters());
            model.addAttribute("checks", review.checks());
            return reviews.show(model, review.review(), post.action(), post.carried(), post.leftOut(),
                    review.approvalNote());
        }
        if (step instanceof Step.Requested<?> requested) {
            redirect.addFlashAttribute("requested", true);
            return "redirect:/requests/" + requested.requestId();
        }
        if (step instanceof Step.OutOfDate<?>) {
            SubmissionPages.outOfDate(result);
            return form.again(Map.of());
        }
        if (step instanceof Step.Repeated<?> repeated) {
            if (repeated.claim() instanceof Submissions.Claim.Succeeded<?> first) {
                return form.shown(first.resultPage(), redirect);
            }
            return SubmissionPages.repeatedPage(repeated.claim(), model);
        }
        Step.Done<?> done = (Step.Done<?>) step;
        if (done.result() instanceof ChangeResult.Succeeded<?> && done.resultPage() != null) {
            return form.shown(done.resultPage(), redirect);
        }
        return form.again(FormRefusals.apply(done.result(), result, model));
    }

    /**
     * A repeat of a delete: its first submit's notice on the page a delete goes to
     * ({@code path}), or that it is still in progress or unclear.
     */
    public @Nullable String showRepeatedDelete(Step.Repeated<?> step, String path, Model model,
            RedirectAttributes redirect) {
        Submissions.Claim<?> claim = step.claim();
        if (claim instanceof Submissions.Claim.Succeeded<?> first) {
            return ManagePage.noticed(path, first.resultPage(), redirect);
        }
        return SubmissionPages.repeatedPage(claim, model);
    }

    /** The steps of a change of something that exists, on the page it comes from. */
    public @Nullable String showManaged(Step<?> step, ManagePage page, Model model, RedirectAttributes redirect) {
        if (step instanceof Step.Requested<?> requested) {
            redirect.addFlashAttribute("requested", true);
            return "redirect:/requests/" + requested.requestId();
        }
        if (step instanceof Step.OutOfDate<?>) {
            return page.outOfDate();
        }
        if (step instanceof Step.Repeated<?> repeated) {
            if (repeated.claim() instanceof Submissions.Claim.Succeeded<?> first) {
                return page.shown(first.resultPage(), redirect);
            }
            return SubmissionPages.repeatedPage(repeated.claim(), model);
        }
        if (step instanceof Step.ShowReview<?>) {
            throw new IllegalStateException("A change of something that exists is not reviewed on a page of its own");
        }
        Step.Done<?> done = (Step.Done<?>) step;
        if (done.result() instanceof ChangeResult.Succeeded<?> && done.resultPage() != null) {
            return page.shown(done.resultPage(), redirect);
        }
        return page.failed(done.result());
    }

}
