package org.ldportal.change;

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

    /** A notice shown on the page a change redirects to. */
    static String noticed(String path, Object notice, RedirectAttributes redirect) {
        redirect.addFlashAttribute("notice", notice);
        return "redirect:" + path;
    }

}
