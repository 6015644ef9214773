package org.ldportal.change.pages;

import java.util.Map;
import java.util.Set;

import org.springframework.util.MultiValueMap;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What one form page does with the flow's steps ({@link ChangePages}): show itself again
 * with what went wrong, show the result page of a success (or of the first submit, to a
 * repeat), and, for a form that is reviewed first, what its review page posts back.
 */
public interface ChangeForm {

    /**
     * The form again, with the errors on its binding result and {@code configErrors} at
     * its generated fields.
     */
    String again(Map<String, String> configErrors);

    /** The result page (post/redirect/get), made of what a success answered. */
    String shown(Object resultPage, RedirectAttributes redirect);

    /**
     * Where the review page posts, what it carries of the form, and what it must never
     * write into the page.
     */
    default ReviewPost review(MultiValueMap<String, String> parameters) {
        throw new IllegalStateException("This form is not reviewed before it is sent");
    }

    /** The review page's form: its address and hidden values. */
    record ReviewPost(String action, MultiValueMap<String, String> carried, Set<String> leftOut) {
    }

    /**
     * A result page shown as a flash attribute of a page of its own: {@code created} on
     * {@code /environments/created}.
     */
    static String flashed(String attribute, String path, Object resultPage, RedirectAttributes redirect) {
        redirect.addFlashAttribute(attribute, resultPage);
        return "redirect:" + path;
    }

}
