package org.ldportal.change.pages;

import org.ldportal.change.ChangeResult;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What a page that changes something that exists (an edit, a switch, a delete's
 * confirmation) does with the flow's steps ({@link ChangePages#showManaged}): show itself
 * again saying what went wrong, and go on after a success.
 */
public interface ManagePage {

    /**
     * The page again, saying why nothing was done: a refusal, a failure, or an answer
     * that was not clear.
     */
    String failed(ChangeResult<?> result);

    /** The page again: it was open too long to make a request from, or to send from. */
    String outOfDate();

    /**
     * Where a success goes, with its notice (the result page of the first submit, for a
     * repeat).
     */
    String shown(Object notice, RedirectAttributes redirect);

    /**
     * The page of what exists, at {@code path}, as a switch on it needs it: after a
     * refusal or an out-of-date form it shows again ({@code show}) with the problem and a
     * link to reload it; a success goes back to it with its notice.
     */
    static ManagePage detail(String path, Model model, Supplier<String> show) {
        return new ManagePage() {

            @Override
            public String failed(ChangeResult<?> result) {
                return problem(result.problem());
            }

            @Override
            public String outOfDate() {
                return problem(ChangePages.OUT_OF_DATE);
            }

            @Override
            public String shown(Object notice, RedirectAttributes redirect) {
                return noticed(path, notice, redirect);
            }

            private String problem(@Nullable String problem) {
                model.addAttribute("problem", problem);
                model.addAttribute("reload", path);
                return show.get();
            }

        };
    }

    /** A notice shown on the page a change redirects to. */
    static String noticed(String path, Object notice, RedirectAttributes redirect) {
        redirect.addFlashAttribute("notice", notice);
        return "redirect:" + path;
    }

}
