package org.ldportal.change.pages;

import org.ldportal.change.ChangeResult;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The page before a delete ({@code manage/delete}): what is lost, and the name or key the
 * person types to confirm, compared exactly. The same for every kind of resource.
 *
 * @param nav the header's section
 * @param noun what is deleted, in words ("destination", "environment")
 * @param expected what must be typed
 * @param expectedLabel what that is ("name", "key")
 * @param path the resource's page; the form posts to {@code path + "/delete"}
 * @param approvalNeeded who must approve first, in words, or null
 */
public record DeleteConfirmation(String nav, String noun, String expected, String expectedLabel, List<String> losses,
        String path, @Nullable String approvalNeeded) {

    /**
     * The message at the field when what was typed does not confirm the delete; null when
     * it does.
     */
    public @Nullable String mismatch(String typed) {
        if (typed.strip().equals(expected)) {
            return null;
        }
        return typed.isBlank() ? "Type the " + noun + "'s " + expectedLabel + " to confirm."
                : "This is not the " + noun + "'s " + expectedLabel + ". Type " + expected + " exactly as shown.";
    }

    /**
     * The page as a delete's steps need it: again with what went wrong, or on to
     * {@code done} with a notice.
     */
    public ManagePage managed(Model model, String confirmation, String done) {
        return new ManagePage() {
            @Override
            public String failed(ChangeResult<?> result) {
                return show(model, confirmation, null, result.problem());
            }

            @Override
            public String outOfDate() {
                return show(model, confirmation, null, ChangePages.OUT_OF_DATE);
            }

            @Override
            public String shown(Object notice, RedirectAttributes redirect) {
                return ManagePage.noticed(done, notice, redirect);
            }
        };
    }

    /**
     * The page, keeping what was typed, with the message at the field or a problem above
     * it (a reload link then).
     */
    public String show(Model model, String confirmation, @Nullable String error, @Nullable String problem) {
        model.addAttribute("nav", nav);
        model.addAttribute(SubmissionPages.TOKEN, SubmissionPages.newToken());
        model.addAttribute("approvalNeeded", approvalNeeded);
        model.addAttribute("what", "the " + noun);
        model.addAttribute("expected", expected);
        model.addAttribute("expectedLabel", expectedLabel);
        model.addAttribute("losses", losses);
        model.addAttribute("action", path + "/delete");
        model.addAttribute("cancel", path);
        model.addAttribute("confirmation", confirmation);
        model.addAttribute("confirmationError", error);
        model.addAttribute("problem", problem);
        model.addAttribute("reload", problem == null ? null : path + "/delete");
        return "manage/delete";
    }
}
