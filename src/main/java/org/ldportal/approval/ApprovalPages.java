package org.ldportal.approval;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Where a form goes once its change is kept as a request: the request's own page, which
 * says so.
 */
public final class ApprovalPages {

    private ApprovalPages() {
    }

    public static String requested(long id, RedirectAttributes redirect) {
        redirect.addFlashAttribute("requested", true);
        return "redirect:/requests/" + id;
    }

}
