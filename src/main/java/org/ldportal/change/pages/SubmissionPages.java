package org.ldportal.change.pages;

import org.ldportal.change.Submissions;
import org.ldportal.change.internal.JdbcSubmissions;
import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;

/** What a form's controller shows for a submit that is not the first of its token. */
public final class SubmissionPages {

    /** The hidden field and model attribute that carry a form's one-time token. */
    public static final String TOKEN = "submissionToken";

    private SubmissionPages() {
    }

    /**
     * Whether a submitted token has the shape the forms give them (anything else is never
     * looked up).
     */
    public static boolean wellFormed(@Nullable String token) {
        return JdbcSubmissions.wellFormed(token);
    }

    /** A fresh token for a form about to be shown. */
    public static String newToken() {
        return JdbcSubmissions.newToken();
    }

    /**
     * The page for a repeat whose first submit did not (yet) succeed: in progress, may
     * exist, or settled since.
     */
    static @Nullable String repeatedPage(Submissions.Claim<?> claim, Model model) {
        if (claim instanceof Submissions.Claim.InProgress<?>) {
            model.addAttribute("repeat", "in-progress");
            return "submission/repeated";
        }
        if (claim instanceof Submissions.Claim.MayExist<?> mayExist) {
            model.addAttribute("repeat", "may-exist");
            model.addAttribute("attempt", mayExist.attemptId());
            return "submission/repeated";
        }
        if (claim instanceof Submissions.Claim.Settled<?> settled) {
            // Settled by a check after the first submit's unclear answer: what was found,
            // never a second send.
            model.addAttribute("repeat", settled.created() ? "created" : "not-created");
            model.addAttribute("attempt", settled.attemptId());
            model.addAttribute("link", settled.link());
            return "submission/repeated";
        }
        return null;
    }

    /**
     * The form is shown again with a new token: the one it came with was missing or not
     * the person's.
     */
    public static void outOfDate(BindingResult form) {
        form.reject("outOfDate",
                "This form was out of date, so nothing was sent. Check the values below and send it again.");
    }

}
